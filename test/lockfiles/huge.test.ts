/**
 * A 50 MB lockfile does not blow memory: each format the generator writes at 50 MB or more is
 * parsed in a child Node whose heap is capped at HEAP_MB (the text itself is ~55 MB of it). A reader
 * that built a document tree the way a general YAML parser does would run out and be killed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LockfileKind } from '../../src/lockfiles/index.js';
import { generateAtLeast } from './generate.js';

const HEAP_MB = 448;
const dir = mkdtempSync(join(tmpdir(), 'gantry-lockfiles-huge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const node = join(process.cwd(), 'node_modules/.bin/node');

describe(`50 MB lockfiles parse under a ${HEAP_MB} MB heap`, () => {
  it.each<LockfileKind>(['npm', 'pnpm', 'yarn-classic', 'yarn-berry', 'uv', 'cargo'])(
    '%s',
    (kind) => {
      const { file, text, count } = generateAtLeast(kind, 50 * 1024 * 1024);
      const path = join(dir, kind);
      writeFileSync(path, text);
      const child = spawnSync(
        node,
        [
          `--max-old-space-size=${HEAP_MB}`,
          '--import',
          'tsx',
          join(import.meta.dirname, 'huge-child.ts'),
          path,
          file,
        ],
        { encoding: 'utf8' },
      );
      rmSync(path);
      expect(child.stderr.slice(-2000), `exit ${child.status} ${child.signal ?? ''}`).not.toMatch(
        /heap|memory/i,
      );
      expect(child.status).toBe(0);
      const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
        bytes: number;
        packages: number;
      };
      expect(result.bytes).toBeGreaterThanOrEqual(50 * 1024 * 1024);
      expect(result.packages).toBe(count);
    },
    600_000,
  );
});
