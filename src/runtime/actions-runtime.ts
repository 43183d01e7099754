import * as core from '@actions/core';
import { AnnotationBudget } from './annotations.js';
import { ConfigurationError } from './errors.js';
import { type Annotation, IdTokenError, type Runtime, SUMMARY_LIMIT_BYTES } from './runtime.js';
import { defuseCommands, maskSecrets, oneLine, secretMasks, truncateUtf8 } from './text.js';

/**
 * The runner's runtime, on @actions/core: file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV,
 * GITHUB_PATH, GITHUB_STEP_SUMMARY), workflow commands, masks, annotations, groups and the OIDC
 * token request are core's, so a change GitHub makes to the runner protocol reaches us as a
 * version bump of core. What core does not do is kept on top of it:
 * - `info` defuses a line of outside text that would start a workflow command (core prints as is);
 * - `setSecret` registers every line of a multi-line secret too (the runner masks line by line)
 *   and keeps them for `redact`, the sinks the runner does not mask (log file, summary);
 * - annotations are capped at GitHub's 10 per level, the summary under its 1 MiB;
 * - `setFailed` writes one line whatever the message holds.
 * Like core, it reads and writes process.env (`env` is that object) and process.stdout.
 * The runner contract tests (test/runtime/actions-runtime.test.ts) read what it writes back
 * through src/runner.
 */
export class ActionsRuntime implements Runtime {
  readonly kind = 'actions' as const;
  readonly env: Readonly<Record<string, string | undefined>> = process.env;
  private readonly budget = new AnnotationBudget();
  private summaryBytes = 0;
  private readonly secrets = new Set<string>();

  /**
   * The raw value: core's rule (INPUT_<NAME upper-cased, spaces as _>) without core's trim, which
   * src/runtime/inputs.ts applies itself (the same String.trim) so a ConfigurationError can quote
   * what was given.
   */
  getInput(name: string): string {
    return core.getInput(name, { trimWhitespace: false });
  }
  setOutput(name: string, value: string): void {
    core.setOutput(name, value);
  }
  saveState(name: string, value: string): void {
    core.saveState(name, value);
  }
  getState(name: string): string {
    return core.getState(name);
  }
  setSecret(value: string): void {
    // Every form the suite could print the value in, fragment by fragment (see secretMasks).
    for (const mask of secretMasks(value)) {
      if (this.secrets.has(mask)) continue;
      this.secrets.add(mask);
      core.setSecret(mask);
    }
  }
  redact(text: string): string {
    return maskSecrets(text, this.secrets);
  }
  exportVariable(name: string, value: string): void {
    core.exportVariable(name, value);
  }
  addPath(dir: string): void {
    core.addPath(dir);
  }
  info(message: string): void {
    core.info(defuseCommands(message));
  }
  debug(message: string): void {
    // core escapes newlines in a command's data: the message stays one command.
    core.debug(message);
  }
  isDebug(): boolean {
    return core.isDebug();
  }
  annotate(annotation: Annotation): void {
    if (!this.budget.admit(annotation)) return;
    const properties: core.AnnotationProperties = {
      title: annotation.title || undefined,
      file: annotation.file || undefined,
      startLine: annotation.line,
      endLine: annotation.endLine,
      startColumn: annotation.col,
    };
    if (annotation.level === 'error') core.error(annotation.message, properties);
    else if (annotation.level === 'warning') core.warning(annotation.message, properties);
    else core.notice(annotation.message, properties);
  }
  async appendSummary(markdown: string): Promise<void> {
    // core.summary throws without the file; outside a runner step the summary has nowhere to go.
    if (!this.env.GITHUB_STEP_SUMMARY) return;
    const room = SUMMARY_LIMIT_BYTES - this.summaryBytes;
    if (room <= 0) return;
    // The runner does not mask the summary file.
    const text = truncateUtf8(this.redact(markdown), room);
    this.summaryBytes += Buffer.byteLength(text);
    await core.summary.addRaw(text, true).write();
  }
  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    // core.group always closes the group (try/finally); the name is command data, escaped by core.
    return core.group(name, fn);
  }
  setFailed(message: string): void {
    // One line: the runner shows a multi-line error's later lines apart from the annotation.
    core.setFailed(oneLine(message));
  }
  async getIDToken(audience: string): Promise<string> {
    if (!this.env.ACTIONS_ID_TOKEN_REQUEST_URL || !this.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
      throw new ConfigurationError(
        "GitHub's OIDC token cannot be requested in this job: add 'permissions: id-token: write' to it.",
      );
    let token: string;
    try {
      // core registers the token as a mask before returning it.
      token = await core.getIDToken(audience);
    } catch (error) {
      // core folds the status into its message ("Error Code : 403").
      const message = (error as Error).message;
      const status = /Error Code : (\d{3})/.exec(message)?.[1];
      throw new IdTokenError(
        oneLine(message)
          .replace(/(\\n|\s)+/g, ' ')
          .trim(),
        status ? Number(status) : undefined,
      );
    }
    this.secrets.add(token);
    return token;
  }
}
