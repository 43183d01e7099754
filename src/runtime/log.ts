import { appendFileSync } from 'node:fs';
import type { GitHubContext } from '../github/context.js';
import type { Clock } from '../net/clock.js';
import { errorMessage } from './errors.js';
import { redactDeep } from './text.js';

export interface Correlation {
  repository: string;
  sha: string;
  run_id: string;
  attempt: string;
}

export function correlationFrom(
  github: Pick<GitHubContext, 'repository' | 'sha' | 'runId' | 'runAttempt'>,
): Correlation {
  return {
    repository: github.repository,
    sha: github.sha,
    run_id: github.runId,
    attempt: github.runId ? String(github.runAttempt) : '',
  };
}

export type StageFields = Record<string, string | number | boolean | null | undefined | string[] | number[]>;

export interface StructuredLogOptions {
  action: string;
  correlation: Correlation;
  clock: Clock;
  /** Where each line goes in the step log. */
  emit: (line: string) => void;
  /** GANTRY_LOG_FILE: every line is appended there too. */
  file?: string;
  /** Secrets are replaced before a line leaves the process (the file is not masked by the runner). */
  redact: (text: string) => string;
}

/** One JSON line per stage: action, stage, start, duration_ms, outcome, correlation id, and fields. */
export class StructuredLog {
  readonly lines: string[] = [];

  constructor(private readonly options: StructuredLogOptions) {}

  async stage<T>(stage: string, fn: () => Promise<T>, fields?: (result: T) => StageFields): Promise<T> {
    const start = this.options.clock.now();
    try {
      const result = await fn();
      this.write(stage, start, 'success', fields?.(result));
      return result;
    } catch (error) {
      this.write(stage, start, 'failure', { error: errorMessage(error) });
      throw error;
    }
  }

  /** A stage whose work happened elsewhere (or a point event, with duration 0). */
  record(
    stage: string,
    start: number,
    outcome: 'success' | 'failure' | 'skipped',
    fields?: StageFields,
  ): void {
    this.write(stage, start, outcome, fields);
  }

  private write(stage: string, start: number, outcome: string, fields?: StageFields): void {
    // Redacted before serialising (JSON escaping gives a secret new forms) and after.
    const line = this.options.redact(
      JSON.stringify(
        redactDeep(
          {
            action: this.options.action,
            stage,
            start: new Date(start).toISOString(),
            duration_ms: this.options.clock.now() - start,
            outcome,
            correlation: this.options.correlation,
            ...fields,
          },
          this.options.redact,
        ),
      ),
    );
    this.lines.push(line);
    this.options.emit(line);
    if (this.options.file) appendFileSync(this.options.file, `${line}\n`);
  }
}
