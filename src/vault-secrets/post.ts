import { runStep } from '../runtime/step.js';
import { post } from './run.js';

await runStep('vault-secrets', 'post', post);
