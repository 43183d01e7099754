/**
 * A real Pushgateway scraped by a real Prometheus, on 127.0.0.1: Debian's prometheus-pushgateway
 * and prometheus (installed when missing; a failed install fails the test, nothing is skipped).
 * Each launch has its own ports and temp dir (Prometheus' TSDB, the configs); the Pushgateway
 * keeps nothing on disk. Prometheus scrapes it every second with honor_labels: true, as the
 * Pushgateway's README asks, so the pushed `job` and grouping labels survive the scrape.
 * `basicAuth` puts the Pushgateway behind its web config's basic auth (bcrypt, by htpasswd -B).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './registry.js';

export const PUSHGATEWAY_BINARY = '/usr/bin/prometheus-pushgateway';
export const PROMETHEUS_BINARY = '/usr/bin/prometheus';
export const PROMTOOL_BINARY = '/usr/bin/promtool';

export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface PrometheusStack {
  /** The Pushgateway's base URL. */
  pushgatewayUrl: string;
  /** Prometheus' base URL. */
  prometheusUrl: string;
  /** An instant PromQL query through /api/v1/query. */
  query(promql: string): Promise<PromSample[]>;
  /**
   * Query until `done` accepts the answer (Prometheus scrapes every second): bounded attempts,
   * then the last answer is returned for the test to assert on.
   */
  queryUntil(promql: string, done: (samples: PromSample[]) => boolean): Promise<PromSample[]>;
  /** The Pushgateway's own /metrics, as Prometheus scrapes it. */
  scrapeText(): Promise<string>;
  /** Delete every group the Pushgateway holds (its admin API). */
  wipe(): Promise<void>;
  stop(): Promise<void>;
}

export function ensurePrometheusInstalled(): void {
  if (existsSync(PUSHGATEWAY_BINARY) && existsSync(PROMETHEUS_BINARY) && existsSync(PROMTOOL_BINARY)) return;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo -n ';
  execFileSync(
    'sh',
    [
      '-c',
      `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq prometheus-pushgateway prometheus`,
    ],
    { stdio: ['ignore', 2, 2] },
  );
}

interface Child {
  process: ChildProcess;
  stderr: () => string;
}

function launch(binary: string, args: string[]): Child {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  // Never outlive the test process, whatever ends it.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.removeListener('exit', kill));
  return { process: child, stderr: () => stderr };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function waitReady(
  url: string,
  child: Child,
  name: string,
  headers: Record<string, string> = {},
): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.process.exitCode !== null)
      throw new Error(`${name} exited (${child.process.exitCode}): ${child.stderr()}`);
    try {
      const response = await fetch(url, { headers });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${name} not ready at ${url} (${last}): ${child.stderr()}`);
}

export async function startPrometheusStack(
  options: { basicAuth?: { user: string; password: string } } = {},
): Promise<PrometheusStack> {
  ensurePrometheusInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'gantry-prometheus-'));
  const [pgPort, promPort] = [await freePort(), await freePort()];
  // No persistence file (the Debian default is under /var/lib); the admin API for wipe().
  const pgArgs = [
    `--web.listen-address=127.0.0.1:${pgPort}`,
    '--persistence.file=',
    '--web.enable-admin-api',
    '--log.level=warn',
  ];
  let scrapeAuth = '';
  const auth: Record<string, string> = {};
  if (options.basicAuth) {
    const { user, password } = options.basicAuth;
    const hash = execFileSync('htpasswd', ['-nbBC', '10', user, password], { encoding: 'utf8' })
      .trim()
      .split(':')
      .slice(1)
      .join(':');
    writeFileSync(
      join(dir, 'web.yml'),
      `basic_auth_users:\n  ${JSON.stringify(user)}: ${JSON.stringify(hash)}\n`,
    );
    pgArgs.push(`--web.config.file=${join(dir, 'web.yml')}`);
    writeFileSync(join(dir, 'scrape-password'), password);
    scrapeAuth = `    basic_auth:\n      username: ${JSON.stringify(user)}\n      password_file: ${join(dir, 'scrape-password')}\n`;
    auth.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  const pushgateway = launch(PUSHGATEWAY_BINARY, pgArgs);
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: pushgateway',
      '    honor_labels: true',
      '    scrape_interval: 1s',
      '    scrape_timeout: 1s',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${pgPort}']`,
      scrapeAuth,
    ].join('\n'),
  );
  const prometheus = launch(PROMETHEUS_BINARY, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${promPort}`,
    '--log.level=warn',
  ]);
  const stop = async () => {
    await Promise.all([stopChild(prometheus), stopChild(pushgateway)]);
    rmSync(dir, { recursive: true, force: true });
  };
  const pushgatewayUrl = `http://127.0.0.1:${pgPort}`;
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  try {
    await waitReady(`${pushgatewayUrl}/-/ready`, pushgateway, 'prometheus-pushgateway', auth);
    await waitReady(`${prometheusUrl}/-/ready`, prometheus, 'prometheus');
  } catch (error) {
    await stop();
    throw error;
  }
  const query = async (promql: string): Promise<PromSample[]> => {
    const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: {
        resultType: string;
        result: Array<{ metric: Record<string, string>; value: [number, string] }>;
      };
    };
    if (body.status !== 'success') throw new Error(`PromQL ${promql}: ${body.error}`);
    return (body.data?.result ?? []).map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  };
  return {
    pushgatewayUrl,
    prometheusUrl,
    query,
    async queryUntil(promql, done) {
      let samples: PromSample[] = [];
      for (let attempt = 0; attempt < 150; attempt++) {
        samples = await query(promql);
        if (done(samples)) return samples;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return samples;
    },
    async scrapeText() {
      const response = await fetch(`${pushgatewayUrl}/metrics`, { headers: auth });
      return response.text();
    },
    async wipe() {
      const response = await fetch(`${pushgatewayUrl}/api/v1/admin/wipe`, { method: 'PUT', headers: auth });
      if (!response.ok) throw new Error(`wipe: HTTP ${response.status}`);
    },
    stop,
  };
}
