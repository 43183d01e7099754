import { runStep } from '../runtime/step.js';
import { post } from './adapter.js';

await runStep('vault-secrets', 'post', post);
