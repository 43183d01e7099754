import { runStep } from '../runtime/step.js';
import { main } from './run.js';

await runStep('changes', 'main', main);
