/**
 * The Vault the tests talk to: src/demo/services/vault-api-server.ts by default, or a real Vault when
 * VAULT_ADDR and VAULT_TOKEN are set (the project's CI runs a Vault service container). Both are
 * seeded from the same declarative NamespaceSeed, through Vault's own API for a real Vault, with
 * names unique to the run so runs never collide.
 */
import { randomBytes } from 'node:crypto';
import { GITHUB_ISSUER, OidcIssuer } from '../../src/demo/services/github-oidc-issuer.js';
import { type NamespaceSeed, VaultServer } from '../../src/demo/services/vault-api-server.js';

export interface VaultBackend {
  kind: 'fake' | 'real';
  addr: string;
  rootToken: string;
  /** Only for the fake: the server object (faults, request log, leases). */
  fake?: VaultServer;
  /** Vault API call with the root token. */
  api(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: Record<string, unknown> | undefined }>;
  seed(seed: NamespaceSeed): Promise<void>;
  stop(): Promise<void>;
}

export async function startBackend(): Promise<VaultBackend> {
  const realAddr = process.env.VAULT_ADDR;
  const realToken = process.env.VAULT_TOKEN;
  if (realAddr && realToken) {
    const backend = apiBackend('real', realAddr, realToken, async () => undefined);
    return { ...backend, seed: (seed) => seedRealVault(backend, seed) };
  }
  return fakeBackend(await new VaultServer().start());
}

/** The Vault API server of test/support as a backend, for tests that need its fault switches. */
export function fakeBackend(fake: VaultServer): VaultBackend {
  return {
    ...apiBackend('fake', fake.address, fake.rootToken, () => fake.stop()),
    fake,
    seed: async (seed) => fake.applySeed('', seed),
  };
}

function apiBackend(
  kind: 'fake' | 'real',
  addr: string,
  rootToken: string,
  stop: () => Promise<void>,
): Omit<VaultBackend, 'seed'> {
  return {
    kind,
    addr,
    rootToken,
    async api(method, path, body, token = rootToken) {
      const response = await fetch(new URL(`/v1/${path}`, addr), {
        method,
        headers: { 'x-vault-token': token, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      };
    },
    stop,
  };
}

async function seedRealVault(vault: Omit<VaultBackend, 'seed'>, seed: NamespaceSeed): Promise<void> {
  const must = async (method: string, path: string, body?: unknown) => {
    const { status } = await vault.api(method, path, body);
    if (status >= 300) throw new Error(`seeding the real Vault: ${method} ${path} answered ${status}`);
  };
  for (const [path, mount] of Object.entries(seed.mounts ?? {})) {
    if (mount.type !== 'kv')
      throw new Error(`seeding the real Vault: ${mount.type} mounts need an external service`);
    await must('POST', `sys/mounts/${path}`, {
      type: 'kv',
      options: { version: String(mount.version ?? 1) },
    });
  }
  for (const write of seed.writes ?? []) {
    const mount = Object.entries(seed.mounts ?? {}).find(([p]) => write.path.startsWith(`${p}/`));
    if (!mount) throw new Error(`seeding the real Vault: ${write.path} is not under a seeded mount`);
    const [mountPath, spec] = mount;
    const rest = write.path.slice(mountPath.length + 1);
    if (spec.type === 'kv' && spec.version === 2)
      await must('POST', `${mountPath}/data/${rest}`, { data: write.data });
    else await must('POST', write.path, write.data);
  }
  for (const del of seed.deletes ?? []) {
    const [mountPath, ...rest] = del.path.split('/');
    await must('POST', `${mountPath}/${del.destroy ? 'destroy' : 'delete'}/${rest.join('/')}`, {
      versions: del.versions,
    });
  }
  for (const [name, policy] of Object.entries(seed.policies ?? {}))
    await must('PUT', `sys/policies/acl/${name}`, { policy });
  for (const [path, auth] of Object.entries(seed.auth ?? {})) {
    await must('POST', `sys/auth/${path}`, { type: auth.type });
    switch (auth.type) {
      case 'approle':
        for (const [name, role] of Object.entries(auth.roles)) {
          await must('POST', `auth/${path}/role/${name}`, {
            token_policies: role.policies,
            token_ttl: role.token_ttl ?? 3600,
          });
          await must('POST', `auth/${path}/role/${name}/role-id`, { role_id: role.role_id });
          await must('POST', `auth/${path}/role/${name}/custom-secret-id`, { secret_id: role.secret_id });
        }
        break;
      case 'userpass':
        for (const [name, user] of Object.entries(auth.users))
          await must('POST', `auth/${path}/users/${name}`, {
            password: user.password,
            token_policies: user.policies,
          });
        break;
      case 'jwt':
        await must('POST', `auth/${path}/config`, {
          jwt_validation_pubkeys: auth.jwt_validation_pubkeys,
          bound_issuer: auth.bound_issuer,
        });
        for (const [name, role] of Object.entries(auth.roles)) {
          await must('POST', `auth/${path}/role/${name}`, {
            role_type: 'jwt',
            user_claim: role.user_claim ?? 'sub',
            bound_audiences: role.bound_audiences,
            bound_subject: role.bound_subject,
            bound_claims: role.bound_claims,
            token_policies: role.policies,
            token_ttl: role.token_ttl ?? 3600,
          });
        }
        break;
      case 'kubernetes':
        throw new Error('seeding the real Vault: kubernetes auth needs a cluster');
    }
  }
}

/** A value that looks like a secret and exercises every escaping (quotes, backslash, %, +, /, unicode). */
export function secretValue(label: string): string {
  return `${label}-"q\\%+/=&é-${randomBytes(9).toString('base64url')}`;
}

export interface Fixture {
  names: { kv2: string; kv1: string; jwt: string; approle: string; userpass: string; reader: string };
  values: {
    username: string;
    password: string;
    oldPassword: string;
    apiKey: string;
    cert: string;
    jsonConfig: string;
    dbPassword: string;
    legacyToken: string;
    dotted: string;
    forbidden: string;
    deleted: string;
  };
  approle: { roleId: string; secretId: string };
  userpass: { username: string; password: string };
  issuer: OidcIssuer;
  seed: NamespaceSeed;
}

/** The secrets, policies and auth methods every vault-secrets test reads against. */
export async function fixture(vaultHostname: string): Promise<Fixture> {
  const r = randomBytes(3).toString('hex');
  const names = {
    kv2: `kv2-${r}`,
    kv1: `kv1-${r}`,
    jwt: `jwt-${r}`,
    approle: `approle-${r}`,
    userpass: `userpass-${r}`,
    reader: `reader-${r}`,
  };
  const dbPassword = secretValue('dbpw');
  const values = {
    username: `svc-${randomBytes(6).toString('hex')}`,
    password: secretValue('pw'),
    oldPassword: secretValue('old'),
    apiKey: secretValue('key'),
    cert: [
      '-----BEGIN CERTIFICATE-----',
      ...[1, 2, 3].map(() => randomBytes(30).toString('base64')),
      '-----END CERTIFICATE-----',
    ].join('\n'),
    jsonConfig: JSON.stringify({
      db: { host: 'db.internal', password: dbPassword },
      tokens: [secretValue('leaf')],
    }),
    dbPassword,
    legacyToken: secretValue('legacy'),
    dotted: secretValue('dotted'),
    forbidden: secretValue('forbidden'),
    deleted: secretValue('deleted'),
  };
  const approle = { roleId: `role-${randomBytes(8).toString('hex')}`, secretId: secretValue('sid') };
  const userpass = { username: 'deployer', password: secretValue('upw') };
  const issuer = await new OidcIssuer(GITHUB_ISSUER).start();
  const seed: NamespaceSeed = {
    mounts: { [names.kv2]: { type: 'kv', version: 2 }, [names.kv1]: { type: 'kv', version: 1 } },
    writes: [
      { path: `${names.kv2}/app`, data: { password: values.oldPassword } },
      {
        path: `${names.kv2}/app`,
        data: { username: values.username, password: values.password, 'api-key': values.apiKey },
      },
      { path: `${names.kv2}/files`, data: { cert: values.cert, config: values.jsonConfig } },
      { path: `${names.kv2}/gone`, data: { value: values.deleted } },
      { path: `${names.kv2}/gone`, data: { value: secretValue('gone2') } },
      { path: `${names.kv2}/forbidden`, data: { value: values.forbidden } },
      { path: `${names.kv1}/legacy`, data: { token: values.legacyToken, 'dotted.key': values.dotted } },
      { path: `${names.kv2}/short`, data: { pin: 'x7' } },
      {
        path: `${names.kv2}/hostile`,
        data: { node_options: '--require=/tmp/payload.js', greeting: secretValue('greeting') },
      },
    ],
    deletes: [{ path: `${names.kv2}/gone`, versions: [1] }],
    policies: {
      [names.reader]: [
        `path "${names.kv2}/data/app" { capabilities = ["read"] }`,
        `path "${names.kv2}/data/files" { capabilities = ["read"] }`,
        `path "${names.kv2}/data/gone" { capabilities = ["read"] }`,
        `path "${names.kv2}/data/missing" { capabilities = ["read"] }`,
        `path "${names.kv2}/data/short" { capabilities = ["read"] }`,
        `path "${names.kv2}/data/hostile" { capabilities = ["read"] }`,
        `path "${names.kv2}/data/bench/*" { capabilities = ["read"] }`,
        `path "${names.kv1}/*" { capabilities = ["read"] }`,
        `path "database/creds/*" { capabilities = ["read"] }`,
      ].join('\n'),
    },
    auth: {
      [names.jwt]: {
        type: 'jwt',
        jwt_validation_pubkeys: [issuer.publicKeyPem],
        bound_issuer: GITHUB_ISSUER,
        roles: {
          ci: {
            bound_audiences: [vaultHostname],
            bound_subject: 'repo:acme/service:ref:refs/heads/main',
            bound_claims: { repository: 'acme/service' },
            policies: [names.reader],
          },
          production: {
            bound_audiences: [vaultHostname],
            bound_subject: 'repo:acme/service:environment:production',
            policies: [names.reader],
          },
        },
      },
      [names.approle]: {
        type: 'approle',
        roles: { ci: { role_id: approle.roleId, secret_id: approle.secretId, policies: [names.reader] } },
      },
      [names.userpass]: {
        type: 'userpass',
        users: { [userpass.username]: { password: userpass.password, policies: [names.reader] } },
      },
    },
  };
  return { names, values, approle, userpass, issuer, seed };
}

/** Every value of the fixture, for leak scans. */
export function allValues(f: Fixture): string[] {
  return Object.values(f.values);
}
