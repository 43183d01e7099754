import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServiceImage } from '../../src/demo/image.js';
import { createSampleRepo } from '../../src/demo/sample-repo.js';
import { LayoutRepository } from '../../src/oci/layout.js';

describe('demo image built by code', () => {
  it('is a real OCI image (skopeo reads it), reproducible, with an SPDX SBOM referring to it', async () => {
    const repo = await createSampleRepo(
      mkdtempSync(join(tmpdir(), 'gantry-sample-')),
      new Date('2026-11-26T00:00:00Z'),
    );
    const build = (dir: string) =>
      buildServiceImage({
        contextDir: join(repo.dir, 'services/api'),
        layoutDir: dir,
        tag: 'sha-test',
        name: 'api',
        revision: repo.headSha,
      });
    const first = await build(mkdtempSync(join(tmpdir(), 'gantry-layout-')));
    const second = await build(mkdtempSync(join(tmpdir(), 'gantry-layout-')));
    expect(second.digest).toBe(first.digest);

    const inspected = JSON.parse(
      execFileSync('skopeo', ['inspect', '--raw', `oci:${first.layoutDir}:sha-test`], { encoding: 'utf8' }),
    );
    expect(inspected.layers).toHaveLength(1);
    const config = JSON.parse(
      execFileSync('skopeo', ['inspect', '--config', `oci:${first.layoutDir}:sha-test`], {
        encoding: 'utf8',
      }),
    );
    expect(config.config.Cmd).toEqual(['node', '/app/server.js']);

    const referrers = await LayoutRepository.open(first.layoutDir).referrers(first.digest);
    expect(referrers.map((r) => [r.digest, r.artifactType])).toEqual([
      [first.sbomDigest, 'application/spdx+json'],
    ]);
  });
});
