import { runStep } from '../runtime/step.js';
import { post } from './run.js';

await runStep('layer-cache', 'post', post);
