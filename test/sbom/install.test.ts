// syft through the real @actions/tool-cache code path (downloadTool, extractTar, cacheDir, find),
// against a release served on loopback.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as toolCache from '@actions/tool-cache';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChecksumMismatchError, checksumFor, installSyft } from '../../src/sbom/install.js';
import { type ReleaseServer, startReleaseServer } from './release-server.js';

const VERSION = '1.18.1';
let work: string;
let server: ReleaseServer;
const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP };

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'gantry-toolcache-'));
  mkdirSync(join(work, 'cache'));
  mkdirSync(join(work, 'temp'));
  process.env.RUNNER_TOOL_CACHE = join(work, 'cache');
  process.env.RUNNER_TEMP = join(work, 'temp');
  server = await startReleaseServer(VERSION);
});

afterEach(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
  for (const [name, value] of [
    ['RUNNER_TOOL_CACHE', saved.cache],
    ['RUNNER_TEMP', saved.temp],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
});

const install = () =>
  installSyft(toolCache, {
    version: VERSION,
    releases: `${server.url}/`,
    platform: process.platform,
    arch: process.arch,
    info: () => {},
  });

describe('syft through @actions/tool-cache', () => {
  it('downloads, verifies and caches once; a second install on the runner finds it without a request', async () => {
    const first = await install();
    expect(first.cached).toBe(false);
    expect(existsSync(first.path)).toBe(true);
    expect(server.requests).toEqual([
      `/v${VERSION}/syft_${VERSION}_checksums.txt`,
      `/v${VERSION}/${server.asset}`,
    ]);
    expect(toolCache.find('syft', VERSION, process.arch)).not.toBe('');
    // The downloads are gone from RUNNER_TEMP; only the extracted copy in the tool cache stays.
    expect(readdirSync(join(work, 'temp')).filter((f) => !existsSync(join(work, 'temp', f, 'syft')))).toEqual(
      [],
    );

    const second = await install();
    expect(second).toEqual({ path: first.path, cached: true });
    expect(server.requests).toHaveLength(2);
  });

  it('refuses an archive whose sha256 differs from the release checksums file, caching nothing', async () => {
    server.tamper();
    await expect(install()).rejects.toThrow(ChecksumMismatchError);
    await expect(install()).rejects.toThrow(/refused, nothing installed or cached/);
    expect(toolCache.find('syft', VERSION, process.arch)).toBe('');
    expect(readdirSync(join(work, 'cache'))).toEqual([]);
    // Nothing was extracted and the bad download was deleted.
    expect(readdirSync(join(work, 'temp'))).toEqual([]);
  });

  it('refuses a release whose checksums file does not list the archive', () => {
    expect(
      checksumFor(`${'a'.repeat(64)}  syft_1.0.0_linux_amd64.tar.gz\n`, 'syft_1.0.0_darwin_arm64.tar.gz'),
    ).toBe(undefined);
    expect(checksumFor(`${'b'.repeat(64)} *x.tar.gz\r\n`, 'x.tar.gz')).toBe('b'.repeat(64));
  });
});
