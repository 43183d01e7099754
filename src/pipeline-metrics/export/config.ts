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
  if (given(inputs.pushgatewayUrl)) {
    const target = exportTarget(
      inputs.pushgatewayUrl!,
      PUSHGATEWAY_INPUTS.url,
      inputs.pushgatewayHeaders ?? '',
      PUSHGATEWAY_INPUTS.headers,
    );
    config.secrets.push(...target.secrets);
    if (/\/metrics(\/|$)/.test(target.url.pathname))
      throw ConfigurationError.forInput(
        PUSHGATEWAY_INPUTS.url,
        safeUrl(target.url),
        `the Pushgateway's base URL, without /metrics/… (the job goes in '${PUSHGATEWAY_INPUTS.job}', labels in '${PUSHGATEWAY_INPUTS.grouping}')`,
      );
    config.pushgateway = {
      target,
      job: given(inputs.pushgatewayJob) ? inputs.pushgatewayJob!.trim() : undefined,
      grouping: parseGroupingLines(inputs.pushgatewayGrouping ?? '', PUSHGATEWAY_INPUTS.grouping),
    };
  } else {
    for (const [key, name] of [
      ['pushgatewayJob', PUSHGATEWAY_INPUTS.job],
      ['pushgatewayGrouping', PUSHGATEWAY_INPUTS.grouping],
      ['pushgatewayHeaders', PUSHGATEWAY_INPUTS.headers],
    ] as const)
      if (given(inputs[key]))
        throw new ConfigurationError(
          `Input '${name}' is given but '${PUSHGATEWAY_INPUTS.url}' is not: set the Pushgateway's URL, or remove '${name}'.`,
        );
  }
  if (given(inputs.otlpEndpoint)) {
    const target = exportTarget(
      inputs.otlpEndpoint!,
      OTLP_INPUTS.endpoint,
      inputs.otlpHeaders ?? '',
      OTLP_INPUTS.headers,
    );
    config.secrets.push(...target.secrets);
    if (/\/v1\/traces$/.test(target.url.pathname))
      throw ConfigurationError.forInput(
        OTLP_INPUTS.endpoint,
        safeUrl(target.url),
        'the OTLP/HTTP base URL, without /v1/traces (it is appended)',
      );
    config.otlp = { target };
  } else if (given(inputs.otlpHeaders))
    throw new ConfigurationError(
      `Input '${OTLP_INPUTS.headers}' is given but '${OTLP_INPUTS.endpoint}' is not: set the OTLP endpoint, or remove '${OTLP_INPUTS.headers}'.`,
    );
  return config;
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
