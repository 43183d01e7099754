/**
 * Launches the CNCF distribution registry (Debian `docker-registry` 2.8) on a free 127.0.0.1 port
 * with its own storage and deletes enabled: anonymous, htpasswd (bcrypt, made with `htpasswd -B`),
 * or token auth against a token service the caller runs. Installs the package when it is missing.
 * The demo runs its registry with it; test/support/registry.ts adds a token issuer on top.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export type DistributionAuth =
  | { kind: 'anonymous' }
  | { kind: 'htpasswd'; users: Record<string, string> }
  /** Token auth: the registry trusts tokens signed by `rootCertBundle` and sends clients to `realm`. */
  | { kind: 'token'; realm: string; service: string; issuer: string; rootCertBundle: string };

export interface DistributionRegistry {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, as used in image references. */
  host: string;
  dir: string;
  /** The registry's log so far (stdout and stderr). */
  log(): string;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  auth?: DistributionAuth;
  /** Working directory (storage, config, log); a fresh temporary one when absent. Removed on stop. */
  dir?: string;
  /** Runs after the registry process has exited, before the directory is removed. */
  onStop?: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function ensureInstalled(): void {
  if (existsSync(REGISTRY_BINARY)) return;
  // A fresh machine has no package lists yet; without root, only a password-less sudo can install.
  const sudo = process.getuid?.() === 0 ? '' : 'sudo -n ';
  execFileSync(
    'sh',
    [
      '-c',
      `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq docker-registry skopeo apache2-utils`,
    ],
    { stdio: ['ignore', 2, 2] },
  );
}

function authSection(auth: DistributionAuth, dir: string): string {
  switch (auth.kind) {
    case 'anonymous':
      return '';
    case 'htpasswd': {
      const lines = Object.entries(auth.users).map(([user, password]) =>
        execFileSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' }).trim(),
      );
      writeFileSync(join(dir, 'htpasswd'), `${lines.join('\n')}\n`);
      return `auth:\n  htpasswd:\n    realm: gantry-test\n    path: ${join(dir, 'htpasswd')}\n`;
    }
    case 'token':
      return `auth:\n  token:\n    realm: ${auth.realm}\n    service: ${auth.service}\n    issuer: ${auth.issuer}\n    rootcertbundle: ${auth.rootCertBundle}\n`;
  }
}

export async function launchDistributionRegistry(options: LaunchOptions = {}): Promise<DistributionRegistry> {
  ensureInstalled();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'gantry-registry-'));
  const port = await freePort();
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1
log:
  level: warn
  accesslog: {disabled: true}
storage:
  filesystem: {rootdirectory: ${join(dir, 'data')}}
  delete: {enabled: true}
  maintenance:
    uploadpurging: {enabled: false}
http:
  addr: 127.0.0.1:${port}
  secret: gantry-test-secret
${authSection(options.auth ?? { kind: 'anonymous' }, dir)}`,
  );
  // A file, not a pipe: a parent busy in synchronous work (a bench running skopeo) must not leave
  // the registry blocked on a full pipe.
  const logFile = join(dir, 'registry.log');
  const logFd = openSync(logFile, 'a');
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', config], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await options.onStop?.();
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`docker-registry exited (${child.exitCode}): ${readLog()}`);
    }
    try {
      const response = await fetch(`${url}/v2/`);
      await response.body?.cancel();
      if (response.status === 200 || response.status === 401) break;
    } catch {
      // not listening yet
    }
    if (attempt > 200) {
      await stop();
      throw new Error(`docker-registry did not start on ${url}: ${readLog()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, host: `127.0.0.1:${port}`, dir, log: readLog, stop };
}
