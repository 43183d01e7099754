/**
 * What only the Vault API server can provide here: a sealed Vault, rate limits, injected faults,
 * namespaces (Enterprise), database leases (a real Vault needs a database), Kubernetes auth (a real
 * Vault needs a cluster), TLS with a private CA and client certificates. Always against
 * test/support/vault-server.ts, through the bundled action and the harness.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, request as httpRequest } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE } from '../../src/vault-secrets/constants.js';
import { GITHUB_ISSUER, OidcIssuer } from '../support/oidc-issuer.js';
import { VaultServer } from '../support/vault-server.js';
import { allValues, type Fixture, fixture, type VaultBackend, fakeBackend } from './backend.js';
import { scanRun } from './leaks.js';
import { runVaultAction } from './run-action.js';

let server: VaultServer;
let vault: VaultBackend;
let f: Fixture;

beforeAll(async () => {
  server = await new VaultServer().start();
  vault = fakeBackend(server);
  f = await fixture('127.0.0.1');
  await vault.seed(f.seed);
  server.applySeed('', {
    mounts: { database: { type: 'database', roles: { app: { ttl: 600 } } } },
    policies: { 'lease-revoker': `path "sys/leases/revoke" { capabilities = ["update"] }` },
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

describe('dynamic secrets and leases', () => {
  it('reads one lease per path (both keys from the same request); post revoke-self revokes the lease with the token', async () => {
    server.requests.length = 0;
    const result = await runVaultAction(
      vault,
      f,
      jwt('database/creds/app username | DB_USER\ndatabase/creds/app password | DB_PASS'),
    );
    expect(result.main.errors).toEqual([]);
    expect(result.main.outputs['lease-count']).toBe('1');
    expect(server.requests.filter((r) => r.path === 'database/creds/app')).toHaveLength(1);
    const lease = [...server.leases.values()].at(-1)!;
    expect(result.main.outputs.DB_USER).toMatch(/^v-token-app-/);
    expect(result.masks).toContain(result.main.outputs.DB_PASS);
    expect(lease.revoked).toBe(true);
    expect(server.tokens.get(result.main.state[STATE.token]!)?.revoked).toBe(true);
    expect(scanRun(result, [result.main.outputs.DB_PASS!], { allowFiles: ['set_output'] })).toEqual([]);
  });

  it('with a token the user gave, post revokes only the leases (sys/leases/revoke), never the token', async () => {
    const token = server.mintToken('', [f.names.reader, 'lease-revoker']);
    const result = await runVaultAction(vault, f, {
      method: 'token',
      token: token.id,
      secrets: 'database/creds/app password | DB_PASS',
    });
    expect(result.main.errors).toEqual([]);
    const leases = JSON.parse(result.main.state[STATE.leases]!) as string[];
    expect(leases).toHaveLength(1);
    expect(result.main.state[STATE.token]).toBeUndefined();
    expect(server.leases.get(leases[0]!)?.revoked).toBe(true);
    expect(token.revoked).toBe(false);
    expect(result.post?.log).toContain('revoked 1 lease(s)');
  });

  it('revoke: false leaves token and leases to their TTL and keeps the token out of state', async () => {
    const result = await runVaultAction(
      vault,
      f,
      jwt('database/creds/app password | DB_PASS', { revoke: 'false' }),
    );
    expect(result.main.errors).toEqual([]);
    expect(result.main.state).toEqual({});
    expect(result.post?.log).toContain('nothing to revoke');
    expect(server.activeLeases().length).toBeGreaterThan(0);
    for (const lease of server.activeLeases()) lease.revoked = true;
  });
});

describe('faults', () => {
  it('a sealed Vault is a clear error after bounded retries', async () => {
    server.sealed = true;
    try {
      const result = await runVaultAction(vault, f, jwt(`${f.names.kv2}/app password`, { retries: '1' }));
      expect(result.main.errors).toEqual([
        expect.stringMatching(
          /^Login with method jwt at auth\/jwt-\w+\/login \(role 'ci'\): HTTP 503 \(Vault is sealed: unseal it/,
        ),
      ]);
      expect(result.main.log).toContain('retry 1/1');
      expect(result.main.state).toEqual({});
    } finally {
      server.sealed = false;
    }
  });

  it('a 429 from a rate-limit quota is retried (Retry-After honoured) and the read succeeds', async () => {
    server.injectFault({ path: /\/data\/app$/, status: 429, retryAfter: '0', times: 2 });
    const result = await runVaultAction(vault, f, jwt(`${f.names.kv2}/app password`));
    expect(result.main.errors).toEqual([]);
    expect(result.main.outputs.password).toBe(f.values.password);
    expect(result.main.summary).toContain('2 retries');
  });

  it('a rate limit that outlasts the retries fails naming the path, and post still revokes', async () => {
    server.injectFault({ path: /\/data\/app$/, status: 429, retryAfter: '0', times: 5 });
    const result = await runVaultAction(vault, f, jwt(`${f.names.kv2}/app password`, { retries: '2' }));
    server.clearFaults();
    expect(result.main.errors).toEqual([
      `Reading ${f.names.kv2}/app (line 1): HTTP 429 (rate limited by a Vault quota after the configured retries: raise the quota or the retries).`,
    ]);
    expect(server.tokens.get(result.main.state[STATE.token]!)?.revoked).toBe(true);
  });

  it('an error body that echoes request data or values never reaches the log, the summary or the error', async () => {
    const echoed = [`invalid secret_id ${f.approle.secretId}`, `value was ${f.values.password}`];
    server.injectFault({ path: /\/login$/, status: 400, errors: echoed });
    const login = await runVaultAction(vault, f, {
      method: 'approle',
      'auth-path': f.names.approle,
      'role-id': f.approle.roleId,
      'secret-id': f.approle.secretId,
      secrets: `${f.names.kv2}/app password`,
    });
    expect(login.main.errors).toEqual([
      expect.stringMatching(/^Login with method approle .*: HTTP 400 \(Vault rejected the request/),
    ]);
    server.injectFault({ path: /\/data\/app$/, status: 500, errors: echoed, times: 4 });
    const read = await runVaultAction(vault, f, jwt(`${f.names.kv2}/app password`));
    expect(read.main.errors).toEqual([
      `Reading ${f.names.kv2}/app (line 1): HTTP 500 (Vault failed internally after the configured retries).`,
    ]);
    for (const result of [login, read]) {
      expect(scanRun(result, [...echoed, f.approle.secretId, f.values.password])).toEqual([]);
      expect(result.steps.flatMap((s) => s.leaks)).toEqual([]);
    }
  });

  it("the server's own rate limit quota answers 429 with Retry-After", async () => {
    const limited = await new VaultServer({ rateLimit: { requests: 1, windowMs: 60_000 } }).start();
    try {
      expect((await fetch(`${limited.address}/v1/sys/health`)).status).toBe(200);
      const refused = await fetch(`${limited.address}/v1/sys/health`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toEqual({
        errors: ['request path "sys/health": rate limit quota exceeded'],
      });
    } finally {
      await limited.stop();
    }
  });
});

describe('namespaces', () => {
  it('sends X-Vault-Namespace on every request; the namespace has its own mounts and auth', async () => {
    const roleId = 'team-a-role';
    const secretId = 'team-a-secret-id-value';
    server.applySeed('team-a', {
      mounts: { secret: { type: 'kv', version: 2 } },
      writes: [{ path: 'secret/app', data: { key: 'team-a-secret-value' } }],
      policies: { reader: 'path "secret/data/*" { capabilities = ["read"] }' },
      auth: {
        approle: {
          type: 'approle',
          roles: { ci: { role_id: roleId, secret_id: secretId, policies: ['reader'] } },
        },
      },
    });
    server.requests.length = 0;
    const inputs = {
      method: 'approle',
      'role-id': roleId,
      'secret-id': secretId,
      secrets: 'secret/app key | KEY',
    };
    const result = await runVaultAction(vault, f, { ...inputs, namespace: 'team-a' });
    expect(result.main.errors).toEqual([]);
    expect(result.main.outputs.KEY).toBe('team-a-secret-value');
    expect(server.requests.length).toBeGreaterThan(2);
    expect(server.requests.every((r) => r.namespace === 'team-a')).toBe(true);
    expect(server.tokens.get(result.main.state[STATE.token]!)?.revoked).toBe(true);

    const root = await runVaultAction(vault, f, inputs);
    expect(root.main.errors).toEqual([
      expect.stringContaining(
        'Login with method approle at auth/approle/login (role from role-id): HTTP 400',
      ),
    ]);
  });
});

describe('kubernetes', () => {
  it('logs in with the service-account token file', async () => {
    const cluster = new OidcIssuer('https://kubernetes.default.svc');
    server.applySeed('', {
      auth: {
        kubernetes: {
          type: 'kubernetes',
          jwt_validation_pubkeys: [cluster.publicKeyPem],
          roles: {
            deployer: {
              bound_service_account_names: ['deployer'],
              bound_service_account_namespaces: ['ci'],
              policies: [f.names.reader],
            },
          },
        },
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'gantry-k8s-'));
    const tokenPath = join(dir, 'token');
    const now = Math.floor(Date.now() / 1000);
    const saToken = cluster.sign({
      iss: 'kubernetes/serviceaccount',
      sub: 'system:serviceaccount:ci:deployer',
      iat: now,
      exp: now + 600,
    });
    writeFileSync(tokenPath, `${saToken}\n`);
    const result = await runVaultAction(vault, f, {
      method: 'kubernetes',
      role: 'deployer',
      'kubernetes-token-path': tokenPath,
      secrets: `${f.names.kv2}/app password`,
    });
    expect(result.main.errors).toEqual([]);
    expect(result.main.outputs.password).toBe(f.values.password);
    expect(result.masks).toContain(saToken);
    expect(scanRun(result, [saToken])).toEqual([]);

    const missing = await runVaultAction(vault, f, {
      method: 'kubernetes',
      role: 'deployer',
      'kubernetes-token-path': join(dir, 'nope'),
      secrets: `${f.names.kv2}/app password`,
    });
    expect(missing.main.errors).toEqual([
      expect.stringContaining("Input 'kubernetes-token-path': cannot read the service-account token"),
    ]);
  });
});

describe('TLS', () => {
  let pki: {
    dir: string;
    ca: string;
    serverKey: string;
    serverCert: string;
    clientKey: string;
    clientCert: string;
  };

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-pki-'));
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Gantry Test CA',
    );
    for (const [name, ext] of [
      ['server', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth'],
      ['client', 'extendedKeyUsage=clientAuth'],
    ] as const) {
      writeFileSync(join(dir, `${name}.ext`), `${ext}\n`);
      openssl(
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=${name}`,
      );
      openssl(
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${name}.pem`,
        '-days',
        '2',
        '-extfile',
        `${name}.ext`,
      );
    }
    const read = (file: string) => readFileSync(join(dir, file), 'utf8');
    pki = {
      dir,
      ca: read('ca.pem'),
      serverKey: read('server.key'),
      serverCert: read('server.pem'),
      clientKey: read('client.key'),
      clientCert: read('client.pem'),
    };
  });

  async function tlsVault(requestCert: boolean): Promise<VaultBackend> {
    const tlsServer = await new VaultServer({
      seed: { namespaces: { '': f.seed } },
      tls: { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert },
    }).start();
    return { ...vault, addr: tlsServer.address, fake: tlsServer, stop: () => tlsServer.stop() };
  }

  it('trusts a private CA given as ca-certificate (PEM or base64), and names the input when it is missing', async () => {
    const tlsBackend = await tlsVault(false);
    try {
      const ok = await runVaultAction(
        tlsBackend,
        f,
        jwt(`${f.names.kv2}/app password`, { 'ca-certificate': pki.ca }),
      );
      expect(ok.main.errors).toEqual([]);
      expect(ok.main.outputs.password).toBe(f.values.password);
      const base64 = await runVaultAction(
        tlsBackend,
        f,
        jwt(`${f.names.kv2}/app password`, { 'ca-certificate': Buffer.from(pki.ca).toString('base64') }),
      );
      expect(base64.main.errors).toEqual([]);
      const untrusted = await runVaultAction(
        tlsBackend,
        f,
        jwt(`${f.names.kv2}/app password`, { retries: '0' }),
      );
      expect(untrusted.main.errors).toEqual([
        expect.stringMatching(/^Input 'ca-certificate': TLS to https:\/\/127\.0\.0\.1:\d+\/ failed \(\w+\)/),
      ]);
      const skipped = await runVaultAction(
        tlsBackend,
        f,
        jwt(`${f.names.kv2}/app password`, { 'tls-skip-verify': 'true' }),
      );
      expect(skipped.main.errors).toEqual([]);
      expect(skipped.main.annotations.filter((a) => a.command === 'warning').map((a) => a.value)).toEqual([
        expect.stringContaining('tls-skip-verify is true'),
      ]);
    } finally {
      await tlsBackend.stop();
    }
  });

  it('presents a client certificate when Vault requires one; the key is masked and never leaks', async () => {
    const tlsBackend = await tlsVault(true);
    try {
      const ok = await runVaultAction(
        tlsBackend,
        f,
        jwt(`${f.names.kv2}/app password`, {
          'ca-certificate': pki.ca,
          'client-certificate': pki.clientCert,
          'client-key': pki.clientKey,
        }),
      );
      expect(ok.main.errors).toEqual([]);
      expect(ok.main.outputs.password).toBe(f.values.password);
      for (const line of pki.clientKey
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('-----')))
        expect(ok.masks).toContain(line);
      expect(scanRun(ok, [pki.clientKey, ...allValues(f)], { allowFiles: ['set_output'] })).toEqual([]);
      const refused = await runVaultAction(
        tlsBackend,
        f,
        jwt(`${f.names.kv2}/app password`, { 'ca-certificate': pki.ca, retries: '0' }),
      );
      expect(refused.main.exitCode).not.toBe(0);
      expect(refused.main.errors).toHaveLength(1);
    } finally {
      await tlsBackend.stop();
    }
  });
});

describe('proxies', () => {
  /** A forward proxy: CONNECT tunnels and absolute-form requests, each one recorded. */
  async function startProxy(): Promise<{ url: string; seen: string[]; stop: () => Promise<void> }> {
    const seen: string[] = [];
    const proxy = createHttpServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const upstream = httpRequest(req.url!, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      seen.push(`CONNECT ${req.url}`);
      const [host, port] = String(req.url).split(':');
      const upstream = connect(Number(port), host!, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      seen,
      stop: async () => {
        proxy.closeAllConnections();
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
      },
    };
  }

  it('HTTPS_PROXY / HTTP_PROXY carry the Vault calls (the ID-token request follows core: loopback direct); NO_PROXY bypasses them', async () => {
    const proxy = await startProxy();
    try {
      const vaultHost = new URL(server.address).host;
      const through = await runVaultAction(vault, f, jwt(`${f.names.kv2}/app password`), {
        HTTP_PROXY: proxy.url,
        HTTPS_PROXY: proxy.url,
      });
      expect(through.main.errors).toEqual([]);
      expect(through.main.outputs.password).toBe(f.values.password);
      expect(through.post?.exitCode).toBe(0);
      expect(proxy.seen.filter((line) => line.includes(vaultHost)).length).toBeGreaterThanOrEqual(1);
      // The ID-token request is @actions/core's (getIDToken over @actions/http-client): it honours
      // HTTPS_PROXY and NO_PROXY but always goes direct to a loopback address, as this test issuer is;
      // the runner's real endpoint is never one.
      expect(proxy.seen.some((line) => line.includes(new URL(f.issuer.url).host))).toBe(false);

      proxy.seen.length = 0;
      const bypassed = await runVaultAction(vault, f, jwt(`${f.names.kv2}/app password`), {
        HTTP_PROXY: proxy.url,
        HTTPS_PROXY: proxy.url,
        NO_PROXY: '127.0.0.1',
      });
      expect(bypassed.main.errors).toEqual([]);
      expect(proxy.seen).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });
});

describe('gantry vault-secrets (CLI)', () => {
  it('runs main and post in one process: the command gets the secret, output is redacted, the token is revoked', async () => {
    const before = server.liveLoginTokens().length;
    const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-vault-'));
    const args = [
      'src/cli.ts',
      'vault-secrets',
      '--url',
      server.address,
      '--method',
      'approle',
      '--auth-path',
      f.names.approle,
    ];
    args.push(
      '--role-id',
      f.approle.roleId,
      '--secret-id',
      f.approle.secretId,
      '--secrets',
      `${f.names.kv2}/app password | PW`,
    );
    args.push('--run', `printf %s "$PW" | sha256sum > ${join(dir, 'digest')}; echo "pw is $PW"`);
    const child = spawn(join('node_modules', '.bin', 'tsx'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ 'secret-names': '["PW"]', 'lease-count': '0' });
    expect(stderr).toContain('pw is ***');
    expect(stderr).toContain('revoked the token');
    expect(readFileSync(join(dir, 'digest'), 'utf8')).toContain(
      createHash('sha256').update(f.values.password).digest('hex'),
    );
    for (const text of [stdout, stderr]) expect(text).not.toContain(f.values.password);
    expect(server.liveLoginTokens().length).toBe(before);
  });
});

describe('the Vault API server itself', () => {
  it('answers sys/health as Vault does: 200 active, 429 standby (200 with standbyok), 503 sealed', async () => {
    const health = (query = '') => fetch(`${server.address}/v1/sys/health${query}`);
    expect((await health()).status).toBe(200);
    server.standby = true;
    expect((await health()).status).toBe(429);
    expect((await health('?standbyok=true')).status).toBe(200);
    server.standby = false;
    server.sealed = true;
    const sealed = await health();
    expect(sealed.status).toBe(503);
    expect(await sealed.json()).toMatchObject({ sealed: true, initialized: true });
    const read = await fetch(`${server.address}/v1/${f.names.kv2}/data/app`, {
      headers: { 'x-vault-token': server.rootToken },
    });
    expect([read.status, await read.json()]).toEqual([503, { errors: ['Vault is sealed'] }]);
    server.sealed = false;
  });

  it('uses the documented envelopes and error bodies', async () => {
    const get = (path: string, token = server.rootToken) =>
      fetch(`${server.address}/v1/${path}`, { headers: { 'x-vault-token': token } });
    const missing = await get(`${f.names.kv2}/data/nothing-here`);
    expect([missing.status, await missing.json()]).toEqual([404, { errors: [] }]);
    const denied = await get(`${f.names.kv2}/data/app`, 'not-a-token');
    expect([denied.status, await denied.json()]).toEqual([403, { errors: ['permission denied'] }]);
    const ok = (await (await get(`${f.names.kv2}/data/app`)).json()) as Record<string, unknown>;
    expect(Object.keys(ok).sort()).toEqual([
      'auth',
      'data',
      'lease_duration',
      'lease_id',
      'renewable',
      'request_id',
      'warnings',
      'wrap_info',
    ]);
    expect(ok.data).toMatchObject({
      data: { username: f.values.username },
      metadata: { version: 2, destroyed: false },
    });
    const mounts = (await (await get(`sys/internal/ui/mounts/${f.names.kv1}/legacy`)).json()) as {
      data: unknown;
    };
    expect(mounts.data).toMatchObject({ path: `${f.names.kv1}/`, type: 'kv', options: { version: '1' } });
    const jwtLogin = await fetch(`${server.address}/v1/auth/${f.names.jwt}/login`, {
      method: 'POST',
      body: JSON.stringify({
        role: 'ci',
        jwt: f.issuer.githubToken({ audience: '127.0.0.1', expiresIn: -60 }),
      }),
    });
    expect([jwtLogin.status, await jwtLogin.json()]).toEqual([
      400,
      { errors: ['error validating token: token is expired (exp)'] },
    ]);
  });

  it('verifies JWTs against a JWKS URL too (the issuer serves GitHub-shaped keys)', async () => {
    const issuer = await new OidcIssuer(GITHUB_ISSUER).start();
    try {
      server.applySeed('', {
        auth: {
          'jwt-jwks': {
            type: 'jwt',
            jwks_url: issuer.jwksUrl,
            roles: { ci: { bound_audiences: ['vault'], policies: [] } },
          },
        },
      });
      const login = (jwt: string) =>
        fetch(`${server.address}/v1/auth/jwt-jwks/login`, {
          method: 'POST',
          body: JSON.stringify({ role: 'ci', jwt }),
        });
      expect((await login(issuer.githubToken({ audience: 'vault' }))).status).toBe(200);
      // Signed by another key: refused.
      expect((await login(f.issuer.githubToken({ audience: 'vault' }))).status).toBe(400);
    } finally {
      await issuer.stop();
    }
  });

  it('runs standalone: npx tsx test/support/vault-server.ts --port 0 --seed file prints its address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-vault-seed-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        rootToken: 'demo-root',
        namespaces: {
          '': {
            mounts: { secret: { type: 'kv', version: 2 } },
            writes: [{ path: 'secret/demo', data: { greeting: 'hello' } }],
          },
        },
      }),
    );
    const child = spawn(
      join('node_modules', '.bin', 'tsx'),
      ['test/support/vault-server.ts', '--port', '0', '--seed', seedFile],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const addr = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /VAULT_ADDR=(\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`vault-server exited with ${code}`)));
      });
      const read = await fetch(`${addr}/v1/secret/data/demo`, { headers: { 'x-vault-token': 'demo-root' } });
      expect(((await read.json()) as { data: { data: unknown } }).data.data).toEqual({ greeting: 'hello' });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
