/**
 * A hashicorp/vault-action step run as it is by the bundled action (test/harness) against the
 * Vault API server: its input names as aliases, its defaults, one warning line, conflicts between
 * an alias and its Gantry input, a clear error for a bad value of each alias, and the hardening
 * rules (masking, refused environment names, redirects, revoke in post) in this surface.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE } from '../../src/vault-secrets/constants.js';
import { VaultServer } from '../../src/demo/services/vault-api-server.js';
import type { ActionRun } from '../harness/index.js';
import { allValues, type Fixture, fakeBackend, fixture, type VaultBackend } from './backend.js';
import { scanRun } from './leaks.js';
import { runVaultAction } from './run-action.js';

let server: VaultServer;
let other: VaultServer;
let vault: VaultBackend;
let f: Fixture;

beforeAll(async () => {
  server = await new VaultServer().start();
  other = await new VaultServer().start();
  vault = fakeBackend(server);
  f = await fixture('127.0.0.1');
  await vault.seed(f.seed);
  // A role made for vault-action: bound to GitHub's default audience, https://github.com/OWNER.
  server.applySeed('', {
    auth: {
      'jwt-va': {
        type: 'jwt',
        jwt_validation_pubkeys: [f.issuer.publicKeyPem],
        roles: { deploy: { bound_audiences: ['https://github.com/acme'], policies: [f.names.reader] } },
      },
    },
  });
});
afterAll(async () => {
  await f?.issuer.stop();
  await server?.stop();
  await other?.stop();
});

const warningsOf = (result: ActionRun) =>
  result.main.annotations.filter((a) => a.command === 'warning').map((a) => a.value);

/** vault-action's approle step (integrationTests/basic/approle_auth.test.js), with this Vault's mount. */
const approleStep = (extra: Record<string, string> = {}) => ({
  method: 'approle',
  path: f.names.approle,
  roleId: f.approle.roleId,
  secretId: f.approle.secretId,
  secrets: `${f.names.kv2}/data/app password ;\n${f.names.kv2}/data/app api-key | API_KEY ;`,
  ...extra,
});

async function failure(inputs: Record<string, string>): Promise<string> {
  const before = server.requests.length;
  const result = await runVaultAction(vault, f, inputs);
  expect(result.main.exitCode).not.toBe(0);
  expect(result.main.errors).toHaveLength(1);
  expect(result.steps.flatMap((s) => s.leaks)).toEqual([]);
  expect(scanRun(result, [...allValues(f), f.approle.secretId, f.userpass.password])).toEqual([]);
  expect(result.main.log).not.toMatch(/\n\s+at /);
  // Every input mistake is found before anything is sent to Vault.
  expect(server.requests.slice(before)).toEqual([]);
  return result.main.errors[0]!;
}

describe('a vault-action step, as it is', () => {
  it("approle with roleId/secretId/path: vault-action's defaults (export to env), one warning line with the Gantry inputs, secretId masked, token revoked in post", async () => {
    const result = await runVaultAction(vault, f, approleStep());
    expect(result.main.errors).toEqual([]);
    expect(result.main.env).toEqual({ PASSWORD: f.values.password, API_KEY: f.values.apiKey });
    expect(result.main.outputs.password).toBe(f.values.password);
    expect(result.main.outputs.API_KEY).toBe(f.values.apiKey);
    const warnings = warningsOf(result);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('roleId → role-id');
    expect(warnings[0]).toContain('secretId → secret-id');
    expect(warnings[0]).toContain('path → auth-path');
    expect(warnings[0]).toContain('export-env: false');
    expect(result.masks).toContain(f.approle.secretId);
    expect(
      scanRun(result, [...allValues(f), f.approle.secretId], { allowFiles: ['set_output', 'set_env'] }),
    ).toEqual([]);
    expect(server.tokens.get(result.main.state[STATE.token]!)?.revoked).toBe(true);
  });

  it('an alias and its Gantry input with the same value agree; with different values the step fails naming both', async () => {
    const same = await runVaultAction(vault, f, approleStep({ 'role-id': f.approle.roleId }));
    expect(same.main.errors).toEqual([]);
    expect(await failure(approleStep({ 'role-id': 'another-role' }))).toBe(
      "Inputs 'role-id' and 'roleId' (its hashicorp/vault-action name) are both given, with different values: keep one.",
    );
    expect(await failure(approleStep({ 'export-env': 'false', exportEnv: 'true' }))).toContain(
      "Inputs 'export-env' and 'exportEnv'",
    );
  });

  it("token without method is vault-action's default method; exportToken sets VAULT_TOKEN, outputToken the vault_token output", async () => {
    const token = server.mintToken('', [f.names.reader]);
    const result = await runVaultAction(vault, f, {
      token: token.id,
      secrets: `${f.names.kv2}/data/app username`,
      exportToken: 'true',
      outputToken: 'true',
    });
    expect(result.main.errors).toEqual([]);
    expect(result.main.env).toEqual({ USERNAME: f.values.username, VAULT_TOKEN: token.id });
    expect(result.main.outputs.vault_token).toBe(token.id);
    expect(result.main.outputs['vault-token']).toBe(token.id);
    expect(result.masks).toContain(token.id);
    // A token given to the step is the user's: never revoked.
    expect(token.revoked).toBe(false);
  });

  it("method jwt asks for GitHub's default audience in the vault-action surface (the role made for vault-action logs in); Gantry's surface asks for the Vault host and says what to do", async () => {
    const step = {
      method: 'jwt',
      role: 'deploy',
      path: 'jwt-va',
      secrets: `${f.names.kv2}/data/app username`,
    };
    f.issuer.requestedAudiences.length = 0;
    const compat = await runVaultAction(vault, f, step);
    expect(compat.main.errors).toEqual([]);
    expect(compat.main.env).toEqual({ USERNAME: f.values.username });
    expect(f.issuer.requestedAudiences).toEqual(['']);

    const gantry = await runVaultAction(vault, f, {
      method: 'jwt',
      role: 'deploy',
      'auth-path': 'jwt-va',
      secrets: `${f.names.kv2}/data/app username`,
    });
    expect(gantry.main.errors).toHaveLength(1);
    expect(gantry.main.errors[0]).toContain("add 'compat: vault-action' or set jwt-audience");
    expect(f.issuer.requestedAudiences.at(-1)).toBe('127.0.0.1');

    const explicit = await runVaultAction(vault, f, {
      ...step,
      jwtGithubAudience: 'https://github.com/acme',
    });
    expect(explicit.main.errors).toEqual([]);
    expect(f.issuer.requestedAudiences.at(-1)).toBe('https://github.com/acme');
  });

  it("compat: vault-action turns the surface on for a step that uses only shared names; compat: gantry keeps Gantry's defaults and refuses the aliases", async () => {
    const token = server.mintToken('', [f.names.reader]);
    const inputs = { method: 'token', token: token.id, secrets: `${f.names.kv2}/data/app api-key` };
    // vault-action reads an unquoted api-key as JSONata (api minus key): quoted, as its tests do.
    const on = await runVaultAction(vault, f, {
      ...inputs,
      secrets: `${f.names.kv2}/data/app "api-key"`,
      compat: 'vault-action',
    });
    expect(on.main.errors).toEqual([]);
    expect(on.main.env).toEqual({ APIKEY: f.values.apiKey });
    expect(on.main.outputs.apikey).toBe(f.values.apiKey);
    const off = await runVaultAction(vault, f, inputs);
    expect(off.main.env).toEqual({});
    expect(off.main.outputs.api_key).toBe(f.values.apiKey);
    expect(warningsOf(off)).toEqual([]);
    expect(await failure({ ...inputs, compat: 'gantry', exportEnv: 'true' })).toBe(
      "Input 'exportEnv' is hashicorp/vault-action's name, and compat is gantry: write export-env instead, or remove compat.",
    );
    expect(await failure({ ...inputs, compat: 'hashicorp' })).toBe(
      `Input 'compat': got "hashicorp"; expected 'vault-action' or 'gantry' (or empty: automatic).`,
    );
  });

  it("JSONata selectors: vault-action's (key.leaf, and $-functions with a name) give its values, computed values are masked", async () => {
    const token = server.mintToken('', [f.names.reader]);
    const result = await runVaultAction(vault, f, {
      token: token.id,
      secrets: [
        `${f.names.kv2}/data/files config | CONFIG`,
        `${f.names.kv2}/data/app username.$uppercase($) | UPPER_USER`,
      ].join(' ;\n'),
    });
    expect(result.main.errors).toEqual([]);
    expect(result.main.env.UPPER_USER).toBe(f.values.username.toUpperCase());
    expect(result.masks).toContain(f.values.username.toUpperCase());
  });
});

describe('hardening holds in the vault-action surface', () => {
  it('refused environment names: an explicit name and a key-derived name (no prefix needed here) are checked against the denylist', async () => {
    const token = server.mintToken('', [f.names.reader]);
    expect(
      await failure({ token: token.id, secrets: `${f.names.kv2}/data/app password | LD_PRELOAD` }),
    ).toContain('LD_PRELOAD is in the LD_* family');
    // The hostile path has a key node_options: '*' names it NODE_OPTIONS, refused after the read.
    const result = await runVaultAction(vault, f, {
      token: token.id,
      secrets: `${f.names.kv2}/data/hostile *`,
    });
    expect(result.main.exitCode).not.toBe(0);
    expect(result.main.errors[0]).toContain('NODE_OPTIONS changes how programs run');
    expect(result.main.env).toEqual({});
  });

  it('a redirect to another address is refused; the token does not follow it', async () => {
    const token = server.mintToken('', [f.names.reader]);
    server.injectFault({
      path: new RegExp(`^${f.names.kv2}/data/app$`),
      status: 307,
      redirectTo: other.address,
    });
    const result = await runVaultAction(vault, f, {
      token: token.id,
      secrets: `${f.names.kv2}/data/app password`,
    });
    expect(result.main.exitCode).not.toBe(0);
    expect(result.main.errors[0]).toContain('redirected');
    expect(other.requests).toEqual([]);
    expect(result.main.env).toEqual({});
  });

  it('extraHeaders values are masked; headers Vault or the HTTP layer own are refused', async () => {
    const token = server.mintToken('', [f.names.reader]);
    const header = 'cf-access-client-secret-0123456789';
    const result = await runVaultAction(vault, f, {
      token: token.id,
      secrets: `${f.names.kv2}/data/app username`,
      extraHeaders: `CF-Access-Client-Secret: ${header}\nX-Team: deploy`,
    });
    expect(result.main.errors).toEqual([]);
    expect(result.masks).toContain(header);
    expect(await failure({ token: token.id, secrets: 'a/b c', extraHeaders: 'X-Vault-Token: other' })).toBe(
      "Input 'extraHeaders', line 1: x-vault-token is set by vault-secrets itself (namespace, token, the HTTP layer); remove it.",
    );
  });
});

describe('bad input, one per vault-action alias: a clear error naming the alias, before anything reaches Vault', () => {
  const token = () => server.mintToken('', [f.names.reader]).id;
  const cases: [string, () => Record<string, string>, string | RegExp][] = [
    [
      'path',
      () => approleStep({ path: 'approle/../../sys/tools/hash' }),
      /^Input 'path': got "approle\/\.\.\/\.\.\/sys\/tools\/hash"; expected the auth mount path/,
    ],
    [
      'roleId',
      () => ({ token: token(), roleId: 'r', secrets: 'a/b c' }),
      "Input 'roleId' is used only with method approle, but method is token; remove it or change method.",
    ],
    [
      'secretId',
      () => ({ method: 'approle', roleId: 'r', secrets: 'a/b c' }),
      "Input 'secret-id' (vault-action: secretId) is required with method approle.",
    ],
    [
      'githubToken',
      () => ({ token: token(), githubToken: 'ghp_x', secrets: 'a/b c' }),
      "Input 'githubToken' is used only with method github, but method is token; remove it or change method.",
    ],
    [
      'kubernetesTokenPath',
      () => approleStep({ kubernetesTokenPath: '/tmp/t' }),
      "Input 'kubernetesTokenPath' is used only with method kubernetes, but method is approle; remove it or change method.",
    ],
    [
      'authPayload',
      () => ({ method: 'oidc-custom', authPayload: '{"jwt": "unterminated', secrets: 'a/b c' }),
      "Input 'authPayload': expected a JSON object (the body of auth/oidc-custom/login); the value given is not valid JSON.",
    ],
    [
      'extraHeaders',
      () => ({ token: token(), extraHeaders: 'no colon here', secrets: 'a/b c' }),
      "Input 'extraHeaders', line 1: expected 'Header-Name: value' (a header name, then ':').",
    ],
    [
      'exportEnv',
      () => ({ token: token(), exportEnv: 'yes', secrets: 'a/b c' }),
      `Input 'exportEnv': got "yes"; expected 'true' or 'false'.`,
    ],
    [
      'exportToken',
      () => ({ token: token(), exportToken: 'maybe', secrets: 'a/b c' }),
      `Input 'exportToken': got "maybe"; expected 'true' or 'false'.`,
    ],
    [
      'outputToken',
      () => ({ token: token(), outputToken: 'on', secrets: 'a/b c' }),
      `Input 'outputToken': got "on"; expected 'true' or 'false'.`,
    ],
    [
      'caCertificate',
      () => ({ token: token(), caCertificate: 'bm90IGEgY2VydA==', secrets: 'a/b c' }),
      "Input 'caCertificate': expected PEM text (-----BEGIN …) or base64 of it; the value given is neither.",
    ],
    [
      'clientCertificate',
      () => ({
        token: token(),
        clientCertificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
        secrets: 'a/b c',
      }),
      "Inputs 'clientCertificate' and 'client-key' go together: give both or neither.",
    ],
    [
      'clientKey',
      () => ({ token: token(), clientKey: 'not a key', secrets: 'a/b c' }),
      "Input 'clientKey': expected PEM text (-----BEGIN …) or base64 of it; the value given is neither.",
    ],
    [
      'tlsSkipVerify',
      () => ({ token: token(), tlsSkipVerify: 'nope', secrets: 'a/b c' }),
      `Input 'tlsSkipVerify': got "nope"; expected 'true' or 'false'.`,
    ],
    [
      'jwtGithubAudience',
      () => approleStep({ jwtGithubAudience: 'sigstore' }),
      "Input 'jwtGithubAudience' is used only with method jwt, but method is approle; remove it or change method.",
    ],
    [
      'secretEncodingType',
      () => ({ token: token(), secretEncodingType: 'base32', secrets: 'a/b c' }),
      `Input 'secretEncodingType': got "base32"; expected one of base64, hex, utf8.`,
    ],
    [
      'ignoreNotFound',
      () => ({ token: token(), ignoreNotFound: 'perhaps', secrets: 'a/b c' }),
      `Input 'ignoreNotFound': got "perhaps"; expected 'true' or 'false'.`,
    ],
    [
      'jwtPrivateKey',
      () => ({ method: 'jwt', role: 'r', jwtPrivateKey: 'LS0tLS1CRUdJTg==', secrets: 'a/b c' }),
      /^Input 'jwtPrivateKey': self-signed JWTs \(jwtPrivateKey\) are not supported/,
    ],
    [
      'jwtKeyPassword',
      () => ({ method: 'jwt', role: 'r', jwtKeyPassword: 'pw', secrets: 'a/b c' }),
      "Input 'jwtKeyPassword': it goes with jwtPrivateKey, which is not supported.",
    ],
    [
      'jwtTtl',
      () => ({ method: 'jwt', role: 'r', jwtTtl: '3600', secrets: 'a/b c' }),
      "Input 'jwtTtl': it goes with jwtPrivateKey, which is not supported.",
    ],
    [
      'pki',
      () => ({ token: token(), pki: 'pki/issue/Test {"common_name":"test"}' }),
      /^Input 'pki': issuing PKI certificates \(pki\) is not supported/,
    ],
    [
      'secrets (a JSONata syntax error)',
      () => ({ token: token(), secrets: 'secret/data/app foo@bar | X' }),
      /^Input 'secrets', line 1: the selector "foo@bar" is not a valid JSONata expression/,
    ],
    [
      'secrets (a JSONata selector without a name)',
      () => ({ token: token(), secrets: 'secret/data/app $uppercase(x)' }),
      "Input 'secrets', line 1: a JSONata selector needs a name: add '| NAME'; got \"secret/data/app $uppercase(x)\".",
    ],
    [
      'secrets (a name the runner cannot read back)',
      () => ({ token: token(), secrets: 'secret/data/app key | A=B' }),
      /^Input 'secrets', line 1: 'A=B' cannot name an output or a variable/,
    ],
  ];
  for (const [alias, inputs, expected] of cases) {
    it(alias, async () => {
      const error = await failure(inputs());
      if (typeof expected === 'string') expect(error).toBe(expected);
      else expect(error).toMatch(expected);
    });
  }
});
