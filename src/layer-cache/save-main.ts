import { runStep } from '../runtime/run.js';
import { saveStep } from './run.js';

await runStep('layer-cache/save', 'main', saveStep);
