import * as core from '@actions/core';
import { AnnotationBudget, secretParts } from './annotations.js';
import { type Annotation, type Runtime, SUMMARY_LIMIT_BYTES } from './runtime.js';
import { defuseCommands, maskSecrets, oneLine, truncateUtf8 } from './text.js';

/** The runner's runtime: the only code in Gantry that calls @actions/core. */
export class ActionsRuntime implements Runtime {
  readonly kind = 'actions' as const;
  private readonly budget = new AnnotationBudget();
  private summaryBytes = 0;
  private readonly secrets = new Set<string>();

  constructor(readonly env: Readonly<Record<string, string | undefined>> = process.env) {}

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
    for (const part of secretParts(value)) {
      this.secrets.add(part);
      core.setSecret(part);
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
    // core.debug prefixes only the first line; a later line could still start a command.
    core.debug(oneLine(message));
  }
  isDebug(): boolean {
    return core.isDebug();
  }
  annotate(annotation: Annotation): void {
    if (!this.budget.admit(annotation)) return;
    const properties: core.AnnotationProperties = {
      title: annotation.title,
      file: annotation.file,
      startLine: annotation.line,
      endLine: annotation.endLine,
      startColumn: annotation.col,
    };
    if (annotation.level === 'error') core.error(annotation.message, properties);
    else if (annotation.level === 'warning') core.warning(annotation.message, properties);
    else core.notice(annotation.message, properties);
  }
  async appendSummary(markdown: string): Promise<void> {
    if (!this.env.GITHUB_STEP_SUMMARY) return;
    const room = SUMMARY_LIMIT_BYTES - this.summaryBytes;
    if (room <= 0) return;
    const text = truncateUtf8(markdown, room);
    this.summaryBytes += Buffer.byteLength(text);
    await core.summary.addRaw(text, true).write();
    core.summary.emptyBuffer();
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    core.startGroup(oneLine(name));
    try {
      return await fn();
    } finally {
      core.endGroup();
    }
  }
  setFailed(message: string): void {
    // One line: a multi-line message would leave its later lines as plain (possibly command) text.
    core.setFailed(oneLine(message));
  }
}
