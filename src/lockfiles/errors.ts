/**
 * A lockfile that cannot be read. The message names the file (and the line where there is one)
 * so a user can open it; `file` and `line` carry the same for callers that format their own.
 */
export class LockfileError extends Error {
  override name = 'LockfileError';
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
  }

  /** `<file> line <n>: <why>`, the shape every reader uses for a malformed line. */
  static at(file: string, line: number, why: string): LockfileError {
    return new LockfileError(`${file} line ${line}: ${why}`, file, line);
  }
}
