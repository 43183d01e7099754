import { createHash } from 'node:crypto';
import { type HttpClient, safeUrl } from '../../net/index.js';
import type { JobFact, RunFact, StepFact } from '../model.js';
import { type ExportTarget, errorExcerpt, redact, sendToReceiver, targetUrl } from './endpoint.js';
import { ExportError } from './errors.js';
import { ProtoWriter, readFields } from './protobuf.js';

/**
 * Workflow runs as OTLP/HTTP traces: one trace per run attempt, a run span (kind SERVER, as the
 * OpenTelemetry CI/CD conventions ask of a pipeline run), a child span per job and a grandchild
 * per step. Ids are derived from the repository, run id, attempt, job id and step number, so
 * exporting the same run again sends the same ids: a backend sees one run, not two.
 * Sent as binary protobuf (`application/x-protobuf`), encoded by ./protobuf.ts.
 */

export const OTLP_INPUTS = { endpoint: 'otlp-endpoint', headers: 'otlp-headers' } as const;
export const OTLP_CONTENT_TYPE = 'application/x-protobuf';
export const DEFAULT_SPANS_PER_REQUEST = 2000;
export const SCOPE_NAME = 'gantry/pipeline-metrics';

export type AttributeValue = string | number | boolean;

export const SPAN_KIND = { internal: 1, server: 2 } as const;
/** OTLP's StatusCode: UNSET leaves the verdict to the backend; ERROR marks a failed run, job or step. */
export const STATUS_CODE = { unset: 0, ok: 1, error: 2 } as const;

export interface Span {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId?: Uint8Array;
  name: string;
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: Array<[string, AttributeValue]>;
  status: { code: number; message?: string };
}

export interface OtlpOptions {
  http: HttpClient;
  /** From `exportTarget(endpoint, OTLP_INPUTS.endpoint, headers, OTLP_INPUTS.headers)`; spans go to `<endpoint>/v1/traces`. */
  target: ExportTarget;
  /** owner/name: part of every trace id, and the resource's `vcs.repository.name`. */
  repository: string;
  /** The resource's `service.name`; default `github-actions`. */
  serviceName?: string;
  /** Spans per request (runs are not split across requests unless one alone is larger). */
  spansPerRequest?: number;
  /** The version of this exporter, as the instrumentation scope's version. */
  scopeVersion?: string;
  /** Input names for messages, when the action's differ from OTLP_INPUTS. */
  inputs?: Partial<typeof OTLP_INPUTS>;
}

export interface OtlpResult {
  /** `<endpoint>/v1/traces`, safe for a log. */
  url: string;
  requests: number;
  runs: number;
  spans: number;
  /** Runs still in progress (no conclusion): left for a later export, which gives them the same ids. */
  skippedRuns: number;
  /** Spans the receiver said it rejected (OTLP partial success), and its messages. */
  rejectedSpans: number;
  warnings: string[];
}

/** GitHub's conclusion as `cicd.pipeline.result` / `cicd.pipeline.task.run.result` values. */
export function pipelineResult(conclusion: string | null): string | undefined {
  switch (conclusion) {
    case 'success':
    case 'neutral':
      return 'success';
    case 'failure':
    case 'action_required':
      return 'failure';
    case 'cancelled':
      return 'cancellation';
    case 'skipped':
    case 'stale':
      return 'skip';
    case 'timed_out':
      return 'timeout';
    case 'startup_failure':
      return 'error';
    default:
      return undefined;
  }
}

/** A job's `cicd.pipeline.task.type` (build, test, deploy) from its name, when the name says so. */
export function taskType(jobName: string): 'build' | 'test' | 'deploy' | undefined {
  if (/deploy|release|promot|publish|rollout/i.test(jobName)) return 'deploy';
  if (/test|spec|e2e|check/i.test(jobName)) return 'test';
  if (/build|compile|package|bundle/i.test(jobName)) return 'build';
  return undefined;
}

function digest(parts: ReadonlyArray<string | number>, length: number): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${String(part).length}:${part};`);
  const id = Uint8Array.from(hash.digest().subarray(0, length));
  // An all-zero id is invalid in OTLP; a hash gives one with probability 2^-64 at worst.
  if (id.every((b) => b === 0)) id[length - 1] = 1;
  return id;
}

/** The trace id of one run attempt: the same run and attempt always give the same id. */
export function traceIdOf(repository: string, runId: number, attempt: number): Uint8Array {
  return digest(['gantry-run-trace', repository, runId, attempt], 16);
}

export function runSpanIdOf(repository: string, runId: number, attempt: number): Uint8Array {
  return digest(['gantry-run-span', repository, runId, attempt], 8);
}

export function jobSpanIdOf(repository: string, runId: number, attempt: number, jobId: number): Uint8Array {
  return digest(['gantry-job-span', repository, runId, attempt, jobId], 8);
}

export function stepSpanIdOf(
  repository: string,
  runId: number,
  attempt: number,
  jobId: number,
  stepNumber: number,
): Uint8Array {
  return digest(['gantry-step-span', repository, runId, attempt, jobId, stepNumber], 8);
}

const ns = (ms: number) => BigInt(Math.round(ms)) * 1_000_000n;
const FAILED = new Set(['failure', 'timeout', 'error']);

function status(result: string | undefined, conclusion: string | null): Span['status'] {
  return result !== undefined && FAILED.has(result)
    ? { code: STATUS_CODE.error, message: conclusion ?? result }
    : { code: STATUS_CODE.unset };
}

function resultAttributes(key: string, result: string | undefined): Array<[string, AttributeValue]> {
  if (result === undefined) return [];
  const out: Array<[string, AttributeValue]> = [[key, result]];
  // error.type is conditionally required when the result is failure or error.
  if (result === 'failure' || result === 'error' || result === 'timeout') out.push(['error.type', result]);
  return out;
}

/** The spans of one completed run attempt; a run still in progress has none (it is exported later). */
export function runSpans(run: RunFact, repository: string): Span[] {
  const result = pipelineResult(run.conclusion);
  // In progress (no conclusion) or without a usable start: nothing to draw yet.
  if (run.conclusion === null || !Number.isFinite(run.startedAt)) return [];
  const traceId = traceIdOf(repository, run.id, run.attempt);
  const runSpanId = runSpanIdOf(repository, run.id, run.attempt);
  const spans: Span[] = [];
  let runEnd = Number.isFinite(run.updatedAt) ? run.updatedAt : run.startedAt;
  for (const job of run.jobs)
    if (Number.isFinite(job.completedAt)) runEnd = Math.max(runEnd, job.completedAt!);
  spans.push({
    traceId,
    spanId: runSpanId,
    name: `RUN ${run.name}`,
    kind: SPAN_KIND.server,
    startNs: ns(run.startedAt),
    endNs: ns(Math.max(run.startedAt, runEnd)),
    attributes: [
      ['cicd.pipeline.name', run.name],
      ['cicd.pipeline.run.id', String(run.id)],
      ['cicd.pipeline.action.name', 'RUN'],
      ...resultAttributes('cicd.pipeline.result', result),
      ...(run.url ? ([['cicd.pipeline.run.url.full', run.url]] as Array<[string, AttributeValue]>) : []),
      ['vcs.ref.head.name', run.branch],
      ['vcs.ref.head.revision', run.sha],
      ['gantry.workflow.path', run.workflow],
      ['gantry.run.attempt', run.attempt],
      ['gantry.run.event', run.event],
    ],
    status: status(result, run.conclusion),
  });
  for (const job of run.jobs) spans.push(...jobSpans(run, job, repository, traceId, runSpanId));
  return spans;
}

/** A job's page, from its run's (`…/actions/runs/<id>[/attempts/<n>]` → `…/actions/runs/<id>/job/<job id>`). */
export function jobUrlOf(runUrl: string, jobId: number): string | undefined {
  const m = /^(https?:\/\/[^?#]+\/actions\/runs\/\d+)(?:\/attempts\/\d+)?\/?$/.exec(runUrl);
  return m ? `${m[1]}/job/${jobId}` : undefined;
}

function jobSpans(
  run: RunFact,
  job: JobFact,
  repository: string,
  traceId: Uint8Array,
  parent: Uint8Array,
): Span[] {
  const result = pipelineResult(job.conclusion);
  const spanId = jobSpanIdOf(repository, run.id, run.attempt, job.id);
  const start = Number.isFinite(job.startedAt) ? job.startedAt! : job.createdAt;
  if (!Number.isFinite(start)) return [];
  const end = Number.isFinite(job.completedAt) ? Math.max(start, job.completedAt!) : start;
  const type = taskType(job.name);
  const attributes: Array<[string, AttributeValue]> = [
    ['cicd.pipeline.name', run.name],
    ['cicd.pipeline.run.id', String(run.id)],
    ['cicd.pipeline.task.name', job.name],
    ['cicd.pipeline.task.run.id', String(job.id)],
    ...resultAttributes('cicd.pipeline.task.run.result', result),
  ];
  if (type) attributes.push(['cicd.pipeline.task.type', type]);
  const jobUrl = jobUrlOf(run.url, job.id);
  if (jobUrl) attributes.push(['cicd.pipeline.task.run.url.full', jobUrl]);
  if (job.runnerName) attributes.push(['cicd.worker.name', job.runnerName]);
  if (Number.isFinite(job.startedAt) && Number.isFinite(job.createdAt))
    attributes.push(['gantry.job.queued_ms', Math.round(Math.max(0, job.startedAt! - job.createdAt))]);
  const spans: Span[] = [
    {
      traceId,
      spanId,
      parentSpanId: parent,
      name: job.name,
      kind: SPAN_KIND.internal,
      startNs: ns(start),
      endNs: ns(end),
      attributes,
      status: status(result, job.conclusion),
    },
  ];
  for (const step of job.steps) {
    const span = stepSpan(run, job, step, repository, traceId, spanId);
    if (span) spans.push(span);
  }
  return spans;
}

function stepSpan(
  run: RunFact,
  job: JobFact,
  step: StepFact,
  repository: string,
  traceId: Uint8Array,
  parent: Uint8Array,
): Span | undefined {
  // A step that never started (skipped before it ran) has no time to draw.
  if (!Number.isFinite(step.startedAt)) return undefined;
  const result = pipelineResult(step.conclusion);
  return {
    traceId,
    spanId: stepSpanIdOf(repository, run.id, run.attempt, job.id, step.number),
    parentSpanId: parent,
    name: step.name,
    kind: SPAN_KIND.internal,
    startNs: ns(step.startedAt!),
    endNs: ns(
      Number.isFinite(step.completedAt) ? Math.max(step.startedAt!, step.completedAt!) : step.startedAt!,
    ),
    attributes: [
      ['cicd.pipeline.name', run.name],
      ['cicd.pipeline.run.id', String(run.id)],
      ['cicd.pipeline.task.name', step.name],
      ['cicd.pipeline.task.run.id', `${job.id}/${step.number}`],
      ...resultAttributes('cicd.pipeline.task.run.result', result),
      ['gantry.step.number', step.number],
    ],
    status: status(result, step.conclusion),
  };
}

function writeAttribute(w: ProtoWriter, field: number, key: string, value: AttributeValue): void {
  w.message(field, (kv) => {
    kv.string(1, key);
    kv.message(2, (any) => {
      if (typeof value === 'string') any.string(1, value);
      else if (typeof value === 'boolean') any.bool(2, value);
      else if (Number.isInteger(value)) any.uint(3, BigInt(value));
      else any.double(4, value);
    });
  });
}

/** An ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1) with one resource and scope. */
export function encodeTraceRequest(
  spans: readonly Span[],
  resource: ReadonlyArray<[string, AttributeValue]>,
  scope: { name: string; version?: string },
): Uint8Array {
  const request = new ProtoWriter();
  request.message(1, (resourceSpans) => {
    resourceSpans.message(1, (r) => {
      for (const [key, value] of resource) writeAttribute(r, 1, key, value);
    });
    resourceSpans.message(2, (scopeSpans) => {
      scopeSpans.message(1, (s) => {
        s.string(1, scope.name);
        if (scope.version) s.string(2, scope.version);
      });
      for (const span of spans)
        scopeSpans.message(2, (s) => {
          s.bytes(1, span.traceId);
          s.bytes(2, span.spanId);
          if (span.parentSpanId) s.bytes(4, span.parentSpanId);
          s.string(5, span.name);
          s.uint(6, span.kind);
          s.fixed64(7, span.startNs);
          s.fixed64(8, span.endNs);
          for (const [key, value] of span.attributes) writeAttribute(s, 9, key, value);
          if (span.status.code !== STATUS_CODE.unset || span.status.message)
            s.message(15, (st) => {
              if (span.status.message) st.string(2, span.status.message);
              if (span.status.code) st.uint(3, span.status.code);
            });
        });
    });
  });
  return request.finish();
}

/** ExportTraceServiceResponse's partial_success: spans rejected and why (protobuf or JSON body). */
export function readPartialSuccess(
  body: Uint8Array,
  contentType: string | null,
): { rejectedSpans: number; message: string } {
  if (body.byteLength === 0) return { rejectedSpans: 0, message: '' };
  if (contentType?.includes('json')) {
    const parsed = JSON.parse(Buffer.from(body).toString('utf8')) as {
      partialSuccess?: { rejectedSpans?: string | number; errorMessage?: string };
    };
    return {
      rejectedSpans: Number(parsed.partialSuccess?.rejectedSpans ?? 0),
      message: parsed.partialSuccess?.errorMessage ?? '',
    };
  }
  let rejectedSpans = 0;
  let message = '';
  for (const top of readFields(body))
    if (top.field === 1 && top.wire === 2)
      for (const f of readFields(top.value)) {
        if (f.field === 1 && f.wire === 0) rejectedSpans = Number(BigInt.asIntN(64, f.value));
        if (f.field === 2 && f.wire === 2) message = Buffer.from(f.value).toString('utf8');
      }
  return { rejectedSpans, message };
}

/** google.rpc.Status's message (field 2) from a protobuf error body, if it is one. */
function statusMessage(bytes: Uint8Array): string | undefined {
  try {
    for (const f of readFields(bytes))
      if (f.field === 2 && f.wire === 2) return Buffer.from(f.value).toString('utf8');
  } catch {
    // not protobuf: shown as text
  }
  return undefined;
}

/**
 * The runs' spans in batches of about `size`, a run never split. Spans are built run by run as
 * the batches are sent, so memory holds one batch, not every run's spans (10,000 runs of 20 jobs
 * are hundreds of thousands of spans).
 */
function* batches(
  runs: readonly RunFact[],
  repository: string,
  size: number,
  skipped: () => void,
): Generator<Span[]> {
  let batch: Span[] = [];
  for (const run of runs) {
    const spans = runSpans(run, repository);
    if (spans.length === 0) {
      skipped();
      continue;
    }
    if (batch.length > 0 && batch.length + spans.length > size) {
      yield batch;
      batch = [];
    }
    for (const span of spans) batch.push(span);
  }
  if (batch.length > 0) yield batch;
}

/**
 * POST the completed runs as traces to `<endpoint>/v1/traces`, in batches. A receiver's refusal
 * (4xx, or 5xx once src/net's retries are spent) is an ExportError naming the endpoint input, with
 * the receiver's message and how many batches it had accepted; a partial success is counted and
 * its message returned as a warning.
 */
export async function exportRunTraces(runs: readonly RunFact[], options: OtlpOptions): Promise<OtlpResult> {
  const inputs = { ...OTLP_INPUTS, ...options.inputs };
  const url = targetUrl(options.target, '/v1/traces');
  const resource: Array<[string, AttributeValue]> = [
    ['service.name', options.serviceName ?? 'github-actions'],
    ['vcs.repository.name', options.repository],
  ];
  const result: OtlpResult = {
    url: safeUrl(url),
    requests: 0,
    runs: 0,
    spans: 0,
    skippedRuns: 0,
    rejectedSpans: 0,
    warnings: [],
  };
  const size = Math.max(1, options.spansPerRequest ?? DEFAULT_SPANS_PER_REQUEST);
  for (const batch of batches(runs, options.repository, size, () => (result.skippedRuns += 1))) {
    const body = encodeTraceRequest(batch, resource, { name: SCOPE_NAME, version: options.scopeVersion });
    const response = await sendToReceiver(
      options.http,
      options.target,
      inputs.endpoint,
      'the OTLP receiver',
      {
        url,
        method: 'POST',
        headers: { 'content-type': OTLP_CONTENT_TYPE },
        body,
        // The ids are deterministic: a repeat sends the same spans, which a backend folds together.
        retrySafe: true,
      },
    );
    result.requests += 1;
    if (!response.ok) {
      const status = response.status;
      const reason = await errorExcerpt(response, options.target.secrets, statusMessage);
      const hint =
        status === 401 || status === 403
          ? ` (check the credentials in '${inputs.headers}')`
          : status === 404 || status === 405
            ? ` (is '${inputs.endpoint}' the OTLP/HTTP base URL, without /v1/traces?)`
            : status === 415
              ? ' (the receiver does not take OTLP protobuf)'
              : '';
      throw new ExportError(
        `Input '${inputs.endpoint}': the OTLP receiver at ${safeUrl(url)} refused the traces: HTTP ${status}${reason ? `: ${reason}` : ''}${hint}; ${result.spans} spans in ${result.requests - 1} earlier requests were accepted`,
        inputs.endpoint,
        status === 429 || status === 502 || status === 503 || status === 504,
        false,
        status,
      );
    }
    let partial: { rejectedSpans: number; message: string };
    try {
      partial = readPartialSuccess(await response.bytes(1024 * 1024), response.headers.get('content-type'));
    } catch (error) {
      partial = { rejectedSpans: 0, message: '' };
      result.warnings.push(
        `the OTLP receiver's answer could not be read: ${redact(error instanceof Error ? error.message : String(error), options.target.secrets)}`,
      );
    }
    result.spans += batch.length - partial.rejectedSpans;
    if (partial.rejectedSpans > 0 || partial.message) {
      result.rejectedSpans += partial.rejectedSpans;
      result.warnings.push(
        `the OTLP receiver rejected ${partial.rejectedSpans} of ${batch.length} spans${partial.message ? `: ${redact(partial.message, options.target.secrets)}` : ''}`,
      );
    }
  }
  result.runs = runs.length - result.skippedRuns;
  return result;
}
