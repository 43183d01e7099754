import { runStep } from '../runtime/step.js';
import { saveStep } from './adapter.js';

await runStep('layer-cache/save', 'main', saveStep);
