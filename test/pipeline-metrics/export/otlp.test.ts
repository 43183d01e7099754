// fast-check prints the seed and the shrunk counterexample on failure; rerun one with FC_SEED=<seed>.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/net/index.js';
import { ExportError } from '../../../src/pipeline-metrics/export/errors.js';
import { exportTarget } from '../../../src/pipeline-metrics/export/endpoint.js';
import {
  exportRunTraces,
  OTLP_INPUTS,
  type OtlpOptions,
  encodeTraceRequest,
  pipelineResult,
  runSpans,
  SPAN_KIND,
  STATUS_CODE,
} from '../../../src/pipeline-metrics/export/otlp.js';
import type { RunFact } from '../../../src/pipeline-metrics/model.js';
import {
  decodeTraceRequest,
  type OtlpReceiver,
  type ReceivedSpan,
  startOtlpReceiver,
} from '../../support/otlp-receiver.js';
import { HOSTILE, job, run, T0 } from './facts.js';

const SECRET = 'Bearer s3cr3t-otlp-token-value';
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = { numRuns: 200, ...(seed === undefined ? {} : { seed }) };
let receiver: OtlpReceiver;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(async () => {
  await receiver.stop();
});
beforeEach(() => {
  receiver.requests.length = 0;
  receiver.echoAuthorization = false;
});

const http = () => new HttpClient({ backoffBaseMs: 1, backoffMaxMs: 5, retries: 2, breakerThreshold: 100 });

function options(extra: Partial<OtlpOptions> = {}, url = receiver.url): OtlpOptions {
  return {
    http: http(),
    target: exportTarget(
      url,
      OTLP_INPUTS.endpoint,
      `Authorization: ${SECRET}\nX-Scope-OrgID: team-a`,
      OTLP_INPUTS.headers,
    ),
    repository: 'acme/app',
    scopeVersion: '0.1.0',
    ...extra,
  };
}

const byName = (spans: ReceivedSpan[], name: string) => spans.filter((s) => s.name === name);

describe('OTLP/HTTP traces of workflow runs, decoded with the official OTLP schema', () => {
  it('sends run → jobs → steps spans with the CI/CD conventions, times, parents and status', async () => {
    const result = await exportRunTraces([run(1001, 1)], options());
    expect(result).toMatchObject({
      requests: 1,
      runs: 1,
      spans: 7,
      skippedRuns: 0,
      rejectedSpans: 0,
      warnings: [],
    });
    expect(result.url).toBe(`${receiver.url}/v1/traces`);
    const [request] = receiver.requests;
    expect(request!.contentType).toBe('application/x-protobuf');
    expect(request!.headers.authorization).toBe(SECRET);
    expect(request!.headers['x-scope-orgid']).toBe('team-a');

    const spans = receiver.spans();
    // 1 run + 2 jobs + 2 steps each (the skipped step that never started has no span).
    expect(spans).toHaveLength(7);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
    expect(spans[0]!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(7);

    const [root] = byName(spans, 'RUN CI');
    expect(root).toBeDefined();
    expect(root!.parentSpanId).toBe('');
    expect(root!.kind).toBe(SPAN_KIND.server);
    expect(root!.startNs).toBe(BigInt(T0) * 1_000_000n);
    // updatedAt (T0 + 70 s) is after the last job ended (T0 + 65.1 s).
    expect(root!.endNs).toBe(BigInt(T0 + 70_000) * 1_000_000n);
    expect(root!.attributes).toMatchObject({
      'cicd.pipeline.name': 'CI',
      'cicd.pipeline.run.id': '1001',
      'cicd.pipeline.result': 'failure',
      'cicd.pipeline.action.name': 'RUN',
      'cicd.pipeline.run.url.full': 'https://github.com/acme/app/actions/runs/1001/attempts/1',
      'error.type': 'failure',
      'vcs.ref.head.name': 'main',
      'vcs.ref.head.revision': 'a'.repeat(40),
      'gantry.run.attempt': 1,
    });
    expect(root!.status).toEqual({ code: STATUS_CODE.error, message: 'failure' });
    expect(root!.resource).toEqual({ 'service.name': 'github-actions', 'vcs.repository.name': 'acme/app' });
    expect(root!.scope).toEqual({ name: 'gantry/pipeline-metrics', version: '0.1.0' });

    const [build] = byName(spans, 'build');
    const [tests] = byName(spans, 'unit tests');
    for (const j of [build!, tests!]) {
      expect(j.parentSpanId).toBe(root!.spanId);
      expect(j.kind).toBe(SPAN_KIND.internal);
    }
    expect(build!.attributes).toMatchObject({
      'cicd.pipeline.task.name': 'build',
      'cicd.pipeline.task.run.id': '10011',
      'cicd.pipeline.task.run.result': 'success',
      'cicd.pipeline.task.type': 'build',
      'cicd.pipeline.task.run.url.full': 'https://github.com/acme/app/actions/runs/1001/job/10011',
      'cicd.worker.name': 'GitHub Actions 2',
      'gantry.job.queued_ms': 5_000,
    });
    expect(build!.status.code).toBe(STATUS_CODE.unset);
    expect(build!.startNs).toBe(BigInt(T0 + 5_000) * 1_000_000n);
    expect(build!.endNs).toBe(BigInt(T0 + 65_000) * 1_000_000n);
    expect(tests!.attributes['cicd.pipeline.task.type']).toBe('test');
    expect(tests!.status).toEqual({ code: STATUS_CODE.error, message: 'failure' });

    const steps = spans.filter((s) => s.parentSpanId === tests!.spanId);
    expect(steps.map((s) => s.name).sort()).toEqual(['Run tests', 'Set up job']);
    const runTests = steps.find((s) => s.name === 'Run tests')!;
    expect(runTests.startNs).toBe(BigInt(T0 + 100 + 7_000) * 1_000_000n);
    expect(runTests.endNs).toBe(BigInt(T0 + 100 + 60_123) * 1_000_000n);
    expect(runTests.attributes).toMatchObject({
      'cicd.pipeline.task.name': 'Run tests',
      'cicd.pipeline.task.run.result': 'failure',
      'gantry.step.number': 2,
    });
  });

  it('exporting the same runs again sends the same trace and span ids; another attempt is another trace', async () => {
    await exportRunTraces([run(2002, 1)], options());
    const first = receiver.spans().map((s) => `${s.traceId}/${s.spanId}/${s.parentSpanId}`);
    receiver.requests.length = 0;
    await exportRunTraces([run(2002, 1)], options());
    const again = receiver.spans().map((s) => `${s.traceId}/${s.spanId}/${s.parentSpanId}`);
    expect(again).toEqual(first);
    receiver.requests.length = 0;
    await exportRunTraces([run(2002, 2)], options());
    const second = receiver.spans();
    expect(new Set(second.map((s) => s.traceId)).size).toBe(1);
    expect(first.some((id) => id.startsWith(second[0]!.traceId))).toBe(false);
    // Same run in another repository: another trace.
    receiver.requests.length = 0;
    await exportRunTraces([run(2002, 1)], options({ repository: 'acme/other' }));
    expect(receiver.spans()[0]!.traceId).not.toBe(first[0]!.split('/')[0]);
  });

  it('maps every GitHub conclusion to a cicd.pipeline.result value of the conventions', () => {
    const allowed = new Set(['success', 'failure', 'error', 'timeout', 'cancellation', 'skip']);
    for (const c of [
      'success',
      'neutral',
      'failure',
      'action_required',
      'cancelled',
      'skipped',
      'stale',
      'timed_out',
      'startup_failure',
    ])
      expect(allowed.has(pipelineResult(c)!), c).toBe(true);
    expect(pipelineResult(null)).toBeUndefined();
    expect(pipelineResult('cancelled')).toBe('cancellation');
    expect(pipelineResult('timed_out')).toBe('timeout');
  });

  it('leaves runs still in progress for a later export, and sends nothing when nothing is complete', async () => {
    const result = await exportRunTraces([run(3003, 1, { conclusion: null })], options());
    expect(result).toMatchObject({ requests: 0, runs: 0, spans: 0, skippedRuns: 1 });
    expect(receiver.requests).toHaveLength(0);
  });

  it('times that are not numbers (bad facts) leave that run, job or step out instead of failing the export', async () => {
    const broken = run(3004, 1, { startedAt: Number.NaN });
    const partial = run(3005, 1, {
      updatedAt: Number.NaN,
      jobs: [
        job(30051, 'no times', 'success', 0, {
          createdAt: Number.NaN,
          startedAt: undefined,
          completedAt: undefined,
        }),
        job(30052, 'good', 'success', 0, {
          completedAt: Number.NaN,
          steps: [{ name: 'nan step', number: 1, conclusion: 'success', startedAt: Number.NaN }],
        }),
      ],
    });
    const result = await exportRunTraces([broken, partial], options());
    expect(result).toMatchObject({ runs: 1, skippedRuns: 1, spans: 2 });
    const spans = receiver.spans();
    expect(spans.map((s) => s.name)).toEqual(['RUN CI', 'good']);
    // A job without an end ends where it started; the run ends at its start when nothing else is known.
    expect(spans[1]!.endNs).toBe(spans[1]!.startNs);
    expect(spans[0]!.endNs).toBe(BigInt(T0) * 1_000_000n);
  });

  it('hostile run, job and step names arrive as given (lone surrogates as U+FFFD), in valid protobuf', async () => {
    const runs: RunFact[] = HOSTILE.map((name, i) =>
      run(5000 + i, 1, {
        name,
        branch: name,
        jobs: [
          job(50000 + i, name, 'success', 0, {
            steps: [{ name, number: 1, conclusion: 'success', startedAt: T0, completedAt: T0 + 1 }],
          }),
        ],
      }),
    );
    const result = await exportRunTraces(runs, options());
    expect(result.spans).toBe(HOSTILE.length * 3);
    const spans = receiver.spans();
    HOSTILE.forEach((name, i) => {
      // What UTF-8 can carry: Node's encoder turns a lone surrogate into U+FFFD.
      const expected = Buffer.from(name, 'utf8').toString('utf8');
      const inTrace = spans.filter((s) => s.attributes['cicd.pipeline.run.id'] === String(5000 + i));
      expect(inTrace).toHaveLength(3);
      expect(inTrace.find((s) => s.kind === SPAN_KIND.server)!.name).toBe(`RUN ${expected}`);
      expect(inTrace.filter((s) => s.name === expected)).toHaveLength(2);
      for (const s of inTrace) expect(s.attributes['cicd.pipeline.name']).toBe(expected);
    });
  });

  it('sends runs in batches of about spansPerRequest spans, never splitting a run', async () => {
    const runs = [1, 2, 3, 4, 5].map((i) => run(6000 + i, 1));
    const result = await exportRunTraces(runs, options({ spansPerRequest: 10 }));
    expect(result.requests).toBe(5);
    expect(result.spans).toBe(35);
    for (const request of receiver.requests)
      expect(new Set(request.spans.map((s) => s.traceId)).size).toBe(1);
    receiver.requests.length = 0;
    const bigger = await exportRunTraces(runs, options({ spansPerRequest: 14 }));
    expect(bigger.requests).toBe(3);
    expect(receiver.requests.map((r) => r.spans.length)).toEqual([14, 14, 7]);
  });

  it('a partial success is counted and its message returned as a warning, secrets cut', async () => {
    receiver.next({ partial: { rejectedSpans: 2, errorMessage: `2 spans too old; token ${SECRET}` } });
    const result = await exportRunTraces([run(7007, 1)], options());
    expect(result.rejectedSpans).toBe(2);
    expect(result.spans).toBe(5);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('rejected 2 of 7 spans: 2 spans too old');
    expect(result.warnings[0]).not.toContain('s3cr3t');
  });

  it('a 4xx is an ExportError naming the endpoint input with the receiver message, never the headers', async () => {
    receiver.echoAuthorization = true;
    receiver.next({ status: 400, message: 'bad span' });
    const error = await exportRunTraces([run(8008, 1)], options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    const e = error as ExportError;
    expect(e.input).toBe('otlp-endpoint');
    expect(e.status).toBe(400);
    expect(e.transient).toBe(false);
    expect(e.message).toMatch(
      /^Input 'otlp-endpoint': the OTLP receiver at http:\/\/127\.0\.0\.1:\d+\/v1\/traces refused the traces: HTTP 400: bad span/,
    );
    expect(e.message).not.toContain('s3cr3t');
    expect(e.message).toContain('***');
    // Not retried: a 400 will not change.
    expect(receiver.requests).toHaveLength(0);
  });

  it('401 points at the headers input; 404 at the endpoint input', async () => {
    receiver.next({ status: 401, message: 'unauthenticated' });
    await expect(exportRunTraces([run(8108, 1)], options())).rejects.toThrow(
      /check the credentials in 'otlp-headers'/,
    );
    const wrongPath = await exportRunTraces([run(8109, 1)], options({}, `${receiver.url}/v1/traces`)).catch(
      (e) => e,
    );
    expect(wrongPath.message).toMatch(
      /HTTP 404.*is 'otlp-endpoint' the OTLP\/HTTP base URL, without \/v1\/traces\?/,
    );
  });

  it('503 then success: retried through src/net; 503 every time: a transient ExportError after the retries', async () => {
    receiver.next({ status: 503, message: 'busy' });
    const result = await exportRunTraces([run(9009, 1)], options());
    expect(result.spans).toBe(7);
    receiver.requests.length = 0;
    receiver.next(
      { status: 503, message: 'busy' },
      { status: 503, message: 'busy' },
      { status: 503, message: 'still busy' },
    );
    const error = (await exportRunTraces([run(9010, 1)], options()).catch((e) => e)) as ExportError;
    expect(error).toBeInstanceOf(ExportError);
    expect(error.transient).toBe(true);
    expect(error.status).toBe(503);
    expect(error.message).toContain('HTTP 503: still busy');
  });

  it('a failure after accepted batches says how much was accepted', async () => {
    receiver.next(
      { partial: { rejectedSpans: 0, errorMessage: '' } },
      { status: 400, message: 'second batch refused' },
    );
    const error = (await exportRunTraces([run(9101, 1), run(9102, 1)], options({ spansPerRequest: 7 })).catch(
      (e) => e,
    )) as ExportError;
    expect(error.message).toContain('second batch refused');
    expect(error.message).toContain('7 spans in 1 earlier requests were accepted');
  });

  it('an unreachable receiver is an ExportError naming the input, unreachable', async () => {
    const closed = await startOtlpReceiver();
    const url = closed.url;
    await closed.stop();
    const error = (await exportRunTraces([run(9202, 1)], options({}, url)).catch((e) => e)) as ExportError;
    expect(error).toBeInstanceOf(ExportError);
    expect(error.unreachable).toBe(true);
    expect(error.message).toMatch(
      /^Input 'otlp-endpoint': could not reach the OTLP receiver at http:\/\/127\.0\.0\.1:\d+\/v1\/traces: /,
    );
  });

  it('any names, ids and times decode with the official schema to what was encoded (UTF-8 of the names)', () => {
    const name = fc.string({ unit: 'binary', maxLength: 300 });
    fc.assert(
      fc.property(
        name,
        name,
        name,
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: 0, max: 86_400_000 }),
        (runName, jobName, stepName, id, attempt, start, duration) => {
          const r = run(id, attempt, {
            name: runName,
            startedAt: start,
            updatedAt: start + duration,
            jobs: [
              job(id % 1_000_000, jobName, 'success', 0, {
                createdAt: start,
                startedAt: start,
                completedAt: start + duration,
                steps: [
                  {
                    name: stepName,
                    number: 1,
                    conclusion: 'success',
                    startedAt: start,
                    completedAt: start + duration,
                  },
                ],
              }),
            ],
          });
          const spans = runSpans(r, 'acme/app');
          const decoded = decodeTraceRequest(
            encodeTraceRequest(spans, [['service.name', 'x']], { name: 's' }),
          );
          const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
          expect(decoded.map((s) => s.name)).toEqual([`RUN ${utf8(runName)}`, utf8(jobName), utf8(stepName)]);
          expect(decoded.map((s) => s.startNs)).toEqual([1, 2, 3].map(() => BigInt(start) * 1_000_000n));
          expect(decoded.map((s) => s.endNs)).toEqual(
            [1, 2, 3].map(() => BigInt(start + duration) * 1_000_000n),
          );
          expect(decoded[0]!.attributes['cicd.pipeline.run.id']).toBe(String(id));
          expect(decoded[0]!.attributes['gantry.run.attempt']).toBe(attempt);
          expect(decoded[1]!.parentSpanId).toBe(decoded[0]!.spanId);
          expect(decoded[2]!.parentSpanId).toBe(decoded[1]!.spanId);
        },
      ),
      params,
    );
  });

  it('a 200 whose body is not an OTLP response is a warning, not a failure', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>\xff\xff proxy page</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const result = await exportRunTraces([run(9303, 1)], options({}, url));
      expect(result.spans).toBe(7);
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toMatch(/^the OTLP receiver's answer could not be read/);
    } finally {
      server.close();
    }
  });
});
