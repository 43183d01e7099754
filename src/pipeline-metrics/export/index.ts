// The exporters of pipeline-metrics: the report to a Prometheus Pushgateway, the runs as OTLP/HTTP
// traces. Both go through src/net; headers are secrets (ExportTarget.secrets, to mask first).
export { type ExportTarget, exportTarget, parseHeaderLines } from './endpoint.js';
export {
  EXPORT_INPUTS,
  type ExportConfig,
  type ExportInputs,
  type ExportResults,
  parseExportConfig,
  runExports,
} from './config.js';
export { ExportError } from './errors.js';
export {
  DEFAULT_SPANS_PER_REQUEST,
  exportRunTraces,
  OTLP_INPUTS,
  type OtlpOptions,
  type OtlpResult,
} from './otlp.js';
export {
  DEFAULT_PUSHGATEWAY_JOB,
  parseGroupingLines,
  PUSHGATEWAY_INPUTS,
  type PushgatewayOptions,
  type PushResult,
  pushToPushgateway,
} from './prometheus.js';
