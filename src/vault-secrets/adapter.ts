import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../runtime/errors.js';
import { IdTokenError } from '../runtime/runtime.js';
import type { ActionContext, ActionFn } from '../runtime/step.js';
import { escapeMarkdown, markdownTable } from '../runtime/text.js';
import { type CredentialSources, login } from './auth.js';
import { runWithSecrets } from './command.js';
import { resolveInputs, switchWarning } from './compat.js';
import {
  type Connection,
  CREDENTIAL_INPUTS,
  parseConfig,
  parseConnection,
  type VaultConfig,
} from './config.js';
import {
  INPUT,
  MAIN_REQUEST_DEADLINE_MS,
  OUTPUT,
  POST_DEADLINE_MS,
  POST_RETRIES,
  POST_TIMEOUT_MS,
  STATE,
} from './constants.js';
import { type FetchResult, fetchSecrets, type Secret } from './fetch-secrets.js';
import { checkEnvNames } from './env-names.js';
import { assertEnvironmentValues } from './command.js';
import { isShort, maskParts, valueText } from './masking.js';
import { vaultTls } from './tls.js';
import { VaultClient, VaultError, vaultError } from './vault-client.js';

/** Registers a value, its fragments and its JSON leaves (the runtime adds every form of each, once). */
function maskValue(ctx: ActionContext, value: unknown): void {
  for (const part of maskParts(value)) ctx.runtime.setSecret(part);
}

function vaultClient(ctx: ActionContext, connection: Connection): VaultClient {
  // Post cleans up and must never hold the job: a short timeout, one retry, a short deadline.
  const post = ctx.phase === 'post';
  const http = ctx.http({
    retries: post ? Math.min(connection.retries, POST_RETRIES) : connection.retries,
    timeoutMs: post ? Math.min(connection.timeoutMs, POST_TIMEOUT_MS) : connection.timeoutMs,
    deadlineMs: post ? POST_DEADLINE_MS : MAIN_REQUEST_DEADLINE_MS,
    tls: vaultTls(connection.tls),
    proxyEnv: ctx.runtime.env,
  });
  return new VaultClient(
    http,
    connection.url,
    connection.namespace,
    (message) => ctx.runtime.debug(message),
    (value) => maskValue(ctx, value),
    connection.headers,
  );
}

/** extra-headers often carry credentials (an access proxy's secret): each value is a mask before parsing. */
function maskHeaderValues(ctx: ActionContext): void {
  for (const name of [INPUT.extraHeaders, 'extraHeaders']) {
    for (const line of ctx.runtime.getInput(name).split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) maskValue(ctx, line.slice(colon + 1).trim());
    }
  }
}

export const main: ActionFn = async (ctx) => {
  const { runtime } = ctx;
  // Credentials are masks before anything is parsed or printed.
  for (const name of CREDENTIAL_INPUTS) maskValue(ctx, runtime.getInput(name).trim());
  maskHeaderValues(ctx);
  if (runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    runtime.setSecret(runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  const resolved = resolveInputs(runtime);
  const config = parseConfig(resolved);
  if (config.surface === 'vault-action') {
    runtime.annotate({
      level: 'warning',
      message: switchWarning(
        resolved,
        config.auth.method === 'custom' ? config.auth.name : config.auth.method,
      ),
    });
  }
  // A base64 client-key input is masked above as given; its decoded PEM is masked too.
  if (config.tls.key) maskValue(ctx, config.tls.key);
  if (config.tls.skipVerify) {
    runtime.annotate({
      level: 'warning',
      message: `${INPUT.tlsSkipVerify} is true: Vault's certificate is not checked, so anyone on the path can read the secrets. Give ca-certificate instead.`,
    });
  }
  if (config.url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(config.url.hostname)) {
    runtime.annotate({
      level: 'warning',
      message: `${INPUT.url} uses plain http: tokens and secrets cross the network unencrypted.`,
    });
  }
  const client = vaultClient(ctx, config);
  const sources: CredentialSources = {
    mask: (value) => maskValue(ctx, value),
    githubIdToken: async (audience) => {
      if (!runtime.env.ACTIONS_ID_TOKEN_REQUEST_URL || !runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new ConfigurationError(
          `Input '${INPUT.method}': jwt needs GitHub's OIDC token, and this job cannot request one; add 'permissions: id-token: write' to the job (or choose another method).`,
        );
      }
      // @actions/core's request (its proxy rule: HTTPS_PROXY/NO_PROXY, loopback direct).
      try {
        return await runtime.getIDToken(audience);
      } catch (error) {
        if (error instanceof IdTokenError && (error.status === 401 || error.status === 403))
          throw new ConfigurationError(
            `Input '${INPUT.method}': jwt needs an ID token, and the runner refused one (HTTP ${error.status}); give the job 'permissions: id-token: write'.`,
          );
        throw error;
      }
    },
    kubernetesToken: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch {
        throw new ConfigurationError(
          `Input '${INPUT.kubernetesTokenPath}': cannot read the service-account token at ${path}; set the path or run inside the pod.`,
        );
      }
    },
  };

  const session = await ctx.log.stage(
    'login',
    () =>
      login(client, config.auth, sources).catch((error: unknown) => {
        // A role made for hashicorp/vault-action is bound to GitHub's default audience.
        if (
          error instanceof VaultError &&
          error.status === 400 &&
          config.auth.method === 'jwt' &&
          config.surface === 'gantry' &&
          ctx.inputs.optional(INPUT.jwtAudience) === undefined
        )
          throw new VaultError(
            `${error.message} The ID token's audience was ${config.auth.audience} (Gantry's default, the Vault host); if the role was made for hashicorp/vault-action it expects GitHub's default audience: add 'compat: vault-action' or set jwt-audience to the role's bound_audiences.`,
            400,
          );
        throw error;
      }),
    (s) => ({
      method: config.auth.method,
      issued: s.issued,
      ttl_seconds: s.ttlSeconds,
      policies: s.policies,
    }),
  );
  // Post needs the token to revoke it (revoke-self also revokes its leases); saved now so a failing
  // fetch is still cleaned up. A token the user gave us is theirs: post re-reads it from the input and
  // revokes only the leases this step created.
  if (config.revoke && session.issued) runtime.saveState(STATE.token, session.token);
  const leaseIds: string[] = [];
  let result: FetchResult = { secrets: [], paths: [], leases: [] };
  try {
    if (config.secrets.length) {
      result = await ctx.log.stage(
        'fetch',
        () =>
          fetchSecrets(client, config.secrets, {
            token: session.token,
            ignoreNotFound: config.ignoreNotFound,
            mask: (value) => maskValue(ctx, value),
            onLease: (lease) => leaseIds.push(lease.id),
            warn: (message) => runtime.annotate({ level: 'warning', message }),
            surface: config.surface,
            encoding: config.encoding,
          }),
        (r) => ({ paths: r.paths.length, secrets: r.secrets.length, leases: r.leases.length }),
      );
    }
  } finally {
    if (config.revoke && !session.issued && leaseIds.length)
      runtime.saveState(STATE.leases, JSON.stringify(leaseIds));
  }
  warnShort(ctx, result.secrets);
  await deliver(ctx, config, result.secrets, session.token);
  runtime.setOutput(
    OUTPUT.secretNames,
    JSON.stringify([...new Set(result.secrets.map((s) => s.outputName))]),
  );
  runtime.setOutput(OUTPUT.leaseCount, String(result.leases.length));
  await runtime.appendSummary(summary(config, client.address, session, result));
};

function warnShort(ctx: ActionContext, secrets: Secret[]): void {
  for (const secret of secrets) {
    if (maskParts(secret.value).some(isShort)) {
      ctx.runtime.annotate({
        level: 'warning',
        message: `Secret '${secret.outputName}' (${secret.path}) is, or contains, a value shorter than 4 characters. It is masked, so those characters show as *** wherever they appear in this job's log.`,
      });
    }
  }
}

async function deliver(
  ctx: ActionContext,
  config: VaultConfig,
  secrets: Secret[],
  token: string,
): Promise<void> {
  const { runtime } = ctx;
  // vault-action's naming removes every character of a key such as '---': no name to give it.
  const empty = secrets.find((s) => s.envName === '' || s.outputName === '');
  if (empty)
    throw new ConfigurationError(
      `Input '${INPUT.secrets}', line ${empty.line}: a key of ${empty.path} leaves no name once vault-action's naming removes its characters; read it with 'path "key" | NAME'.`,
    );
  if (config.run !== undefined || config.exportEnv) {
    // The vault-action surface names key-derived variables as vault-action does (no prefix needed);
    // the denylist still holds for every name.
    const compat = config.surface === 'vault-action';
    checkEnvNames(
      secrets.map((s) => ({
        name: s.envName,
        line: s.line,
        wildcard: s.wildcard && !compat,
        prefix: s.prefix,
      })),
    );
    // An environment cannot hold a NUL byte, and Node's refusal would quote the value.
    assertEnvironmentValues([
      ...secrets.map((s): [string, string] => [s.envName, valueText(s.value)]),
      ...(config.exportToken || config.exportTokenEnv ? [['VAULT_TOKEN', token] as [string, string]] : []),
    ]);
  }
  if (config.run !== undefined) {
    const env = Object.fromEntries(secrets.map((s) => [s.envName, valueText(s.value)]));
    if (config.exportToken || config.exportTokenEnv) env.VAULT_TOKEN = token;
    const code = await ctx.log.stage(
      'run',
      () => runWithSecrets(runtime, config.run!, env, ctx.workspace),
      (c) => ({ exit_code: c }),
    );
    if (code !== 0)
      throw new ConfigurationError(`Input '${INPUT.run}': the command exited with code ${code}.`);
    return;
  }
  for (const secret of secrets) {
    runtime.setOutput(secret.outputName, valueText(secret.value));
    if (config.exportEnv) runtime.exportVariable(secret.envName, valueText(secret.value));
  }
  if (config.exportToken) {
    runtime.setOutput(OUTPUT.vaultToken, token);
    if (config.surface === 'vault-action') runtime.setOutput(OUTPUT.vaultActionToken, token);
  }
  if (config.exportTokenEnv) runtime.exportVariable('VAULT_TOKEN', token);
}

function summary(
  config: VaultConfig,
  address: string,
  session: { issued: boolean; ttlSeconds: number },
  result: FetchResult,
): string {
  const where =
    config.run !== undefined
      ? "the 'run' command's environment only"
      : config.exportEnv
        ? 'step outputs and the environment of later steps'
        : 'step outputs';
  const revoke = !config.revoke
    ? 'not revoked (revoke: false): it lives until its TTL'
    : session.issued
      ? 'revoked with its leases by the post step'
      : 'not revoked (it was given to this step); leases issued here are revoked by the post step';
  const rows = result.paths.map((p) => [
    `\`${escapeMarkdown(p.path)}\``,
    escapeMarkdown(p.engine),
    String(p.keys),
    p.leaseSeconds === undefined ? '—' : `${p.leaseSeconds} s`,
    p.outcome,
  ]);
  return [
    '### Vault secrets',
    '',
    `Vault ${escapeMarkdown(address)}${config.namespace ? ` (namespace \`${escapeMarkdown(config.namespace)}\`)` : ''}, method \`${config.auth.method}\`; token TTL ${session.ttlSeconds} s, ${revoke}.`,
    `${result.secrets.length} secret(s) from ${result.paths.length} path(s) delivered to ${where}.`,
    '',
    rows.length ? markdownTable(['path', 'engine', 'keys', 'lease', 'outcome'], rows) : '',
  ].join('\n');
}

export const post: ActionFn = async (ctx) => {
  const { runtime } = ctx;
  const token = runtime.getState(STATE.token);
  if (token) runtime.setSecret(token);
  const leases = parseLeases(runtime.getState(STATE.leases));
  if (!token && leases.length === 0) {
    runtime.info('vault-secrets: nothing to revoke.');
    return;
  }
  maskHeaderValues(ctx);
  const resolved = resolveInputs(runtime);
  const connection = parseConnection(resolved.inputs, resolved.shown);
  const client = vaultClient(ctx, connection);
  if (token) {
    await ctx.log.stage('revoke', async () => {
      const response = await client.call({
        method: 'POST',
        path: 'auth/token/revoke-self',
        token,
        retrySafe: true,
      });
      // 403: the token is already revoked or expired, which is what post wants.
      if (response.status === 403) runtime.info('vault-secrets: the token was already revoked or expired.');
      else if (response.status >= 300)
        throw vaultError('Revoking the token (auth/token/revoke-self)', response);
      else runtime.info('vault-secrets: revoked the token and the leases it created.');
    });
    return;
  }
  // A token the user gave: it is theirs to keep; revoke only the leases this job created.
  const userToken = runtime.getInput(INPUT.token).trim();
  if (!userToken)
    throw new ConfigurationError(
      `Input '${INPUT.token}' is empty in the post step; leases ${leases.length} cannot be revoked.`,
    );
  runtime.setSecret(userToken);
  await ctx.log.stage(
    'revoke',
    async () => {
      await Promise.all(
        leases.map(async (lease) => {
          const response = await client.call({
            method: 'PUT',
            path: 'sys/leases/revoke',
            body: { lease_id: lease },
            token: userToken,
          });
          if (response.status >= 300)
            throw vaultError(`Revoking lease ${lease} (sys/leases/revoke)`, response);
        }),
      );
      runtime.info(`vault-secrets: revoked ${leases.length} lease(s).`);
    },
    () => ({ leases: leases.length }),
  );
};

function parseLeases(text: string): string[] {
  if (!text) return [];
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}
