import { setFlagsFromString } from 'node:v8';

let applied = false;

/**
 * Keeps V8's young generation at its starting size for this process. Node 24 lets the new space
 * grow to 134 MB (two 64 MB semi-spaces and more) as soon as a program keeps a few tens of
 * megabytes of what it allocates, which a collection of 10,000 runs does: with the facts compact
 * (compact.ts), that reserve was a third of the peak RSS (bench/pipeline-metrics.ts), and with it
 * kept small the peak fell by about 100 MB at the same wall time (objects that outlive a small
 * new space are promoted sooner; the old space is collected incrementally).
 *
 * `--max-semi-space-size` is read only when the heap is set up, and an action cannot pass node
 * flags (the runner starts `node index.js`); the growth factor is read each time the new space
 * would grow, so setting it at start-up takes effect. Node documents setFlagsFromString as
 * unsupported after start-up in general; this one flag only stops a growth step. Once per process.
 */
export function keepYoungGenerationSmall(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--semi-space-growth-factor=1');
}
