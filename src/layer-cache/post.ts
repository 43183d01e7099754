import { runStep } from '../runtime/step.js';
import { post } from './adapter.js';

await runStep('layer-cache', 'post', post);
