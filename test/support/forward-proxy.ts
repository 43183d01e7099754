/**
 * A real forward proxy on 127.0.0.1: Debian's tinyproxy (installed when missing), with its own
 * config, log and port. `refuse: true` starts one that denies every request (tinyproxy's filter
 * matching every host: 403 for plain http, a refused CONNECT for https), the way a corporate proxy
 * answers a host it does not allow. tinyproxy adds `Via: 1.1 <name> (tinyproxy/…)` to each
 * request it forwards, so a server can tell proxied requests from direct ones; `log()` has
 * tinyproxy's own record of every connection.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './registry.js';

export const TINYPROXY_BINARY = '/usr/bin/tinyproxy';

export interface ForwardProxy {
  /** http://127.0.0.1:PORT, as HTTP(S)_PROXY takes it. */
  url: string;
  /** The Via name this proxy stamps on forwarded requests. */
  via: string;
  log(): string;
  stop(): Promise<void>;
}

function ensureInstalled(): void {
  if (existsSync(TINYPROXY_BINARY)) return;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo -n ';
  execFileSync(
    'sh',
    [
      '-c',
      `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq tinyproxy`,
    ],
    { stdio: ['ignore', 2, 2] },
  );
}

export async function startForwardProxy(options: { refuse?: boolean } = {}): Promise<ForwardProxy> {
  ensureInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'gantry-tinyproxy-'));
  const port = await freePort();
  const via = `gantry-test-proxy-${port}`;
  const lines = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    'MaxClients 50',
    'Allow 127.0.0.1',
    `ViaProxyName "${via}"`,
    `LogFile "${join(dir, 'tinyproxy.log')}"`,
    'LogLevel Connect',
    `PidFile "${join(dir, 'tinyproxy.pid')}"`,
    // CONNECT to any port: test servers listen on ephemeral ones.
    'ConnectPort 0',
  ];
  if (options.refuse) {
    // A deny list matching every host (FilterDefaultDeny No: the filter lists what is refused).
    writeFileSync(join(dir, 'filter'), '.*\n');
    lines.push(`Filter "${join(dir, 'filter')}"`, 'FilterDefaultDeny No', 'FilterExtended On');
  }
  writeFileSync(join(dir, 'tinyproxy.conf'), `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn(TINYPROXY_BINARY, ['-d', '-c', join(dir, 'tinyproxy.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForPort(port, () => (child.exitCode !== null ? `tinyproxy exited: ${stderr}` : undefined));
  return {
    url: `http://127.0.0.1:${port}`,
    via,
    log: () => {
      try {
        return readFileSync(join(dir, 'tinyproxy.log'), 'utf8');
      } catch {
        return '';
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, failed: () => string | undefined): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const problem = failed();
    if (problem) throw new Error(problem);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`tinyproxy did not listen on ${port}`);
}
