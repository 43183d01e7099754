import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DOCKER_HUB } from './reference.js';

export interface Credentials {
  username: string;
  password: string;
}

/** Where credentials for a registry come from; undefined means anonymous. */
export type CredentialSource = (registry: string) => Credentials | undefined;

/** Runs `docker-credential-<helper> get` with the registry on stdin; undefined when it has nothing. */
export type CredentialHelperRunner = (helper: string, serverUrl: string) => Credentials | undefined;

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** The keys docker login uses for Docker Hub, and the forms other tools write for any registry. */
function configKeys(registry: string): string[] {
  if (registry === DOCKER_HUB)
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  return [
    registry,
    `https://${registry}`,
    `http://${registry}`,
    `https://${registry}/v1/`,
    `https://${registry}/v2/`,
  ];
}

export function dockerConfigPath(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'config.json');
}

/**
 * Credentials from the Docker config file that `docker login` and docker/login-action write
 * (`$DOCKER_CONFIG/config.json` or `~/.docker/config.json`): `credHelpers` for the registry, else an
 * `auths` entry, else the global `credsStore`. A helper binary that is not installed is skipped.
 */
export function dockerConfigCredentials(
  env: Readonly<Record<string, string | undefined>>,
  runHelper: CredentialHelperRunner = spawnCredentialHelper,
): CredentialSource {
  let config: DockerConfigFile = {};
  const path = dockerConfigPath(env);
  try {
    config = JSON.parse(readFileSync(path, 'utf8')) as DockerConfigFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(`cannot read the Docker config file ${path}: ${(error as Error).message}`);
  }
  return (registry) => {
    const keys = configKeys(registry);
    for (const key of keys) {
      const helper = config.credHelpers?.[key];
      if (helper) return runHelper(helper, registry === DOCKER_HUB ? keys[0]! : registry);
    }
    for (const key of keys) {
      const entry = config.auths?.[key];
      if (!entry) continue;
      if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
      }
      if (entry.username && entry.password) return { username: entry.username, password: entry.password };
      if (entry.identitytoken) return { username: '<token>', password: entry.identitytoken };
    }
    if (config.credsStore) return runHelper(config.credsStore, registry === DOCKER_HUB ? keys[0]! : registry);
    return undefined;
  };
}

export function spawnCredentialHelper(helper: string, serverUrl: string): Credentials | undefined {
  if (!/^[A-Za-z0-9_.-]+$/.test(helper)) return undefined;
  // child_process loads only when a helper is configured (a few ms of every start otherwise).
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const result = spawnSync(`docker-credential-${helper}`, ['get'], {
    input: serverUrl,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error || result.status !== 0) return undefined;
  try {
    const parsed = JSON.parse(result.stdout) as { Username?: string; Secret?: string };
    if (!parsed.Secret) return undefined;
    return { username: parsed.Username ?? '<token>', password: parsed.Secret };
  } catch {
    return undefined;
  }
}

/** Explicit credentials for some registries first, then a fallback source (the Docker config). */
export function credentialChain(
  explicit: Record<string, Credentials>,
  fallback?: CredentialSource,
): CredentialSource {
  return (registry) => explicit[registry] ?? fallback?.(registry);
}
