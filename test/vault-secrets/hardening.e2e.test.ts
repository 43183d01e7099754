/**
 * Issue 13 (classes 2–7) and issue 26 (items 6 and 10): the attacks that broke vault-secrets, each
 * through the bundled action (test/harness) or the bundled CLI (dist/cli), against the Vault API
 * server in test/support.
 *
 * Every hostile value is built from random tokens joined by the characters that change a value's
 * form (quotes, backslashes, CR, LF, NUL, control characters, unicode, JSON): a token found anywhere
 * outside the outputs file means some form of the value was printed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/runtime/text.js';
import { STATE } from '../../src/vault-secrets/constants.js';
import { type ActionRun, parseCommand, SUITE_ROOT } from '../harness/index.js';
import type { Fixture, VaultBackend } from './backend.js';
import { fixture, fakeBackend } from './backend.js';
import { runVaultAction } from './run-action.js';
import { VaultServer } from '../support/vault-server.js';

let server: VaultServer;
let vault: VaultBackend;
let f: Fixture;

/** A token that appears nowhere but inside the secret it was put in. */
const tok = () => `T${randomBytes(9).toString('hex')}`;

/** Values whose escaped, per-line and JSON forms all differ from the raw one. */
function hostileValues() {
  return {
    quote: `quote-"${tok()}"-end`,
    backslash: `back\\slash-${tok()}\\`,
    lonecr: `${tok()}\r${tok()}`,
    crlf: `${tok()}\r\n${tok()}\n${tok()}\r`,
    control: `${tok()}\u0001\u001b[31m\t${tok()}\u007f`,
    unicode: `é-€-😀-\u2028-${tok()}-\u00a0`,
    json: JSON.stringify({
      user: 'svc',
      password: `leaf-"quoted"-${tok()}\\x`,
      list: [`${tok()}\r${tok()}`],
    }),
  };
}
const hostile = hostileValues();
const nulValue = `${tok()}\u0000${tok()}`;
const crValue = `${tok()}\r${tok()}\r\n${tok()}`;

function tokensOf(values: string[]): string[] {
  return values.flatMap((v) => v.match(/T[0-9a-f]{18}/g) ?? []);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Where any token of `values` shows up in a run: stdout (add-mask lines excepted), stderr, summaries, files. */
function leaksIn(run: ActionRun, values: string[], allowFiles: string[] = []): string[] {
  const places: [string, string][] = [];
  for (const step of run.steps) {
    const shown = step.stdout
      .split(/\r\n|\r|\n/)
      .filter((line) => parseCommand(line)?.command !== 'add-mask')
      .join('\n');
    places.push([`${step.phase} stdout`, shown], [`${step.phase} stderr`, step.stderr]);
  }
  for (const file of filesUnder(run.runnerTemp)) {
    if (allowFiles.includes(basename(file))) continue;
    places.push([relative(run.runnerTemp, file), readFileSync(file, 'utf8')]);
  }
  return tokensOf(values).flatMap((token) =>
    places.filter(([, text]) => text.includes(token)).map(([where]) => `${token} in ${where}`),
  );
}

/** The log as the runner shows it: stdout split at CR and LF (as the runner reads lines), masks applied. */
function runnerView(run: ActionRun): string {
  return run.steps
    .flatMap((step) => step.stdout.split(/\r\n|\r|\n/))
    .filter((line) => parseCommand(line)?.command !== 'add-mask')
    .map((line) => maskSecrets(line, run.masks))
    .join('\n');
}

beforeAll(async () => {
  server = await new VaultServer().start();
  vault = fakeBackend(server);
  f = await fixture('127.0.0.1');
  await vault.seed(f.seed);
  server.applySeed('', {
    writes: [
      { path: `${f.names.kv2}/bench/hostile`, data: hostile },
      { path: `${f.names.kv2}/bench/nul`, data: { value: nulValue } },
      { path: `${f.names.kv2}/bench/cr`, data: { value: crValue } },
      {
        path: `${f.names.kv2}/bench/env`,
        data: { GIT_EXTERNAL_DIFF: '/tmp/gantry-pwn', greeting: `hello-${tok()}` },
      },
      { path: `${f.names.kv2}/bench/plain`, data: { value: `plain-${tok()}` } },
      { path: `${f.names.kv2}/bench/wrapped`, data: { value: `wrapped-${tok()}` } },
    ],
  });
});
afterAll(async () => {
  await f?.issuer.stop();
  await server?.stop();
});

const jwt = (secrets: string, extra: Record<string, string> = {}) => ({
  method: 'jwt',
  role: 'ci',
  'auth-path': f.names.jwt,
  secrets,
  ...extra,
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(
    join(SUITE_ROOT, 'node_modules', '.bin', 'node'),
    [join(SUITE_ROOT, 'dist', 'cli', 'index.js'), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

const approleArgs = () => [
  'vault-secrets',
  '--url',
  server.address,
  '--method',
  'approle',
  '--auth-path',
  f.names.approle,
  '--role-id',
  f.approle.roleId,
  '--secret-id',
  f.approle.secretId,
];

describe('13.2 no form of a secret in any output of the CLI or the Action', () => {
  it('the CLI prints no raw, JSON-escaped, per-line or control-escaped form of values with quotes, backslashes, CR, control characters, unicode and JSON leaves', async () => {
    const result = await cli([...approleArgs(), '--secrets', `${f.names.kv2}/bench/hostile * | H_`], {
      GANTRY_DEBUG: '1',
    });
    expect(result.code).toBe(0);
    const outputs = JSON.parse(result.stdout) as Record<string, string>;
    expect(Object.keys(outputs)).toContain('H_QUOTE');
    const leaks = tokensOf(Object.values(hostile)).filter(
      (t) => result.stdout.includes(t) || result.stderr.includes(t),
    );
    expect(leaks).toEqual([]);
  });

  it('the CLI prints no form of a value in an error, the structured log or a command it runs', async () => {
    const result = await cli(
      [
        ...approleArgs(),
        '--secrets',
        `${f.names.kv2}/bench/hostile * | H_`,
        '--run',
        'printf "%s\\n" "$H_QUOTE" "$H_JSON" "$H_LONECR" "$H_CONTROL"; exit 3',
      ],
      { GANTRY_DEBUG: '1' },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Input 'run': the command exited with code 3");
    const leaks = tokensOf([hostile.quote, hostile.json, hostile.lonecr, hostile.control]).filter(
      (t) => result.stdout.includes(t) || result.stderr.includes(t),
    );
    expect(leaks).toEqual([]);
  });

  it('the Action prints no form of them either: stdout, stderr, summary, structured log', async () => {
    const result = await runVaultAction(vault, f, jwt(`${f.names.kv2}/bench/hostile * | H_`));
    expect(result.main.errors).toEqual([]);
    expect(result.main.outputs.H_JSON).toBe(hostile.json);
    expect(result.main.outputs.H_LONECR).toBe(hostile.lonecr);
    expect(leaksIn(result, Object.values(hostile), ['set_output'])).toEqual([]);
  });
});

describe('13.3 a secret with a NUL byte', () => {
  it('is refused before the command is spawned, naming the key only; nothing reaches the annotation, debug, log or stderr', async () => {
    const result = await runVaultAction(
      vault,
      f,
      jwt(`${f.names.kv2}/bench/nul value | NUL_SECRET`, { run: 'echo should-not-run' }),
    );
    expect(result.main.exitCode).toBe(1);
    expect(result.main.errors).toHaveLength(1);
    expect(result.main.errors[0]).toContain('NUL_SECRET');
    expect(result.main.errors[0]).toMatch(/NUL/);
    expect(result.main.stdout).not.toContain('should-not-run');
    expect(leaksIn(result, [nulValue])).toEqual([]);
    // post still revokes the token.
    expect(server.tokens.get(result.main.state[STATE.token]!)?.revoked).toBe(true);
  });

  it('the CLI says the same on stderr and leaks nothing', async () => {
    const result = await cli(
      [...approleArgs(), '--secrets', `${f.names.kv2}/bench/nul value | NUL_SECRET`, '--run', 'true'],
      { GANTRY_DEBUG: '1' },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('NUL_SECRET');
    expect(tokensOf([nulValue]).filter((t) => (result.stdout + result.stderr).includes(t))).toEqual([]);
  });
});

/** An HTTP server on another port that records what reaches it and answers like a Vault would. */
async function captureServer(): Promise<{
  url: string;
  seen: { url: string; headers: IncomingMessage['headers']; body: string }[];
  server: Server;
}> {
  const seen: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const srv = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: { data: { value: 'from-elsewhere', password: 'from-elsewhere' }, value: 'from-elsewhere' },
          auth: { client_token: 'hvs.evil-token-from-elsewhere', lease_duration: 60, policies: [] },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`, seen, server: srv };
}

describe('13.4 credentials never follow a redirect to another origin or to plain http', () => {
  it('an AppRole login redirected (307) to another port sends neither role_id nor secret_id there', async () => {
    const capture = await captureServer();
    try {
      server.injectFault({ method: 'POST', path: /^auth\/.+\/login$/, status: 307, redirectTo: capture.url });
      const result = await runVaultAction(vault, f, {
        method: 'approle',
        'auth-path': f.names.approle,
        'role-id': f.approle.roleId,
        'secret-id': f.approle.secretId,
        secrets: `${f.names.kv2}/bench/plain value`,
      });
      expect(result.main.exitCode).toBe(1);
      expect(result.main.errors[0]).toMatch(/redirect/i);
      for (const request of capture.seen) {
        expect(request.body).not.toContain(f.approle.secretId);
        expect(request.body).not.toContain(f.approle.roleId);
      }
      expect(result.main.outputs).toEqual({});
    } finally {
      server.clearFaults();
      capture.server.close();
    }
  });

  it('a secret read redirected to another port sends no X-Vault-Token there, and its answer is never used', async () => {
    const capture = await captureServer();
    try {
      server.injectFault({
        method: 'GET',
        path: new RegExp(`^${f.names.kv2}/data/bench/plain$`),
        status: 307,
        redirectTo: capture.url,
      });
      const result = await runVaultAction(vault, f, jwt(`${f.names.kv2}/bench/plain value | PLAIN`));
      expect(result.main.exitCode).toBe(1);
      expect(result.main.outputs.PLAIN).toBeUndefined();
      for (const request of capture.seen) {
        expect(request.headers['x-vault-token']).toBeUndefined();
        expect(request.headers.authorization).toBeUndefined();
      }
      // post still revokes the token at the real Vault.
      expect(server.tokens.get(result.main.state[STATE.token]!)?.revoked).toBe(true);
    } finally {
      server.clearFaults();
      capture.server.close();
    }
  });

  it('from an https Vault, a 307 to http is refused: nothing at all reaches the http server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-days',
        '2',
        '-subj',
        '/CN=vault',
      ],
      { cwd: dir, stdio: 'pipe', input: '' },
    );
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const tlsServer = await new VaultServer({
      seed: { namespaces: { '': f.seed } },
      tls: { key, cert },
    }).start();
    const capture = await captureServer();
    try {
      tlsServer.injectFault({
        method: 'POST',
        path: /^auth\/.+\/login$/,
        status: 307,
        redirectTo: capture.url,
      });
      const result = await runVaultAction({ ...vault, addr: tlsServer.address, fake: tlsServer }, f, {
        ...jwt(`${f.names.kv2}/app password`),
        'tls-skip-verify': 'true',
      });
      expect(result.main.exitCode).toBe(1);
      expect(result.main.errors[0]).toMatch(/redirect/i);
      expect(capture.seen).toEqual([]);
    } finally {
      capture.server.close();
      await tlsServer.stop();
    }
  });
});

describe('13.5 environment names derived from Vault keys', () => {
  it("'*' with run needs a prefix: a key named GIT_EXTERNAL_DIFF never becomes that variable", async () => {
    const result = await runVaultAction(vault, f, jwt(`${f.names.kv2}/bench/env *`, { run: 'echo ran' }));
    expect(result.main.exitCode).toBe(1);
    expect(result.main.errors[0]).toContain("Input 'secrets', line 1");
    expect(result.main.errors[0]).toMatch(/prefix/);
    expect(result.main.log).not.toContain('ran');
  });

  it("'*' with export-env needs a prefix too; with one the keys arrive under it", async () => {
    const refused = await runVaultAction(
      vault,
      f,
      jwt(`${f.names.kv2}/bench/env **`, { 'export-env': 'true' }),
    );
    expect(refused.main.exitCode).toBe(1);
    expect(refused.main.env).toEqual({});
    const ok = await runVaultAction(
      vault,
      f,
      jwt(`${f.names.kv2}/bench/env * | APP_`, { 'export-env': 'true' }),
    );
    expect(ok.main.errors).toEqual([]);
    expect(Object.keys(ok.main.env).sort()).toEqual(['APP_GIT_EXTERNAL_DIFF', 'APP_GREETING']);
  });

  it.each([
    'LD_AUDIT',
    'DYLD_FRAMEWORK_PATH',
    'BASHOPTS',
    'SHELLOPTS',
    'PROMPT_COMMAND',
    'GIT_EXTERNAL_DIFF',
    'GIT_ASKPASS',
    'NPM_CONFIG_USERCONFIG',
    '_JAVA_OPTIONS',
    'JDK_JAVA_OPTIONS',
    'HTTPS_PROXY',
    'https_proxy',
    'PYTHONWARNINGS',
    'PERL5LIB',
    'GITHUB_ENV',
  ])('an explicit name %s is refused with run', async (name) => {
    const result = await runVaultAction(
      vault,
      f,
      jwt(`${f.names.kv2}/bench/env greeting | ${name}`, { run: 'true' }),
    );
    expect(result.main.exitCode).toBe(1);
    expect(result.main.errors[0]).toContain(name);
  });

  it("a prefix that is itself a dangerous family ('* | GIT_') is refused", async () => {
    const result = await runVaultAction(vault, f, jwt(`${f.names.kv2}/bench/env * | GIT_`, { run: 'true' }));
    expect(result.main.exitCode).toBe(1);
    expect(result.main.errors[0]).toContain('GIT_');
  });
});

describe('13.6 a stalled Vault never hangs the job', () => {
  it('main: a read whose answer stalls after its headers fails within the timeout, naming Vault', async () => {
    server.injectFault({
      path: new RegExp(`^${f.names.kv2}/data/bench/plain$`),
      status: 200,
      stall: true,
      times: 20,
    });
    try {
      const result = await runVaultAction(
        vault,
        f,
        jwt(`${f.names.kv2}/bench/plain value`, { timeout: '1s', retries: '1' }),
      );
      expect(result.main.exitCode).toBe(1);
      expect(result.main.errors[0]).toMatch(/Vault at .*(no response|stall|deadline)/);
      expect(result.post?.exitCode).toBe(0);
    } finally {
      server.clearFaults();
    }
  }, 90_000);

  it('post: a revoke whose answer stalls ends the post step with a clear error instead of hanging', async () => {
    server.injectFault({ path: /^auth\/token\/revoke-self$/, status: 204, stall: true, times: 20 });
    try {
      const result = await runVaultAction(
        vault,
        f,
        jwt(`${f.names.kv2}/bench/plain value`, { timeout: '1s', retries: '1' }),
      );
      expect(result.main.exitCode).toBe(0);
      expect(result.post?.exitCode).toBe(1);
      expect(result.post?.errors[0]).toMatch(/revoke/i);
    } finally {
      server.clearFaults();
    }
  }, 90_000);
});

describe('13.7 a value with a lone CR', () => {
  it('has every fragment the runner could print on its own line registered as a mask', async () => {
    const result = await runVaultAction(
      vault,
      f,
      jwt(`${f.names.kv2}/bench/cr value | CR_VALUE`, {
        run: 'printf "%s\\n" "$CR_VALUE"; printf "x%sy\\n" "$CR_VALUE"',
      }),
    );
    expect(result.main.errors).toEqual([]);
    for (const fragment of crValue.split(/\r\n|\r|\n/)) expect(result.masks).toContain(fragment);
    const view = runnerView(result);
    expect(tokensOf([crValue]).filter((t) => view.includes(t))).toEqual([]);
  });
});

describe('26.6 path inputs refuse traversal', () => {
  it.each([
    ['auth-path', (m: string) => `${m}/../../sys/tools/hash`],
    ['auth-path', (m: string) => `${m}/%2e%2e/%2E%2E/sys/tools/hash`],
    ['auth-path', (m: string) => `${m}//x`],
    ['auth-path', (m: string) => `./${m}`],
    ['auth-path', (m: string) => `${m}\\..\\x`],
    ['namespace', () => 'team/../other'],
  ])('%s %#', async (input, make) => {
    const before = server.requests.length;
    const result = await runVaultAction(vault, f, {
      method: 'approle',
      'auth-path': f.names.approle,
      'role-id': f.approle.roleId,
      'secret-id': f.approle.secretId,
      secrets: `${f.names.kv2}/bench/plain value`,
      [input]: make(f.names.approle),
    });
    expect(result.main.exitCode).toBe(1);
    expect(result.main.errors[0]).toContain(`Input '${input}'`);
    expect(server.requests.slice(before).filter((r) => r.path !== 'sys/health')).toEqual([]);
  });
});

describe('26.10 a response-wrapped answer', () => {
  it('says the response was wrapped and what to do, and the wrapping token never prints', async () => {
    server.wrapPaths.push(new RegExp(`^${f.names.kv2}/data/bench/wrapped$`));
    try {
      const result = await runVaultAction(vault, f, jwt(`${f.names.kv2}/bench/wrapped value | WRAPPED`));
      expect(result.main.exitCode).toBe(1);
      expect(result.main.errors[0]).toMatch(/wrap/i);
      expect(result.main.errors[0]).not.toContain('has no key');
      const wrapTokens = [...server.wrappedTokens()];
      expect(wrapTokens.length).toBeGreaterThan(0);
      for (const token of wrapTokens) {
        expect(result.masks).toContain(token);
        for (const step of result.steps) {
          const shown = step.stdout
            .split('\n')
            .filter((line) => parseCommand(line)?.command !== 'add-mask')
            .join('\n');
          expect(step.stderr + shown).not.toContain(token);
        }
      }
    } finally {
      server.wrapPaths.length = 0;
    }
  });
});
