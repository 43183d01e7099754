import { runStep } from '../runtime/run.js';
import { main } from './run.js';

await runStep('promote', 'main', main);
