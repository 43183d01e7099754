/**
 * The exporter against Debian's prometheus-pushgateway, scraped by a real Prometheus
 * (honor_labels, 1 s interval), read back through the PromQL HTTP API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/net/index.js';
import { exportTarget } from '../../../src/pipeline-metrics/export/endpoint.js';
import { ExportError } from '../../../src/pipeline-metrics/export/errors.js';
import { PUSHGATEWAY_INPUTS, pushToPushgateway } from '../../../src/pipeline-metrics/export/prometheus.js';
import type { MetricsReport } from '../../../src/pipeline-metrics/model.js';
import { type PrometheusStack, type PromSample, startPrometheusStack } from '../../support/prometheus.js';
import { HOSTILE, report } from './facts.js';

/** What UTF-8 can carry: Node's encoder turns a lone surrogate into U+FFFD. */
const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
/** PromQL string literal (Go-style escapes). */
const lit = (s: string) => JSON.stringify(s);
const http = () => new HttpClient({ backoffBaseMs: 1, backoffMaxMs: 5, retries: 1, breakerThreshold: 100 });
/** Prometheus has no empty label value: an empty one is the label's absence. */
const label = (sample: PromSample, name: string) => sample.metric[name] ?? '';

let stack: PrometheusStack;
beforeAll(async () => {
  stack = await startPrometheusStack();
});
afterAll(async () => {
  await stack?.stop();
});

function hostileReport(repository: string): MetricsReport {
  return report({
    repository,
    generatedAt: Date.UTC(2026, 11, 5, 3, 0, 0),
    flakes: HOSTILE.map((test, i) => ({ test, runs: 100, flakyRuns: i + 1, rate: (i + 1) / 100 })),
    dora: HOSTILE.map((service, i) => ({
      service,
      environment: HOSTILE[(i + 3) % HOSTILE.length]!,
      deployments: i,
      deploymentsPerWeek: i / 2,
      leadTimeMs: i * 1000,
    })),
    durations: HOSTILE.map((step, i) => ({
      workflow: HOSTILE[(i + 1) % HOSTILE.length]!,
      job: HOSTILE[(i + 2) % HOSTILE.length]!,
      step,
      samples: 10,
      medianMs: 1000 * (i + 1),
      madMs: 10,
      latestMs: 1500 * (i + 1),
      consecutiveOver: 0,
    })),
  });
}

describe('Pushgateway → Prometheus → PromQL round trip', () => {
  it('hostile label values (quotes, backslashes, newlines, unicode, /, empty) come back through PromQL as pushed', async () => {
    const repository = 'acme/app "hostile"\\';
    const r = hostileReport(repository);
    const target = exportTarget(stack.pushgatewayUrl, PUSHGATEWAY_INPUTS.url, '', PUSHGATEWAY_INPUTS.headers);
    const result = await pushToPushgateway(r, {
      http: http(),
      target,
      grouping: { branch_group: 'feature/x', empty_group: '' },
      topFlakes: 100,
    });
    expect(result.duplicates).toBe(0);
    expect(result.url).toMatch(
      /\/metrics\/job\/gantry-pipeline-metrics\/repository@base64\/[\w-]+\/branch_group@base64\/ZmVhdHVyZS94\/empty_group@base64\/=$/,
    );

    const selector = `{repository=${lit(repository)}}`;
    const flakes = await stack.queryUntil(
      `gantry_test_flake_ratio${selector}`,
      (s) => s.length === HOSTILE.length,
    );
    expect(flakes).toHaveLength(HOSTILE.length);
    for (const sample of flakes) {
      expect(sample.metric).toMatchObject({
        job: 'gantry-pipeline-metrics',
        repository,
        branch_group: 'feature/x',
      });
      expect(sample.metric.empty_group).toBeUndefined();
    }
    const got = new Map(flakes.map((s) => [label(s, 'test'), s.value]));
    HOSTILE.forEach((test, i) => {
      expect(got.get(utf8(test)), JSON.stringify(test)).toBeCloseTo((i + 1) / 100, 12);
    });

    const dora = await stack.query(`gantry_dora_lead_time_seconds${selector}`);
    expect(dora.map((s) => [label(s, 'service'), label(s, 'environment'), s.value]).sort()).toEqual(
      HOSTILE.map((service, i) => [utf8(service), utf8(HOSTILE[(i + 3) % HOSTILE.length]!), i]).sort(),
    );
    const steps = await stack.query(`gantry_step_duration_latest_seconds${selector}`);
    expect(
      steps.map((s) => [label(s, 'workflow'), label(s, 'job_name'), label(s, 'step'), s.value]).sort(),
    ).toEqual(
      HOSTILE.map((step, i) => [
        utf8(HOSTILE[(i + 1) % HOSTILE.length]!),
        utf8(HOSTILE[(i + 2) % HOSTILE.length]!),
        utf8(step),
        1.5 * (i + 1),
      ]).sort(),
    );
    const generated = await stack.query(`gantry_pipeline_metrics_generated_timestamp_seconds${selector}`);
    expect(generated.map((s) => s.value)).toEqual([r.generatedAt / 1000]);
    // Every family of the report arrived, each with its TYPE gauge.
    const text = await stack.scrapeText();
    for (const family of [
      'gantry_dora_deployments_per_week',
      'gantry_workflow_pass_ratio',
      'gantry_job_queue_p90_seconds',
      'gantry_stage_retries_exhausted',
      'gantry_alert_firing',
    ])
      expect(text.includes(`# TYPE ${family} gauge`), family).toBe(true);
  });

  it('a second push replaces the group: series that left the report leave Prometheus', async () => {
    const target = exportTarget(
      `${stack.pushgatewayUrl}/`,
      PUSHGATEWAY_INPUTS.url,
      '',
      PUSHGATEWAY_INPUTS.headers,
    );
    const first = report({ repository: 'acme/replace' });
    await pushToPushgateway(first, { http: http(), target });
    const selector = `gantry_test_flake_ratio{repository="acme/replace"}`;
    expect(await stack.queryUntil(selector, (s) => s.length === 3)).toHaveLength(3);
    await pushToPushgateway(report({ repository: 'acme/replace', flakes: [first.flakes[1]!] }), {
      http: http(),
      target,
    });
    const after = await stack.queryUntil(selector, (s) => s.length === 1);
    expect(after.map((s) => s.metric.test)).toEqual(['suite/b']);
  });

  it('a push the Pushgateway refuses (inconsistent with what it holds) is an ExportError naming the input with its reason', async () => {
    // Another group already holds gantry_workflow_runs as a counter: the Pushgateway refuses a gauge of that name.
    await stack.wipe();
    const clash = await fetch(`${stack.pushgatewayUrl}/metrics/job/other`, {
      method: 'PUT',
      body: '# TYPE gantry_workflow_runs counter\ngantry_workflow_runs 1\n',
    });
    expect(clash.status).toBe(200);
    try {
      const target = exportTarget(
        stack.pushgatewayUrl,
        PUSHGATEWAY_INPUTS.url,
        'X-Token: s3cret-value',
        PUSHGATEWAY_INPUTS.headers,
      );
      const error = (await pushToPushgateway(report({ repository: 'acme/clash' }), {
        http: http(),
        target,
      }).catch((e) => e)) as ExportError;
      expect(error).toBeInstanceOf(ExportError);
      expect(error.status).toBe(400);
      expect(error.transient).toBe(false);
      expect(error.input).toBe('pushgateway-url');
      expect(error.message).toMatch(
        /^Input 'pushgateway-url': the Pushgateway at http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/gantry-pipeline-metrics\/repository@base64\/\S+ refused the push: HTTP 400: .*gantry_workflow_runs/,
      );
      expect(error.message).not.toContain('s3cret');
    } finally {
      await fetch(`${stack.pushgatewayUrl}/metrics/job/other`, { method: 'DELETE' });
    }
  });

  it('a wrong base URL is an ExportError pointing at the URL input', async () => {
    const target = exportTarget(
      `${stack.pushgatewayUrl}/not-here`,
      PUSHGATEWAY_INPUTS.url,
      '',
      PUSHGATEWAY_INPUTS.headers,
    );
    await expect(pushToPushgateway(report(), { http: http(), target })).rejects.toThrow(
      /^Input 'pushgateway-url': .* HTTP 404.*\(is 'pushgateway-url' the Pushgateway's base URL\?\)/,
    );
  });
});

describe('a Pushgateway behind basic auth', () => {
  let secured: PrometheusStack;
  beforeAll(async () => {
    secured = await startPrometheusStack({ basicAuth: { user: 'ci', password: 'pa55-w0rd-secret' } });
  });
  afterAll(async () => {
    await secured?.stop();
  });

  it('pushes with the Authorization header from the headers input, or the URL credentials; a wrong one is a 401 naming the headers input, without the secret', async () => {
    const basic = `Basic ${Buffer.from('ci:pa55-w0rd-secret').toString('base64')}`;
    const good = exportTarget(
      secured.pushgatewayUrl,
      PUSHGATEWAY_INPUTS.url,
      `Authorization: ${basic}`,
      PUSHGATEWAY_INPUTS.headers,
    );
    await pushToPushgateway(report({ repository: 'acme/auth' }), { http: http(), target: good });
    const viaUrl = exportTarget(
      secured.pushgatewayUrl.replace('http://', 'http://ci:pa55-w0rd-secret@'),
      PUSHGATEWAY_INPUTS.url,
      '',
      PUSHGATEWAY_INPUTS.headers,
    );
    await pushToPushgateway(report({ repository: 'acme/auth-url' }), { http: http(), target: viaUrl });
    const samples = await secured.queryUntil('gantry_workflow_pass_ratio', (s) => s.length === 2);
    expect(samples.map((s) => s.metric.repository).sort()).toEqual(['acme/auth', 'acme/auth-url']);

    const wrongSecret = `Basic ${Buffer.from('ci:wrong-secret-value').toString('base64')}`;
    const bad = exportTarget(
      secured.pushgatewayUrl,
      PUSHGATEWAY_INPUTS.url,
      `Authorization: ${wrongSecret}`,
      PUSHGATEWAY_INPUTS.headers,
    );
    const error = (await pushToPushgateway(report(), { http: http(), target: bad }).catch(
      (e) => e,
    )) as ExportError;
    expect(error).toBeInstanceOf(ExportError);
    expect(error.status).toBe(401);
    expect(error.message).toContain("check the credentials in 'pushgateway-headers'");
    expect(error.message).not.toContain(wrongSecret);
    expect(error.message).not.toContain('wrong-secret-value');
  });
});
