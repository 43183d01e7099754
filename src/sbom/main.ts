import { runStep } from '../runtime/run.js';
import { main } from './run.js';

await runStep('sbom', 'main', main);
