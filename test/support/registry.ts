/**
 * Starts the CNCF distribution registry (Debian `docker-registry` 2.8) on a free 127.0.0.1 port with
 * its own storage: anonymous, htpasswd (bcrypt, made with `htpasswd -B`), or token auth backed by
 * test/support/token-issuer.ts. Deletes are enabled. Installs the package when it is missing.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTokenIssuer, type TokenIssuer, type TokenIssuerOptions } from './token-issuer.js';

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export type RegistryAuthMode =
  | { kind: 'anonymous' }
  | { kind: 'htpasswd'; users: Record<string, string> }
  | { kind: 'token'; users: Record<string, string>; grant?: TokenIssuerOptions['grant']; expiresIn?: number };

export interface TestRegistry {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, as used in image references. */
  host: string;
  dir: string;
  issuer?: TokenIssuer;
  /** The registry's log so far (stdout and stderr). */
  log(): string;
  stop(): Promise<void>;
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

export async function startRegistry(auth: RegistryAuthMode = { kind: 'anonymous' }): Promise<TestRegistry> {
  ensureInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'gantry-registry-'));
  const port = await freePort();
  let issuer: TokenIssuer | undefined;
  let authYaml = '';
  if (auth.kind === 'htpasswd') {
    const lines = Object.entries(auth.users).map(([user, password]) =>
      execFileSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' }).trim(),
    );
    writeFileSync(join(dir, 'htpasswd'), `${lines.join('\n')}\n`);
    authYaml = `auth:\n  htpasswd:\n    realm: gantry-test\n    path: ${join(dir, 'htpasswd')}\n`;
  } else if (auth.kind === 'token') {
    issuer = await startTokenIssuer({
      dir,
      service: 'registry.test',
      issuer: 'gantry-test-issuer',
      users: auth.users,
      grant: auth.grant,
      expiresIn: auth.expiresIn,
    });
    authYaml = `auth:\n  token:\n    realm: ${issuer.url}\n    service: registry.test\n    issuer: gantry-test-issuer\n    rootcertbundle: ${issuer.certFile}\n`;
  }
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
${authYaml}`,
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
    await issuer?.stop();
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
  return { url, host: `127.0.0.1:${port}`, dir, issuer, log: readLog, stop };
}
