// The rollout after the canary, end to end in process: consumer repositories are real bare git
// repositories served from a directory (GITHUB_SERVER_URL=file://…), pull requests and checks go
// through the fake GitHub API in test/support, and time is a fake clock that lets the test turn a
// consumer green or red while the rollout waits.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutCommand } from '../../src/cli/templates-rollout.js';
import type { Clock } from '../../src/net/clock.js';
import { HttpClient } from '../../src/net/http.js';
import { parseConsumers } from '../../src/templates/pin-rollout.js';
import { git, makeRepo } from '../pins/repo.js';
import { type GitHubApi, startGitHubApi } from '../support/github-api.js';

const TOKEN = 'ghs_test-token';
const RELEASE_SHA = 'e'.repeat(40);
const OLD_SHA = '1'.repeat(40);
const WORKFLOW = `name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      # the suite, pinned by the last rollout
      - uses: acme/gantry/actions/changes@${OLD_SHA} # v1.3.0
        with:
          filters: |
            api: services/api/**
`;

let api: GitHubApi;
let server: string;

beforeAll(async () => {
  api = await startGitHubApi({ repositories: ['acme/gantry'] });
  server = mkdtempSync(join(tmpdir(), 'gantry-rollout-server-'));
});
afterAll(() => api.close());

/** A consumer repository on the "server": a bare repository with one pinned workflow. */
function consumer(name: string, files: Record<string, string> = { '.github/workflows/ci.yml': WORKFLOW }) {
  const work = makeRepo(files);
  const bare = join(server, `${name}.git`);
  mkdirSync(join(bare, '..'), { recursive: true });
  git(server, 'clone', '-q', '--bare', work, bare);
  api.addIssue(name, { title: 'placeholder, so the repository exists' });
  return bare;
}

function branchHead(bare: string, branch: string): string | undefined {
  try {
    return git(bare, 'rev-parse', `refs/heads/${branch}`);
  } catch {
    return undefined;
  }
}

/** A clock that only moves when slept on; `onSleep` changes the world meanwhile. */
function fakeClock(onSleep: () => void): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      onSleep();
    },
  };
}

async function rollout(args: string[], onSleep: () => void = () => {}) {
  let stdout = '';
  let stderr = '';
  const code = await rolloutCommand(
    args,
    {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: `file://${server}`,
      PATH: process.env.PATH,
    },
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    { clock: fakeClock(onSleep), http: new HttpClient({ retries: 0 }) },
  );
  return { code, stdout, stderr };
}

function consumersFile(names: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gantry-consumers-')), 'consumers.txt');
  writeFileSync(file, `# services on the suite\n${names.join('\n')}\n`);
  return file;
}

let releaseCounter = 0;
/** A release commit that carries a successful canary record (or not). */
function release(canary: 'success' | 'failure' | 'none' = 'success'): string {
  const sha = (++releaseCounter).toString(16).padStart(40, 'e');
  if (canary !== 'none')
    api.addCheckRun('acme/gantry', sha, { name: 'canary', status: 'completed', conclusion: canary });
  return sha;
}

// Each consumer is a clone, a commit and a push: real git processes, slow on a loaded machine.
describe('gantry templates rollout: pin pull requests in waves, gated by the consumers’ checks', {
  timeout: 120_000,
}, () => {
  it('opens waves 1, 2, 3 in order, each only after the previous one is green, and pins every consumer', async () => {
    const names = Array.from({ length: 5 }, (_, i) => `wave/svc-${i}`);
    const bares = new Map(names.map((n) => [n, consumer(n)]));
    const sha = release();
    const branch = 'gantry/rollout-v1.4.2';
    const openedWhenGreen: number[] = [];
    const result = await rollout(
      [
        '--release',
        `acme/gantry@${sha}`,
        '--version',
        'v1.4.2',
        '--consumers',
        consumersFile(names),
        '--waves',
        '20,60,100',
        '--poll',
        '1m',
      ],
      () => {
        // Each sleep, every consumer whose pin branch exists turns green; and the test notes how
        // many branches existed: a wave may not be opened before the previous one was green.
        const pushed = names.filter((n) => branchHead(bares.get(n)!, branch));
        openedWhenGreen.push(pushed.length);
        for (const n of pushed) {
          const head = branchHead(bares.get(n)!, branch)!;
          if (!api.checkRuns(n, head).length)
            api.addCheckRun(n, head, { name: 'ci / build', status: 'completed', conclusion: 'success' });
        }
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Waves of 1, 2 (to 60%) and 2: each sleep saw only the waves opened so far.
    expect(openedWhenGreen).toEqual([1, 3, 5]);
    for (const n of names) {
      const bare = bares.get(n)!;
      const pinned = git(bare, 'show', `${branch}:.github/workflows/ci.yml`);
      expect(pinned).toBe(
        WORKFLOW.replace(`changes@${OLD_SHA} # v1.3.0`, `changes@${sha} # v1.4.2`).trimEnd(),
      );
      const pulls = api.openedPulls(n);
      expect(pulls).toHaveLength(1);
      expect(pulls[0]).toMatchObject({ head: branch, base: 'main', title: 'Gantry v1.4.2', state: 'open' });
    }
    expect(result.stdout).toContain('Every consumer is green on v1.4.2 (5 in 3 wave(s))');
  });

  it('the first red consumer halts the rollout, naming it and why; later waves are not opened', async () => {
    const names = ['halt/a', 'halt/b', 'halt/c', 'halt/d'];
    const bares = new Map(names.map((n) => [n, consumer(n)]));
    const sha = release();
    const branch = 'gantry/rollout-v1.5.0';
    const result = await rollout(
      [
        '--release',
        `acme/gantry@${sha}`,
        '--version',
        'v1.5.0',
        '--consumers',
        consumersFile(names),
        '--waves',
        '25,50,100',
      ],
      () => {
        for (const n of names) {
          const head = branchHead(bares.get(n)!, branch);
          if (head && !api.checkRuns(n, head).length)
            api.addCheckRun(n, head, {
              name: 'pipeline / test',
              status: 'completed',
              conclusion: n === 'halt/b' ? 'failure' : 'success',
              output: { title: n === 'halt/b' ? '3 tests failed' : 'ok' },
            });
        }
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error title=rollout::halted in wave 2 at halt/b: red — check pipeline / test failure: 3 tests failed. 2 consumer(s) not reached.',
    );
    expect(branchHead(bares.get('halt/a')!, branch)).toBeDefined();
    expect(branchHead(bares.get('halt/c')!, branch)).toBeUndefined();
    expect(branchHead(bares.get('halt/d')!, branch)).toBeUndefined();
    expect(api.openedPulls('halt/c')).toHaveLength(0);
    expect(result.stdout).toMatch(/\| 3 \| halt\/c \| — \| not reached \|/);
  });

  it('a consumer that stays pending past the deadline halts the rollout as timed out', async () => {
    const names = ['late/a', 'late/b'];
    const bares = new Map(names.map((n) => [n, consumer(n)]));
    const sha = release();
    const branch = 'gantry/rollout-v1.6.0';
    const result = await rollout(
      [
        '--release',
        `acme/gantry@${sha}`,
        '--version',
        'v1.6.0',
        '--consumers',
        consumersFile(names),
        '--waves',
        '50,100',
        '--deadline',
        '10m',
        '--poll',
        '1m',
      ],
      () => {
        const head = branchHead(bares.get('late/a')!, branch);
        if (head && !api.checkRuns('late/a', head).length)
          api.addCheckRun('late/a', head, { name: 'deploy', status: 'in_progress' });
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'halted in wave 1 at late/a: timed-out — deadline passed: waiting for check deploy',
    );
    expect(branchHead(bares.get('late/b')!, branch)).toBeUndefined();
  });

  it('refuses to roll out without a successful canary record on the release commit, and touches nothing', async () => {
    const names = ['nocanary/a'];
    const bare = consumer(names[0]!);
    for (const state of ['none', 'failure'] as const) {
      const sha = release(state);
      const result = await rollout([
        '--release',
        `acme/gantry@${sha}`,
        '--version',
        'v1.7.0',
        '--consumers',
        consumersFile(names),
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        "has no successful 'canary' check run: run the canary (canary.yml) first",
      );
      expect(branchHead(bare, 'gantry/rollout-v1.7.0')).toBeUndefined();
    }
  });

  it('a consumer that cannot be cloned or has no suite reference counts as red, with the reason', async () => {
    consumer('odd/plain', { 'README.md': 'no workflows here\n' });
    const sha = release();
    const gone = await rollout([
      '--release',
      `acme/gantry@${sha}`,
      '--version',
      'v1.8.0',
      '--consumers',
      consumersFile(['odd/missing', 'odd/plain']),
      '--waves',
      '50,100',
    ]);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain(
      'halted in wave 1 at odd/missing: red — could not open the pin pull request: could not clone odd/missing',
    );
    const plain = await rollout([
      '--release',
      `acme/gantry@${sha}`,
      '--version',
      'v1.8.0',
      '--consumers',
      consumersFile(['odd/plain']),
    ]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('could not open the pin pull request: no references to acme/gantry found');
  });

  it('an already pinned consumer is not given a pull request; its default branch checks decide', async () => {
    const sha = release();
    const bare = consumer('pinned/a', {
      '.github/workflows/ci.yml': WORKFLOW.replace(`changes@${OLD_SHA} # v1.3.0`, `changes@${sha} # v1.9.0`),
    });
    const main = git(bare, 'rev-parse', 'refs/heads/main');
    api.addCheckRun('pinned/a', main, { name: 'ci', status: 'completed', conclusion: 'success' });
    const result = await rollout([
      '--release',
      `acme/gantry@${sha}`,
      '--version',
      'v1.9.0',
      '--consumers',
      consumersFile(['pinned/a']),
    ]);
    expect(result.code).toBe(0);
    expect(api.openedPulls('pinned/a')).toHaveLength(0);
    expect(result.stdout).toContain(`already pinned (${main.slice(0, 12)})`);
  });

  it('a second run finds the open pull request instead of opening another', async () => {
    const names = ['again/a'];
    const bare = consumer(names[0]!);
    const sha = release();
    const branch = 'gantry/rollout-v2.0.0';
    const green = () => {
      const head = branchHead(bare, branch);
      if (head && !api.checkRuns('again/a', head).length)
        api.addCheckRun('again/a', head, { name: 'ci', status: 'completed', conclusion: 'success' });
    };
    const args = [
      '--release',
      `acme/gantry@${sha}`,
      '--version',
      'v2.0.0',
      '--consumers',
      consumersFile(names),
    ];
    expect((await rollout(args, green)).code).toBe(0);
    expect((await rollout(args, green)).code).toBe(0);
    expect(api.openedPulls('again/a')).toHaveLength(1);
  });
});

describe('rollout bad input: each argument named, nothing cloned or opened', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'no release',
      ['--version', 'v1.0.0', '--consumers', 'x'],
      /--release: expected owner\/name@<full commit SHA>/,
    ],
    ['short sha', ['--release', 'acme/gantry@abc', '--version', 'v1.0.0', '--consumers', 'x'], /--release/],
    [
      'bad version',
      ['--release', `acme/gantry@${RELEASE_SHA}`, '--version', 'latest', '--consumers', 'x'],
      /--version: got "latest"/,
    ],
    [
      'missing file',
      ['--release', `acme/gantry@${RELEASE_SHA}`, '--version', 'v1.0.0', '--consumers', '/nonexistent/c.txt'],
      /--consumers: cannot read/,
    ],
    ['unknown flag', ['--release', `acme/gantry@${RELEASE_SHA}`, '--force'], /Unexpected argument "--force"/],
  ];
  for (const [name, args, message] of cases)
    it(name, async () => {
      const before = api.requests.length;
      const result = await rollout(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(api.requests.length).toBe(before);
    });

  it('bad waves are refused before any pull request is opened', async () => {
    const bare = consumer('waves/a');
    const sha = release();
    for (const waves of ['50,10', '0,100', '10,150', 'ten']) {
      const result = await rollout([
        '--release',
        `acme/gantry@${sha}`,
        '--version',
        'v1.0.1',
        '--consumers',
        consumersFile(['waves/a']),
        '--waves',
        waves,
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--waves');
      expect(branchHead(bare, 'gantry/rollout-v1.0.1')).toBeUndefined();
    }
  });

  it('a consumers file line that is not owner/name, or is listed twice, is named by line', () => {
    expect(() => parseConsumers('acme/a\n../../etc\n', 'c.txt')).toThrow(
      /c.txt:2: "..\/..\/etc" is not a repository/,
    );
    expect(() => parseConsumers('acme/a\nacme/.git\n', 'c.txt')).toThrow(/c.txt:2/);
    expect(() => parseConsumers('acme/a\nACME/a # again\n', 'c.txt')).toThrow(
      /c.txt:2: ACME\/a is listed twice/,
    );
    expect(() => parseConsumers('# nothing\n\n', 'c.txt')).toThrow(/lists no consumer/);
    expect(parseConsumers('acme/a\r\n  acme/b  # note\r\n', 'c.txt')).toEqual(['acme/a', 'acme/b']);
  });
});

it('the token reaches git as an HTTP header set through the environment, and is never printed', async () => {
  // A git HTTP server that only records what git sends, then answers 404: the clone fails.
  const seen: string[] = [];
  const http = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.authorization ?? 'none'}`);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  try {
    const sha = release();
    let output = '';
    const code = await rolloutCommand(
      ['--release', `acme/gantry@${sha}`, '--version', 'v3.0.0', '--consumers', consumersFile(['tok/a'])],
      {
        GITHUB_TOKEN: TOKEN,
        GITHUB_API_URL: api.url,
        GITHUB_SERVER_URL: `http://127.0.0.1:${port}`,
        PATH: process.env.PATH,
      },
      { stdout: (t) => (output += t), stderr: (t) => (output += t) },
      { clock: fakeClock(() => {}), http: new HttpClient({ retries: 0 }) },
    );
    expect(code).toBe(1);
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    expect(seen[0]).toBe(`/tok/a.git/info/refs?service=git-upload-pack basic ${basic}`);
    expect(output).toContain('could not clone tok/a');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(basic);
  } finally {
    http.close();
  }
});
