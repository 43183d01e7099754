/**
 * The exporters wired into the action, through the bundle: Debian's prometheus-pushgateway (its own
 * /metrics, as Prometheus scrapes it) and the OTLP/HTTP receiver in test/support (decoding with the
 * official OTLP schema). Header values are secrets; a receiver that refuses fails the step after
 * the summary and files, one that is down for now is a warning.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';
import { type OtlpReceiver, startOtlpReceiver } from '../support/otlp-receiver.js';
import { type PrometheusStack, startPrometheusStack } from '../support/prometheus.js';
import { scenario } from './facts.js';

let stack: PrometheusStack;
let receiver: OtlpReceiver;
let factsFile: string;

beforeAll(async () => {
  [stack, receiver] = await Promise.all([startPrometheusStack(), startOtlpReceiver()]);
  const dir = mkdtempSync(join(tmpdir(), 'pmetrics-export-'));
  factsFile = join(dir, 'facts.json');
  writeFileSync(factsFile, JSON.stringify(scenario(Date.now(), 3)));
}, 60_000);

afterAll(async () => {
  await Promise.all([stack?.stop(), receiver?.stop()]);
});

const metrics = (inputs: Record<string, string>) =>
  runAction({
    action: 'pipeline-metrics',
    inputs: { 'facts-file': factsFile, ...inputs },
    env: { GITHUB_REPOSITORY: 'acme/service', GITHUB_RUN_ID: '5' },
  });

describe('exporters through the bundle', () => {
  it('pushes the gauges to the Pushgateway and the runs as traces, headers masked', async () => {
    const { main } = await metrics({
      'pushgateway-url': stack.pushgatewayUrl,
      'pushgateway-headers': 'X-Scope-OrgID: tenant-s3cret-1',
      'otlp-endpoint': receiver.url,
      'otlp-headers': 'x-api-key: hunter2-otlp-secret',
    });
    expect(main.exitCode, main.stderr + main.log).toBe(0);
    const text = await stack.scrapeText();
    expect(text).toMatch(/gantry_job_duration_latest_seconds\{[^}]*job_name="build"[^}]*\} 300/);
    expect(text).toMatch(/gantry_dora_deployments\{[^}]*environment="production"[^}]*\} 2/);
    const spans = receiver.spans();
    // One run span (SERVER) per run, its job and step spans under it.
    expect(spans.filter((s) => s.kind === 2).length).toBe(27);
    expect(spans).toHaveLength(27 * 3);
    expect(receiver.requests.at(-1)?.headers['x-api-key']).toBe('hunter2-otlp-secret');
    expect(main.masks).toEqual(expect.arrayContaining(['tenant-s3cret-1', 'hunter2-otlp-secret']));
    expect(main.leaks).toEqual([]);
    expect(main.summary).toMatch(
      /exported: \d+ samples in \d+ families pushed to .*; \d+ spans of 27 runs sent to/,
    );
  });

  it('a receiver that refuses (400) fails the step with one line naming otlp-endpoint, after the summary and files', async () => {
    receiver.next({ status: 400, message: 'bad payload' });
    const { main } = await metrics({ 'otlp-endpoint': receiver.url });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toHaveLength(1);
    expect(main.errors[0]).toMatch(/otlp-endpoint/);
    expect(main.summary).toContain('## Pipeline metrics');
    expect(existsSync(main.outputs['report-file']!)).toBe(true);
  });

  it('a receiver down for now (503 through the retries) is a warning; the step succeeds', async () => {
    receiver.next(...Array.from({ length: 10 }, () => ({ status: 503, retryAfter: '0' })));
    const { main } = await metrics({ 'otlp-endpoint': receiver.url });
    expect(main.exitCode, main.stderr + main.log).toBe(0);
    expect(main.annotations.some((a) => a.command === 'warning' && /otlp-endpoint/.test(a.value))).toBe(true);
    expect(main.summary).toMatch(/export failed for now: .*otlp-endpoint/);
  });

  it.each([
    ['pushgateway-url', { 'pushgateway-url': 'pushgateway:9091' }, /pushgateway-url/],
    [
      'pushgateway-job',
      { 'pushgateway-job': 'x' },
      /Input 'pushgateway-job' is given but 'pushgateway-url' is not/,
    ],
    [
      'pushgateway-grouping',
      { 'pushgateway-url': 'http://127.0.0.1:9', 'pushgateway-grouping': 'no equals sign' },
      /pushgateway-grouping/,
    ],
    [
      'pushgateway-headers',
      { 'pushgateway-url': 'http://127.0.0.1:9', 'pushgateway-headers': 'no colon' },
      /pushgateway-headers/,
    ],
    ['otlp-endpoint', { 'otlp-endpoint': 'ftp://collector' }, /otlp-endpoint/],
    ['otlp-headers', { 'otlp-headers': 'a: b' }, /Input 'otlp-headers' is given but 'otlp-endpoint' is not/],
  ] as [string, Record<string, string>, RegExp][])(
    'bad %s: one error line naming it',
    async (_input, given, message) => {
      const { main } = await metrics(given);
      expect(main.exitCode).toBe(1);
      expect(main.errors).toHaveLength(1);
      expect(main.errors[0]).toMatch(message);
    },
  );
});
