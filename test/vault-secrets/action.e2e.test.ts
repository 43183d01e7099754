/**
 * The bundled action (dist/vault-secrets main + post) run through test/harness the way the runner
 * runs it, with debug logging on, against the Vault API server (or a real Vault when VAULT_ADDR and
 * VAULT_TOKEN are set). Besides vault-secrets itself these tests are the foundation's proof that
 * state reaches a post step and that masks are registered before anything prints (issue 2).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE } from '../../src/vault-secrets/constants.js';
import { type ActionRun, parseCommand, runAction } from '../harness/index.js';
import { allValues, type Fixture, fixture, startBackend, type VaultBackend } from './backend.js';
import { scanRun } from './leaks.js';
import { runVaultAction } from './run-action.js';

let vault: VaultBackend;
let f: Fixture;

beforeAll(async () => {
  vault = await startBackend();
  f = await fixture(new URL(vault.addr).hostname);
  await vault.seed(f.seed);
});
afterAll(async () => {
  await f?.issuer.stop();
  await vault?.stop();
});

async function run(options: { inputs: Record<string, string>; env?: Record<string, string> }) {
  return runVaultAction(vault, f, options.inputs, options.env);
}

function jwtInputs(secrets: string, extra: Record<string, string> = {}): Record<string, string> {
  return { method: 'jwt', role: 'ci', 'auth-path': f.names.jwt, secrets, ...extra };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function tokenIsRevoked(token: string): Promise<boolean> {
  const { status } = await vault.api('POST', 'auth/token/lookup', { token });
  return status === 403;
}

describe('vault-secrets end to end', () => {
  it('logs in with GitHub OIDC, reads KV v2 and v1, masks first, hands the token to post, which revokes it; nothing leaks', async () => {
    const secrets = [
      `${f.names.kv2}/app password | DB_PASSWORD ;`,
      `${f.names.kv2}/app username`,
      `${f.names.kv2}/app?version=1 password | OLD_PASSWORD`,
      `${f.names.kv2}/files cert | TLS_CERT`,
      `${f.names.kv2}/files config | APP_CONFIG`,
      `${f.names.kv1}/legacy * | LEGACY_`,
    ].join('\n');
    const result = await run({ inputs: jwtInputs(secrets) });
    expect(result.main.errors).toEqual([]);
    expect(result.main.exitCode).toBe(0);

    // Outputs: one per secret; values exact, including the multi-line and JSON ones.
    const out = result.main.outputs;
    expect(out.DB_PASSWORD).toBe(f.values.password);
    expect(out.username).toBe(f.values.username);
    expect(out.OLD_PASSWORD).toBe(f.values.oldPassword);
    expect(out.TLS_CERT).toBe(f.values.cert);
    expect(out.APP_CONFIG).toBe(f.values.jsonConfig);
    expect(out.LEGACY_TOKEN).toBe(f.values.legacyToken);
    expect(out.LEGACY_DOTTED_KEY).toBe(f.values.dotted);
    expect(JSON.parse(out['secret-names']!)).toHaveLength(7);
    // export-env is off by default: nothing reaches later steps' environment.
    expect(result.main.env).toEqual({});

    // The ID token was requested with the Vault host as audience, never GitHub's default.
    expect(f.issuer.requestedAudiences.at(-1)).toBe(new URL(vault.addr).hostname);

    // Masks (issue 2): every value, every line of the multi-line one, every JSON leaf, the token.
    const token = result.main.state[STATE.token]!;
    expect(token).toMatch(/\S{8,}/);
    const masks = result.masks;
    for (const value of [
      f.values.password,
      f.values.username,
      f.values.oldPassword,
      f.values.cert,
      f.values.jsonConfig,
      f.values.dbPassword,
      f.values.legacyToken,
      f.values.dotted,
      token,
    ]) {
      expect(masks).toContain(value);
    }
    for (const line of f.values.cert.split('\n')) expect(masks).toContain(line);
    for (const leaf of JSON.parse(f.values.jsonConfig).tokens as string[]) expect(masks).toContain(leaf);
    // Values the step read but was not asked for (api-key) are masked too.
    expect(masks).toContain(f.values.apiKey);
    expect(result.steps.flatMap((s) => s.leaks)).toEqual([]);

    // State (issue 2): main saved the token and nothing else; post received it and revoked it.
    expect(Object.keys(result.main.state)).toEqual([STATE.token]);
    expect(result.post?.exitCode).toBe(0);
    expect(result.post?.log).toContain('revoked the token');
    expect(await tokenIsRevoked(token)).toBe(true);

    // Nothing leaked anywhere except the outputs file the user asked for (the state file holds only the token).
    const values = [...allValues(f), f.approle.secretId, f.userpass.password];
    expect(scanRun(result, values, { allowFiles: ['set_output'] })).toEqual([]);
    expect(scanRun(result, [token], { allowFiles: ['save_state'] })).toEqual([]);
    const log = readFileSync(result.logFile, 'utf8');
    expect(log).toContain('"stage":"login"');
    expect(log).toContain('"stage":"fetch"');
    expect(log).toContain('"stage":"revoke"');
  });

  it('still revokes in post after a failing main, and the error names the path without leaking', async () => {
    const secrets = `${f.names.kv2}/app password | DB_PASSWORD\n${f.names.kv2}/forbidden value | NOPE`;
    const result = await run({ inputs: jwtInputs(secrets) });
    expect(result.main.exitCode).not.toBe(0);
    expect(result.main.errors).toHaveLength(1);
    expect(result.main.errors[0]).toContain(`${f.names.kv2}/forbidden (line 2): HTTP 403 (permission denied`);
    const token = result.main.state[STATE.token]!;
    expect(token).toBeTruthy();
    expect(result.post?.exitCode).toBe(0);
    expect(await tokenIsRevoked(token)).toBe(true);
    expect(result.main.outputs).toEqual({});
    expect(result.steps.flatMap((s) => s.leaks)).toEqual([]);
    expect(scanRun(result, allValues(f))).toEqual([]);
  });

  it('export-env hands the values to later steps only when asked', async () => {
    const result = await run({
      inputs: jwtInputs(`${f.names.kv2}/app password | DB_PASSWORD\n${f.names.kv2}/app username`, {
        'export-env': 'true',
      }),
    });
    expect(result.main.exitCode).toBe(0);
    expect(result.main.env).toEqual({ DB_PASSWORD: f.values.password, USERNAME: f.values.username });
    expect(result.main.outputs.DB_PASSWORD).toBe(f.values.password);
    expect(scanRun(result, allValues(f), { allowFiles: ['set_output', 'set_env'] })).toEqual([]);
  });

  it('run: the command gets the secrets in its environment; no outputs, no exported variables, nothing left behind', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'gantry-ws-vault-'));
    // The command proves it saw the values without printing them: it writes their digests.
    const command =
      'printf %s "$DB_PASSWORD" | sha256sum > digest-pw; printf %s "$TLS_CERT" | sha256sum > digest-cert; env | cut -d= -f1 | sort > env-names';
    const result = await runAction({
      action: 'vault-secrets',
      debug: true,
      workspace,
      inputs: {
        url: vault.addr,
        ...jwtInputs(`${f.names.kv2}/app password | DB_PASSWORD\n${f.names.kv2}/files cert | TLS_CERT`, {
          run: command,
        }),
      },
      env: f.issuer.runnerEnv(),
    });
    expect(result.main.errors).toEqual([]);
    const digest = (value: string) => createHash('sha256').update(value).digest('hex');
    expect(readFileSync(join(workspace, 'digest-pw'), 'utf8')).toContain(digest(f.values.password));
    expect(readFileSync(join(workspace, 'digest-cert'), 'utf8')).toContain(digest(f.values.cert));
    const envNames = readFileSync(join(workspace, 'env-names'), 'utf8').split('\n');
    expect(envNames).toContain('DB_PASSWORD');
    expect(envNames.filter((n) => n.startsWith('INPUT_'))).toEqual([]);
    expect(result.main.env).toEqual({});
    expect(Object.keys(result.main.outputs).sort()).toEqual(['lease-count', 'secret-names']);
    expect(scanRun(result, allValues(f))).toEqual([]);
  });

  it('run with export-token: the command also gets VAULT_TOKEN, still nothing reaches outputs or later steps', async () => {
    const result = await run({
      inputs: jwtInputs(`${f.names.kv2}/app password | DB_PASSWORD`, {
        run: 'test -n "$VAULT_TOKEN" && test -n "$DB_PASSWORD" || exit 3',
        'export-token': 'true',
      }),
    });
    expect(result.main.errors).toEqual([]);
    expect(Object.keys(result.main.outputs).sort()).toEqual(['lease-count', 'secret-names']);
    expect(result.main.env).toEqual({});
  });

  it('run: a failing command fails the step, and post still revokes', async () => {
    const result = await run({
      inputs: jwtInputs(`${f.names.kv2}/app password | DB_PASSWORD`, {
        run: 'test -n "$DB_PASSWORD"; exit 7',
      }),
    });
    expect(result.main.errors).toEqual(["Input 'run': the command exited with code 7."]);
    expect(await tokenIsRevoked(result.main.state[STATE.token]!)).toBe(true);
  });

  it('approle: logs in with role-id and secret-id (masked), and post revokes the token', async () => {
    const result = await run({
      inputs: {
        method: 'approle',
        'auth-path': f.names.approle,
        'role-id': f.approle.roleId,
        'secret-id': f.approle.secretId,
        secrets: `${f.names.kv2}/app ** | APP_`,
      },
    });
    expect(result.main.errors).toEqual([]);
    expect(result.main.outputs).toMatchObject({
      APP_password: f.values.password,
      APP_username: f.values.username,
      APP_api_key: f.values.apiKey,
    });
    expect(result.masks).toContain(f.approle.secretId);
    expect(await tokenIsRevoked(result.main.state[STATE.token]!)).toBe(true);
    expect(scanRun(result, [...allValues(f), f.approle.secretId], { allowFiles: ['set_output'] })).toEqual(
      [],
    );
  });

  it('userpass: logs in as the user, and post revokes the token', async () => {
    const result = await run({
      inputs: {
        method: 'userpass',
        'auth-path': f.names.userpass,
        username: f.userpass.username,
        password: f.userpass.password,
        secrets: `${f.names.kv2}/app password`,
      },
    });
    expect(result.main.errors).toEqual([]);
    expect(result.main.outputs.password).toBe(f.values.password);
    expect(await tokenIsRevoked(result.main.state[STATE.token]!)).toBe(true);
    expect(scanRun(result, [...allValues(f), f.userpass.password], { allowFiles: ['set_output'] })).toEqual(
      [],
    );
  });

  it('token: uses the given token, never saves it in state nor revokes it; export-token sets the output', async () => {
    const { body } = await vault.api('POST', 'auth/token/create', { policies: [f.names.reader], ttl: '10m' });
    const token = String((body?.auth as { client_token?: string } | undefined)?.client_token);
    const result = await run({
      inputs: {
        method: 'token',
        token,
        secrets: `${f.names.kv1}/legacy token | LEGACY`,
        'export-token': 'true',
      },
    });
    expect(result.main.errors).toEqual([]);
    expect(result.main.outputs.LEGACY).toBe(f.values.legacyToken);
    expect(result.main.outputs['vault-token']).toBe(token);
    expect(result.masks).toContain(token);
    expect(result.main.state).toEqual({});
    expect(result.post?.log).toContain('nothing to revoke');
    expect(await tokenIsRevoked(token)).toBe(false);
    expect(scanRun(result, [...allValues(f), token], { allowFiles: ['set_output'] })).toEqual([]);
  });

  it('a job with an environment logs in with the environment subject; the ref-bound role refuses it', async () => {
    f.issuer.runnerClaims = { environment: 'production' };
    try {
      const ok = await run({ inputs: jwtInputs(`${f.names.kv2}/app password`, { role: 'production' }) });
      expect(ok.main.errors).toEqual([]);
      const refused = await run({ inputs: jwtInputs(`${f.names.kv2}/app password`) });
      expect(refused.main.errors).toHaveLength(1);
      expect(refused.main.errors[0]).toMatch(
        /^Login with method jwt at auth\/jwt-\w+\/login \(role 'ci'\): HTTP 400 \(Vault rejected the request/,
      );
    } finally {
      f.issuer.runnerClaims = {};
    }
  });

  it('values shorter than 4 characters are masked and warned about, naming the secret, not the value', async () => {
    const result = await run({ inputs: jwtInputs(`${f.names.kv2}/short pin | PIN`) });
    expect(result.main.errors).toEqual([]);
    expect(result.masks).toContain('x7');
    const warnings = result.main.annotations.filter((a) => a.command === 'warning').map((a) => a.value);
    expect(warnings).toEqual([expect.stringContaining("Secret 'PIN'")]);
    expect(warnings[0]).not.toContain('x7');
  });
});

describe('vault-secrets bad input', () => {
  async function failure(
    inputs: Record<string, string>,
    env?: Record<string, string>,
  ): Promise<{ error: string; result: ActionRun }> {
    const result = await run({ inputs, env });
    expect(result.main.exitCode).not.toBe(0);
    expect(result.main.errors).toHaveLength(1);
    expect(result.steps.flatMap((s) => s.leaks)).toEqual([]);
    expect(scanRun(result, [...allValues(f), f.approle.secretId, f.userpass.password])).toEqual([]);
    // No stack trace in the visible log for a user's mistake.
    expect(result.main.log).not.toMatch(/\n\s+at /);
    return { error: result.main.errors[0]!, result };
  }

  it('an unparsable secrets line names the line and says why', async () => {
    const { error } = await failure(jwtInputs(`${f.names.kv2}/app password | DB\n${f.names.kv2}/app`));
    expect(error).toBe(
      `Input 'secrets', line 2: a path needs a key after it: write 'path key | NAME', 'path *' or 'path **'; got "${f.names.kv2}/app".`,
    );
  });

  it('a bad NAME and a bad version are named', async () => {
    expect((await failure(jwtInputs(`${f.names.kv2}/app password | 1BAD`))).error).toContain(
      "line 1: '1BAD' is not a valid name",
    );
    expect((await failure(jwtInputs(`${f.names.kv2}/app?version=latest password`))).error).toContain(
      "line 1: the only query is '?version=N'",
    );
  });

  it('an unknown method (without auth-payload, which would make it a custom method)', async () => {
    const { error } = await failure({ method: 'oauth', secrets: `${f.names.kv2}/app password` });
    expect(error).toBe(
      `Input 'method': got "oauth"; expected one of jwt, approle, kubernetes, userpass, ldap, github, token.`,
    );
  });

  it('a missing role, and an input of another method', async () => {
    expect(
      (await failure({ method: 'jwt', 'auth-path': f.names.jwt, secrets: `${f.names.kv2}/app password` }))
        .error,
    ).toBe("Input 'role' is required with method jwt.");
    expect(
      (
        await failure({
          method: 'approle',
          'role-id': f.approle.roleId,
          secrets: `${f.names.kv2}/app password`,
        })
      ).error,
    ).toBe("Input 'secret-id' is required with method approle.");
    expect(
      (await failure({ ...jwtInputs(`${f.names.kv2}/app password`), 'secret-id': f.approle.secretId })).error,
    ).toBe(
      "Input 'secret-id' is used only with method approle, but method is jwt; remove it or change method.",
    );
  });

  it('jwt in a job without id-token: write', async () => {
    const { error } = await failure(jwtInputs(`${f.names.kv2}/app password`), {
      ACTIONS_ID_TOKEN_REQUEST_URL: '',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: '',
    });
    expect(error).toContain("add 'permissions: id-token: write' to the job");
  });

  it('a wrong audience is refused by the role', async () => {
    const { error } = await failure(
      jwtInputs(`${f.names.kv2}/app password`, { 'jwt-audience': 'https://github.com/acme' }),
    );
    expect(error).toContain("(role 'ci'): HTTP 400");
    expect(f.issuer.requestedAudiences.at(-1)).toBe('https://github.com/acme');
  });

  it('a wrong secret-id', async () => {
    const { error } = await failure({
      method: 'approle',
      'auth-path': f.names.approle,
      'role-id': f.approle.roleId,
      'secret-id': 'not-the-secret-id',
      secrets: `${f.names.kv2}/app password`,
    });
    expect(error).toMatch(
      /^Login with method approle at auth\/approle-\w+\/login \(role from role-id\): HTTP 400/,
    );
  });

  it('a path that does not exist fails (and post revokes), or is skipped with ignore-not-found', async () => {
    const { error, result } = await failure(jwtInputs(`${f.names.kv2}/missing value`));
    expect(error).toBe(
      `Reading ${f.names.kv2}/missing (line 1): HTTP 404 (not found: check the path and the mount (or set ignore-not-found)).`,
    );
    expect(await tokenIsRevoked(result.main.state[STATE.token]!)).toBe(true);

    const ignored = await run({
      inputs: jwtInputs(
        `${f.names.kv2}/missing value\n${f.names.kv2}/app nokey\n${f.names.kv2}/app password`,
        { 'ignore-not-found': 'true' },
      ),
    });
    expect(ignored.main.errors).toEqual([]);
    expect(ignored.main.outputs.password).toBe(f.values.password);
    const warnings = ignored.main.annotations.filter((a) => a.command === 'warning').map((a) => a.value);
    expect(warnings.sort()).toEqual([
      expect.stringContaining("app has no key 'nokey' (line 2)"),
      expect.stringContaining(`${f.names.kv2}/missing was not found`),
    ]);
  });

  it('a missing key names the key, not the other keys', async () => {
    const { error } = await failure(jwtInputs(`${f.names.kv2}/app nokey`));
    expect(error).toBe(
      `Reading ${f.names.kv2}/app (line 1): the secret has no key 'nokey'; it has 3 other key(s). Check the key name.`,
    );
  });

  it('a deleted version is a 404 that says so, without echoing its metadata', async () => {
    const { error } = await failure(jwtInputs(`${f.names.kv2}/gone?version=1 value`));
    expect(error).toContain(
      `Reading ${f.names.kv2}/gone?version=1 (line 1): that version is deleted or destroyed`,
    );
    expect(error).not.toMatch(/deletion_time|created_time/);
  });

  it('?version on a KV v1 path', async () => {
    const { error } = await failure(jwtInputs(`${f.names.kv1}/legacy?version=2 token`));
    expect(error).toContain(`is not on a KV v2 mount; drop '?version=2'`);
  });

  it('an unreachable Vault, after bounded retries', async () => {
    const port = await closedPort();
    const { error, result } = await failure({
      ...jwtInputs(`${f.names.kv2}/app password`),
      url: `http://127.0.0.1:${port}`,
      retries: '1',
    });
    expect(error).toMatch(
      /^Input 'url': Vault at http:\/\/127\.0\.0\.1:\d+\/ could not be reached for auth\/jwt-\w+\/login \(.*ECONNREFUSED\) after the configured retries/,
    );
    expect(result.main.log).toContain('retry 1/1');
  });

  it('a token Vault does not know', async () => {
    const { error } = await failure({
      method: 'token',
      token: 'hvs.not-a-real-token-value',
      secrets: `${f.names.kv2}/app password`,
    });
    expect(error).toBe(
      "Input 'token': looking the token up (auth/token/lookup-self) failed: HTTP 403 (permission denied: the token's policies do not allow this, or the token is invalid or revoked).",
    );
  });

  it('a url without a scheme, and retries that are not a number', async () => {
    expect(
      (await failure({ ...jwtInputs(`${f.names.kv2}/app password`), url: 'vault.example.com:8200' })).error,
    ).toBe(`Input 'url': got "vault.example.com:8200"; expected an http:// or https:// address.`);
    expect((await failure({ ...jwtInputs(`${f.names.kv2}/app password`), retries: 'many' })).error).toBe(
      `Input 'retries': got "many"; expected an integer >= 0 <= 10.`,
    );
  });

  it('a wildcard needs a prefix with export-env or run (a key could be NODE_OPTIONS, PATH, BASH_ENV…); as outputs it is harmless', async () => {
    const { error } = await failure(jwtInputs(`${f.names.kv2}/hostile *`, { 'export-env': 'true' }));
    expect(error).toBe(
      `Input 'secrets', line 1: with 'run' or 'export-env', names taken from Vault's keys need a prefix: write 'path * | PREFIX_' (for example APP_). See "Environment names" in the vault-secrets README.`,
    );
    expect((await failure(jwtInputs(`${f.names.kv2}/hostile *`, { run: 'true' }))).error).toContain(
      'need a prefix',
    );
    expect(
      (await failure(jwtInputs(`${f.names.kv2}/hostile app_key | NODE_OPTIONS`, { run: 'true' }))).error,
    ).toContain('NODE_OPTIONS changes how programs run');
    const prefixed = await run({
      inputs: jwtInputs(`${f.names.kv2}/hostile * | APP_`, { 'export-env': 'true' }),
    });
    expect(prefixed.main.errors).toEqual([]);
    expect(prefixed.main.env.APP_NODE_OPTIONS).toBe('--require=/tmp/payload.js');
    const outputs = await run({ inputs: jwtInputs(`${f.names.kv2}/hostile *`) });
    expect(outputs.main.errors).toEqual([]);
    expect(outputs.main.env).toEqual({});
  });

  it('run and export-env together', async () => {
    const { error } = await failure(
      jwtInputs(`${f.names.kv2}/app password`, { run: 'true', 'export-env': 'true' }),
    );
    expect(error).toContain("Inputs 'run' and 'export-env' contradict each other");
  });

  it('client-certificate without client-key, and a CA that is not PEM', async () => {
    expect(
      (
        await failure(
          jwtInputs(`${f.names.kv2}/app password`, {
            'client-certificate': '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----',
          }),
        )
      ).error,
    ).toBe("Inputs 'client-certificate' and 'client-key' go together: give both or neither.");
    expect(
      (await failure(jwtInputs(`${f.names.kv2}/app password`, { 'ca-certificate': 'not a certificate' })))
        .error,
    ).toContain("Input 'ca-certificate': expected PEM text");
  });
});

describe('foundation contract (issue 2), proven through vault-secrets', () => {
  it('masks are registered before the value can print: a command echoing the secret shows *** in the runner log', async () => {
    const result = await run({
      inputs: jwtInputs(`${f.names.kv2}/app password | DB_PASSWORD`, { run: 'echo "value: $DB_PASSWORD"' }),
    });
    expect(result.main.errors).toEqual([]);
    const lines = result.main.stdout.split('\n');
    const maskAt = lines.findIndex(
      (line) => parseCommand(line)?.command === 'add-mask' && parseCommand(line)?.value === f.values.password,
    );
    const printedAt = lines.findIndex((line) => line.startsWith('value: '));
    expect(maskAt).toBeGreaterThanOrEqual(0);
    expect(printedAt).toBeGreaterThan(maskAt);
    expect(result.main.leaks).toEqual([]);
    expect(result.main.log).toContain('value: ***');
    expect(result.main.log).not.toContain(f.values.password);
  });

  it('state saved by main reaches post as STATE_*: with post the token is revoked, without post it is not', async () => {
    const inputs = { url: vault.addr, ...jwtInputs(`${f.names.kv2}/app password`) };
    const withoutPost = await runAction({
      action: 'vault-secrets',
      inputs,
      env: f.issuer.runnerEnv(),
      post: false,
    });
    const orphan = withoutPost.main.state[STATE.token]!;
    expect(withoutPost.post).toBeUndefined();
    expect(await tokenIsRevoked(orphan)).toBe(false);
    await vault.api('POST', 'auth/token/revoke-self', undefined, orphan);

    const withPost = await runAction({ action: 'vault-secrets', inputs, env: f.issuer.runnerEnv() });
    expect(withPost.main.state).toEqual({ [STATE.token]: expect.any(String) });
    expect(withPost.post?.log).toContain('revoked the token');
    expect(await tokenIsRevoked(withPost.main.state[STATE.token]!)).toBe(true);
  });
});
