/** What every source of pipeline-metrics is handed besides its client: the domain opens nothing itself. */
export interface SourceDeps {
  now(): number;
  /** Waits (the per-endpoint pace); default setTimeout. */
  sleep?(ms: number): Promise<void>;
  /** Something the user should see (a warning annotation under the runner). */
  warn(message: string): void;
  info?(message: string): void;
  /** The id and attempt of this collection's own run: names the records it stores. */
  run?: { run: string; attempt: number };
}
