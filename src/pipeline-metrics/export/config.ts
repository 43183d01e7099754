import { type HttpClient, safeUrl } from '../../net/index.js';
import { ConfigurationError } from '../../runtime/errors.js';
import type { MetricsReport, RunFact } from '../model.js';
import { type ExportTarget, exportTarget } from './endpoint.js';
import { ExportError } from './errors.js';
import { exportRunTraces, OTLP_INPUTS, type OtlpResult } from './otlp.js';
import { PUSHGATEWAY_INPUTS, type PushResult, parseGroupingLines, pushToPushgateway } from './prometheus.js';

/** The exporter inputs as the action reads them (raw strings; empty or undefined: not given). */
export interface ExportInputs {
  pushgatewayUrl?: string;
  pushgatewayJob?: string;
  pushgatewayGrouping?: string;
  pushgatewayHeaders?: string;
  otlpEndpoint?: string;
  otlpHeaders?: string;
}

export interface ExportConfig {
  pushgateway?: { target: ExportTarget; job?: string; grouping: Record<string, string> };
  otlp?: { target: ExportTarget };
  /** Every header value and URL credential: the adapter masks these before anything else. */
  secrets: string[];
}

/** Every input that configures the exporters, by the name the action gives it. */
export const EXPORT_INPUTS = {
  pushgatewayUrl: PUSHGATEWAY_INPUTS.url,
  pushgatewayJob: PUSHGATEWAY_INPUTS.job,
  pushgatewayGrouping: PUSHGATEWAY_INPUTS.grouping,
  pushgatewayHeaders: PUSHGATEWAY_INPUTS.headers,
  otlpEndpoint: OTLP_INPUTS.endpoint,
  otlpHeaders: OTLP_INPUTS.headers,
} as const;

const given = (value: string | undefined) => (value ?? '').trim() !== '';

/**
 * Parse the exporter inputs once: an exporter is on when its URL is given; its other inputs
 * without the URL are a ConfigurationError (they would be silently ignored otherwise).
 */
export function parseExportConfig(inputs: ExportInputs): ExportConfig {
  const config: ExportConfig = { secrets: [] };
  const pushgateway = exporterTarget(config, {
    url: inputs.pushgatewayUrl,
    headers: inputs.pushgatewayHeaders,
    inputs: PUSHGATEWAY_INPUTS,
    what: "the Pushgateway's URL",
    suffix: /\/metrics(\/|$)/,
    expected: `the Pushgateway's base URL, without /metrics/… (the job goes in '${PUSHGATEWAY_INPUTS.job}', labels in '${PUSHGATEWAY_INPUTS.grouping}')`,
    others: [
      [inputs.pushgatewayJob, PUSHGATEWAY_INPUTS.job],
      [inputs.pushgatewayGrouping, PUSHGATEWAY_INPUTS.grouping],
    ],
  });
  if (pushgateway)
    config.pushgateway = {
      target: pushgateway,
      job: given(inputs.pushgatewayJob) ? inputs.pushgatewayJob!.trim() : undefined,
      grouping: parseGroupingLines(inputs.pushgatewayGrouping ?? '', PUSHGATEWAY_INPUTS.grouping),
    };
  const otlp = exporterTarget(config, {
    url: inputs.otlpEndpoint,
    headers: inputs.otlpHeaders,
    inputs: { url: OTLP_INPUTS.endpoint, headers: OTLP_INPUTS.headers },
    what: 'the OTLP endpoint',
    suffix: /\/v1\/traces$/,
    expected: 'the OTLP/HTTP base URL, without /v1/traces (it is appended)',
    others: [],
  });
  if (otlp) config.otlp = { target: otlp };
  return config;
}

/**
 * One exporter's URL and headers as its target (their secrets added to the config's), or undefined
 * when its URL is not given; then none of its other inputs may be. A URL ending in the path the
 * exporter appends itself (`suffix`) is refused: the user gave the full URL where the base is asked.
 */
function exporterTarget(
  config: ExportConfig,
  exporter: {
    url: string | undefined;
    headers: string | undefined;
    inputs: { url: string; headers: string };
    what: string;
    suffix: RegExp;
    expected: string;
    /** Its other inputs, in the order they are checked, before its headers. */
    others: [value: string | undefined, input: string][];
  },
): ExportTarget | undefined {
  const { inputs } = exporter;
  if (!given(exporter.url)) {
    for (const [value, name] of [...exporter.others, [exporter.headers, inputs.headers] as const])
      if (given(value))
        throw new ConfigurationError(
          `Input '${name}' is given but '${inputs.url}' is not: set ${exporter.what}, or remove '${name}'.`,
        );
    return undefined;
  }
  const target = exportTarget(exporter.url!, inputs.url, exporter.headers ?? '', inputs.headers);
  config.secrets.push(...target.secrets);
  if (exporter.suffix.test(target.url.pathname))
    throw ConfigurationError.forInput(inputs.url, safeUrl(target.url), exporter.expected);
  return target;
}

export interface ExportResults {
  pushgateway?: PushResult;
  otlp?: OtlpResult;
}

/**
 * Run the configured exporters: the report to the Pushgateway, the runs as traces. Each failure
 * is an ExportError naming its input; both are tried before the first failure is thrown, so one
 * receiver being down does not cost the other's export.
 */
export async function runExports(
  config: ExportConfig,
  data: { report: MetricsReport; runs: readonly RunFact[] },
  deps: { http: HttpClient; scopeVersion?: string },
): Promise<ExportResults> {
  const results: ExportResults = {};
  const failures: unknown[] = [];
  if (config.pushgateway)
    try {
      results.pushgateway = await pushToPushgateway(data.report, {
        http: deps.http,
        target: config.pushgateway.target,
        job: config.pushgateway.job,
        grouping: config.pushgateway.grouping,
      });
    } catch (error) {
      failures.push(error);
    }
  if (config.otlp)
    try {
      results.otlp = await exportRunTraces(data.runs, {
        http: deps.http,
        target: config.otlp.target,
        repository: data.report.repository,
        scopeVersion: deps.scopeVersion,
      });
    } catch (error) {
      failures.push(error);
    }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    // Both failed: one error (one line for the step) carrying both messages.
    const errors = failures.map((f) => (f instanceof ExportError ? f : undefined));
    const first = errors[0];
    if (!first || !errors[1]) throw failures[0];
    throw new ExportError(
      errors.map((e) => e!.message).join('; '),
      first.input,
      errors.every((e) => e!.transient),
      errors.some((e) => e!.unreachable),
      first.status,
    );
  }
  return results;
}
