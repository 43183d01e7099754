/**
 * Stages from the structured stage log (src/runtime/log.ts): one JSON object a line, as written to
 * GANTRY_LOG_FILE files — action, stage, start (ISO), duration_ms, outcome, correlation {repository,
 * sha, run_id, attempt}, and the stage's fields (the `network` stage carries retries and exhausted).
 * A log file is input from anywhere: a line that is not such an object (damaged, cut off, hostile,
 * over 64 KiB) is skipped and counted, and reading goes on.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { StageFact } from '../model.js';

export interface StageStats {
  lines: number;
  skipped: number;
  /** Files that could not be read (missing, unreadable). */
  unreadable: number;
}

/** Longest line read: a stage line is a few hundred bytes. */
export const MAX_LINE = 64 * 1024;

/** Lines of a file, as the default reader gives them (streamed: a log file may be large). */
export async function* fileLines(path: string): AsyncIterable<string> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  yield* lines;
}

export async function readStages(
  files: string[],
  since: number,
  warn: (message: string) => void,
  lines: (path: string) => AsyncIterable<string> = fileLines,
): Promise<{ stages: StageFact[]; stats: StageStats }> {
  const stats: StageStats = { lines: 0, skipped: 0, unreadable: 0 };
  const stages: StageFact[] = [];
  for (const file of files) {
    let skippedHere = 0;
    try {
      for await (const line of lines(file)) {
        if (line.trim() === '') continue;
        const fact = stageFact(line);
        if (fact === undefined) {
          stats.skipped += 1;
          skippedHere += 1;
          continue;
        }
        stats.lines += 1;
        if (fact.start >= since) stages.push(fact);
      }
    } catch (error) {
      stats.unreadable += 1;
      warn(`Stage log ${JSON.stringify(file)} not read: ${(error as Error).message}`);
      continue;
    }
    if (skippedHere > 0)
      warn(`Stage log ${JSON.stringify(file)}: ${skippedHere} lines are not stage lines and were skipped.`);
  }
  stages.sort((a, b) => a.start - b.start);
  return { stages, stats };
}

const text = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;
const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

/** One line as a StageFact, or undefined when it is not a stage line. */
export function stageFact(line: string): StageFact | undefined {
  if (line.length > MAX_LINE) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  if (!text(o.action) || !text(o.stage) || !text(o.outcome, 40) || typeof o.start !== 'string')
    return undefined;
  const start = Date.parse(o.start);
  const duration = o.duration_ms;
  if (!Number.isFinite(start) || typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0)
    return undefined;
  const correlation =
    typeof o.correlation === 'object' && o.correlation !== null
      ? (o.correlation as Record<string, unknown>)
      : {};
  const fact: StageFact = {
    action: o.action,
    stage: o.stage,
    start,
    durationMs: duration,
    outcome: o.outcome,
    runId: text(correlation.run_id, 40) ? correlation.run_id : '',
    attempt: text(correlation.attempt, 10) ? correlation.attempt : '',
  };
  const retries = count(o.retries);
  const exhausted = count(o.exhausted);
  if (retries !== undefined) fact.retries = retries;
  if (exhausted !== undefined) fact.exhausted = exhausted;
  return fact;
}
