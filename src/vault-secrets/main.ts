import { runStep } from '../runtime/run.js';
import { main } from './run.js';

await runStep('vault-secrets', 'main', main);
