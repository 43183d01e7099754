import { runStep } from '../runtime/step.js';
import { main } from './adapter.js';

await runStep('pipeline-metrics', 'main', main);
