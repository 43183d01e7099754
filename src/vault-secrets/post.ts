import { runStep } from '../runtime/run.js';
import { post } from './run.js';

await runStep('vault-secrets', 'post', post);
