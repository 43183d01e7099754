import { runStep } from '../runtime/run.js';
import { main } from './run.js';

await runStep('registry-retention', 'main', main);
