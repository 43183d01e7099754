// The git wrapper's time limit: a server that accepts a connection and never answers must not hold
// a step until the job's timeout (git sets no limit of its own on ls-remote).
import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTimeoutMs, Git, GitTimeoutError, LS_REMOTE_TIMEOUT_MS } from '../../src/git/index.js';

let server: Server;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  // Accepts, reads the request, never writes a byte back.
  server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}/acme/app.git`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('git time limits', () => {
  const git = () => new Git(mkdtempSync(join(tmpdir(), 'gantry-git-timeout-')));

  it('kills an ls-remote the server never answers and says so, naming the command', async () => {
    const run = git().run(['ls-remote', '--', url, 'HEAD'], { timeoutMs: 500 });
    await expect(run).rejects.toBeInstanceOf(GitTimeoutError);
    await expect(run).rejects.toThrow(/git .*ls-remote .*no answer within 0\.5 s; killed/);
    expect(sockets.length).toBeGreaterThan(0); // it did reach the silent server
  });

  it('succeeds() answers false for a command killed by its time limit', async () => {
    expect(await git().succeeds(['ls-remote', '--quiet', url, 'HEAD'], { timeoutMs: 500 })).toBe(false);
  });

  it('ls-remote has a limit by default; local commands and fetches have none', () => {
    expect(defaultTimeoutMs(['ls-remote', '--heads', 'origin'])).toBe(LS_REMOTE_TIMEOUT_MS);
    expect(LS_REMOTE_TIMEOUT_MS).toBeLessThanOrEqual(120_000);
    expect(defaultTimeoutMs(['fetch', 'origin'])).toBeUndefined();
    expect(defaultTimeoutMs(['rev-parse', 'HEAD'])).toBeUndefined();
  });

  it('a command that finishes in time is unaffected by the limit', async () => {
    const result = await git().run(['--version'], { timeoutMs: 30_000 });
    expect(result.stdout.toString()).toMatch(/^git version/);
  });
});
