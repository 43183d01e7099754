// The registry modes must not pay for @actions/cache (and the Azure storage SDK it carries):
// the bundle's entry file holds none of it; ncc puts it in a chunk that only the GitHub-cache
// path loads (src/layer-cache/run.ts imports github-cache.ts dynamically).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = resolve(import.meta.dirname, '../../dist/layer-cache');
const AZURE_MARKER = '@azure/storage-blob';

describe('layer-cache bundle', () => {
  it('keeps @actions/cache out of the entry files (main and post) and in a chunk loaded on demand', () => {
    for (const entry of ['index.js', 'post/index.js'])
      expect(readFileSync(join(dist, entry), 'utf8').includes(AZURE_MARKER), entry).toBe(false);
    const chunks = readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f));
    expect(chunks.some((c) => readFileSync(join(dist, c), 'utf8').includes(AZURE_MARKER))).toBe(true);
  });
});
