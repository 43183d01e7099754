// fast-check prints the seed and the shrunk counterexample on failure; rerun one with FC_SEED=<seed>.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportTarget, parseHeaderLines } from '../../../src/pipeline-metrics/export/endpoint.js';
import {
  escapeLabelValue,
  groupingLabels,
  PUSHGATEWAY_INPUTS,
  parseGroupingLines,
  pushgatewayPath,
  renderExposition,
  reportFamilies,
} from '../../../src/pipeline-metrics/export/prometheus.js';
import { parseExposition } from '../../support/prom-text.js';
import { ensurePrometheusInstalled, PROMTOOL_BINARY } from '../../support/prometheus.js';
import { HOSTILE, report } from './facts.js';

const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = { numRuns: 300, ...(seed === undefined ? {} : { seed }) };

/** What UTF-8 can carry: Node's encoder turns a lone surrogate into U+FFFD. */
const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

describe('the report in the Prometheus text exposition format', () => {
  it('writes one HELP and one TYPE gauge line per family, before its samples, values in seconds', () => {
    const { text, duplicates } = renderExposition(reportFamilies(report()));
    expect(duplicates).toBe(0);
    expect(text.endsWith('\n')).toBe(true);
    const families = parseExposition(text);
    for (const family of families.values()) {
      expect(family.type, family.name).toBe('gauge');
      expect(family.help, family.name).toBeTruthy();
      expect(family.samples.length, family.name).toBeGreaterThan(0);
    }
    for (const name of families.keys()) {
      expect(text.split('\n').filter((l) => l.startsWith(`# TYPE ${name} `))).toHaveLength(1);
      expect(text.split('\n').filter((l) => l.startsWith(`# HELP ${name} `))).toHaveLength(1);
    }
    const value = (name: string, labels: Record<string, string>) =>
      families.get(name)?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        ?.value;
    expect(value('gantry_dora_lead_time_seconds', { service: 'api', environment: 'production' })).toBe(3600);
    expect(value('gantry_dora_change_failure_ratio', { service: 'api' })).toBe(0.25);
    expect(value('gantry_dora_time_to_restore_seconds', { service: 'api' })).toBe(1800);
    expect(value('gantry_dora_deployments_per_week', { service: 'web', environment: 'staging' })).toBe(0);
    // Unknown is left out, not written as 0.
    expect(value('gantry_dora_lead_time_seconds', { service: 'web' })).toBeUndefined();
    expect(
      value('gantry_workflow_pass_ratio', { workflow: '.github/workflows/ci.yml', branch: 'main' }),
    ).toBe(0.9);
    expect(value('gantry_job_duration_median_seconds', { workflow: 'ci.yml', job_name: 'build' })).toBe(60);
    expect(value('gantry_job_duration_latest_seconds', { job_name: 'build' })).toBe(90);
    expect(value('gantry_step_duration_latest_seconds', { step: 'Run tests' })).toBe(52);
    expect(families.get('gantry_job_duration_latest_seconds')!.samples).toHaveLength(1);
    expect(value('gantry_job_queue_p90_seconds', { job_name: 'build' })).toBe(20);
    expect(value('gantry_stage_retries_exhausted', { action: 'promote', stage: 'copy' })).toBe(1);
    expect(value('gantry_alert_firing', { key: 'duration:ci.yml:build', kind: 'duration' })).toBe(1);
    expect(value('gantry_pipeline_metrics_generated_timestamp_seconds', {})).toBe(
      report().generatedAt / 1000,
    );
  });

  it('exports the top N flake rates, highest first', () => {
    const families = parseExposition(renderExposition(reportFamilies(report(), { topFlakes: 2 })).text);
    expect(families.get('gantry_test_flake_ratio')!.samples.map((s) => s.labels.test)).toEqual([
      'suite/b',
      'suite/a',
    ]);
  });

  it('writes a series given twice once, and counts it', () => {
    const r = report();
    r.durations.push({ ...r.durations[0]! });
    const { text, duplicates } = renderExposition(reportFamilies(r));
    expect(duplicates).toBe(5);
    expect(parseExposition(text).get('gantry_job_duration_median_seconds')!.samples).toHaveLength(1);
  });

  it('escapes backslash, double quote and line feed in label values, nothing else', () => {
    expect(escapeLabelValue('a\\b"c\nd\re\tf')).toBe('a\\\\b\\"c\\nd\re\tf');
    expect(escapeLabelValue('\\n')).toBe('\\\\n');
  });

  it('any label value survives the text format as the reference parser reads it (lone surrogates as U+FFFD)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom('\\', '"', '\n', 'n', 'a', '\r', '}', ',', '=') }),
          fc.constantFrom(...HOSTILE),
        ),
        fc.string({ unit: 'binary' }),
        (value, other) => {
          const r = report({
            flakes: [{ test: value, runs: 3, flakyRuns: 1, rate: 1 / 3 }],
            dora: [{ service: other, environment: value, deployments: 1, deploymentsPerWeek: 1 }],
          });
          const families = parseExposition(renderExposition(reportFamilies(r)).text);
          expect(families.get('gantry_test_flake_ratio')!.samples).toEqual([
            { name: 'gantry_test_flake_ratio', labels: { test: utf8(value) }, value: 1 / 3 },
          ]);
          expect(families.get('gantry_dora_deployments')!.samples[0]!.labels).toEqual({
            service: utf8(other),
            environment: utf8(value),
          });
        },
      ),
      params,
    );
  });

  it("passes Prometheus' own promtool check metrics, hostile label values included", () => {
    ensurePrometheusInstalled();
    const r = report({
      flakes: HOSTILE.map((test, i) => ({ test, runs: 10, flakyRuns: i % 10, rate: (i % 10) / 10 })),
    });
    const { text } = renderExposition(reportFamilies(r, { topFlakes: 100 }));
    // promtool exits 1 on a parse error or a lint problem, printing it.
    const out = execFileSync(PROMTOOL_BINARY, ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(out).toBe('');
  });
});

describe('the Pushgateway grouping key', () => {
  const decode = (path: string) => {
    const parts = path.split('/').slice(2);
    const out: Array<[string, string]> = [];
    for (let i = 0; i < parts.length; i += 2) {
      const [name, value] = [parts[i]!, parts[i + 1]!];
      out.push(
        name.endsWith('@base64')
          ? [name.slice(0, -7), Buffer.from(value === '=' ? '' : value, 'base64url').toString('utf8')]
          : [name, decodeURIComponent(value)],
      );
    }
    return out;
  };

  it('sends plain values as they are and any other (/, empty, unicode, dots) in the @base64 form', () => {
    expect(pushgatewayPath('gantry', [['env', 'prod-1.2_x~']])).toBe('/metrics/job/gantry/env/prod-1.2_x~');
    expect(pushgatewayPath('gantry', [['repository', 'acme/app']])).toBe(
      '/metrics/job/gantry/repository@base64/YWNtZS9hcHA',
    );
    expect(pushgatewayPath('gantry', [['x', '']])).toBe('/metrics/job/gantry/x@base64/=');
    expect(pushgatewayPath('a/b', [])).toBe('/metrics/job@base64/YS9i');
    expect(pushgatewayPath('gantry', [['x', '..']])).toBe('/metrics/job/gantry/x@base64/Li4');
  });

  it('any job and grouping values decode back to what was given', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1 }),
        fc.string({ unit: 'grapheme' }),
        (job, value) => {
          const path = pushgatewayPath(job, [['repository', value]]);
          expect(path).toMatch(/^\/metrics(\/[A-Za-z0-9_@.~=-]+)+$/);
          expect(decode(path)).toEqual([
            ['job', job],
            ['repository', value],
          ]);
        },
      ),
      params,
    );
  });

  it('refuses grouping labels that are not label names, are job, or are carried by the metrics', () => {
    expect(groupingLabels('acme/app', { env: 'prod' }, 'pushgateway-grouping')).toEqual([
      ['repository', 'acme/app'],
      ['env', 'prod'],
    ]);
    expect(groupingLabels('acme/app', { repository: 'x' }, 'pushgateway-grouping')).toEqual([
      ['repository', 'x'],
    ]);
    for (const [name, why] of [
      ['1abc', /letters, digits and _/],
      ['__name', /letters, digits and _/],
      ['a-b', /letters, digits and _/],
      ['job', /other than job/],
      ['service', /do not carry themselves/],
      ['job_name', /do not carry themselves/],
    ] as const)
      expect(() => groupingLabels('acme/app', { [name]: 'v' }, 'pushgateway-grouping'), name).toThrow(
        new RegExp(`^Input 'pushgateway-grouping': got "${name}"; expected .*${why.source}`),
      );
  });

  it('reads grouping lines name=value, values may be empty or hold =', () => {
    expect(parseGroupingLines('env=prod\n# comment\n\nempty=\nq=a=b', 'pushgateway-grouping')).toEqual({
      env: 'prod',
      empty: '',
      q: 'a=b',
    });
    expect(() => parseGroupingLines('novalue', 'pushgateway-grouping')).toThrow(
      /Input 'pushgateway-grouping'.*line 1/,
    );
    expect(() => parseGroupingLines('a=1\na=2', 'pushgateway-grouping')).toThrow(
      /each label once \(line 2\)/,
    );
  });
});

describe('exporter endpoints and headers', () => {
  it('reads Name: value lines; every value is a secret; a wrong line never shows its value', () => {
    expect(parseHeaderLines('Authorization: Bearer abc:def\n\n# x\nX-Org:  team ', 'h')).toEqual({
      headers: { Authorization: 'Bearer abc:def', 'X-Org': 'team' },
      secrets: ['Bearer abc:def', 'team'],
    });
    const cases: Array<[string, RegExp]> = [
      ['Bearer-only-s3cret', /line 1: expected 'Name: value'/],
      ['Bad Name: s3cret', /line 1: "Bad Name" is not a header name/],
      ['Content-Type: s3cret', /sets Content-Type itself/],
      ['X-A:', /has no value/],
      ['X-A: s3cret\u0000x', /control character/],
      ['X-A: s3cret ✓', /a character HTTP headers cannot carry/],
      ['X-A: s3cret\nx-a: s3cret', /line 2: the header x-a is given twice/],
    ];
    for (const [text, why] of cases) {
      const error = (() => {
        try {
          parseHeaderLines(text, 'otlp-headers');
        } catch (e) {
          return e as Error;
        }
        return undefined;
      })();
      expect(error?.message, text).toMatch(/^Input 'otlp-headers', line \d/);
      expect(error?.message, text).toMatch(why);
      expect(error?.message, text).not.toContain('s3cret');
    }
  });

  it('takes http(s) URLs without query; credentials in the URL become a Basic header and secrets', () => {
    const target = exportTarget(
      'https://u%40x:p%3Ass@pg.example:9091/prefix/',
      'pushgateway-url',
      '',
      'pushgateway-headers',
    );
    expect(target.url.toString()).toBe('https://pg.example:9091/prefix');
    expect(target.headers).toEqual({ Authorization: `Basic ${Buffer.from('u@x:p:ss').toString('base64')}` });
    expect(target.secrets).toContain('p:ss');
    const bad: Array<[string, RegExp]> = [
      ['not a url', /expected an http\(s\) URL/],
      ['ftp://host', /expected an http:\/\/ or https:\/\/ URL/],
      ['https://host/x?token=s3cret', /without a query/],
    ];
    for (const [url, why] of bad) {
      expect(() => exportTarget(url, 'pushgateway-url', '', 'pushgateway-headers'), url).toThrow(
        new RegExp(`^Input 'pushgateway-url': got .*${why.source}`),
      );
      try {
        exportTarget(url, 'pushgateway-url', '', 'pushgateway-headers');
      } catch (e) {
        expect((e as Error).message).not.toContain('s3cret');
      }
    }
    expect(() =>
      exportTarget('https://u:s3cret@host', 'pushgateway-url', 'Authorization: x', 'pushgateway-headers'),
    ).toThrow(
      /^Input 'pushgateway-url' has credentials and 'pushgateway-headers' has an Authorization header/,
    );
    expect(PUSHGATEWAY_INPUTS.url).toBe('pushgateway-url');
  });
});
