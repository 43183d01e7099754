/**
 * The one seam between Gantry's actions and the world that runs them. The runner implementation
 * (actions-runtime.ts) speaks the runner's workflow and file commands; the CLI implementation
 * (cli-runtime.ts) lets the same action code run on a laptop or in another CI system.
 */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
}

export interface Runtime {
  /** 'actions' under the runner, 'cli' for `gantry <action>`. */
  readonly kind: 'actions' | 'cli';
  /** The process environment the action was started with (domain code never reads process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The raw input, '' when not given; under the runner defaults were applied by the runner. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** Register a secret so it never prints; call before the value can reach any log. */
  setSecret(value: string): void;
  /** Text with every registered secret replaced by ***, for sinks the runner does not mask. */
  redact(text: string): string;
  exportVariable(name: string, value: string): void;
  addPath(dir: string): void;
  info(message: string): void;
  debug(message: string): void;
  isDebug(): boolean;
  /** Annotations beyond GitHub's 10 per level per step are dropped and counted. */
  annotate(annotation: Annotation): void;
  /** Append Markdown to the job summary (capped below GitHub's 1 MiB). */
  appendSummary(markdown: string): Promise<void>;
  /** Run fn inside a collapsible log group that is always closed. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** End the step as failed with exactly one error line. */
  setFailed(message: string): void;
  /**
   * GitHub's OIDC ID token for an audience, registered as a secret before it is returned. Needs
   * the job's `permissions: id-token: write`; a ConfigurationError when the job cannot ask for one,
   * an IdTokenError (with the HTTP status where there was one) when the runner refuses.
   */
  getIDToken(audience: string): Promise<string>;
}

/** The runner refused or failed to hand out an ID token. */
export class IdTokenError extends Error {
  override name = 'IdTokenError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** GitHub shows at most this many annotations of one level per step. */
export const ANNOTATION_LIMIT_PER_LEVEL = 10;
/** GitHub rejects step summaries over 1 MiB; stay well under. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;
