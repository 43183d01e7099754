import { runStep } from '../runtime/run.js';
import { post } from './run.js';

await runStep('layer-cache', 'post', post);
