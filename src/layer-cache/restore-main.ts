import { runStep } from '../runtime/run.js';
import { restoreStep } from './run.js';

await runStep('layer-cache/restore', 'main', restoreStep);
