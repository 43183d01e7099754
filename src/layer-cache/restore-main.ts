import { runStep } from '../runtime/step.js';
import { restoreStep } from './adapter.js';

await runStep('layer-cache/restore', 'main', restoreStep);
