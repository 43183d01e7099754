import { runStep } from '../runtime/run.js';
import { main } from './run.js';

await runStep('pipeline-diff', 'main', main);
