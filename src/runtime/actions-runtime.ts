import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { delimiter as pathDelimiter } from 'node:path';
import { AnnotationBudget } from './annotations.js';
import { type Annotation, type Runtime, SUMMARY_LIMIT_BYTES } from './runtime.js';
import { defuseCommands, maskSecrets, oneLine, secretMasks, truncateUtf8 } from './text.js';

/**
 * The runner's runtime: workflow commands on stdout and file commands (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY), written as the runner reads them. It is written
 * here rather than taken from @actions/core because that package pulls @actions/http-client and
 * undici into every bundle: about 40 ms of load time on each step, for an OIDC helper we do not use.
 * The runner contract tests (test/foundation) hold this file to the runner's reading of it.
 */
export class ActionsRuntime implements Runtime {
  readonly kind = 'actions' as const;
  private readonly budget = new AnnotationBudget();
  private summaryBytes = 0;
  private readonly secrets = new Set<string>();

  constructor(
    readonly env: Readonly<Record<string, string | undefined>> = process.env,
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  getInput(name: string): string {
    return this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  }
  setOutput(name: string, value: string): void {
    this.keyValue('GITHUB_OUTPUT', 'set-output', name, value);
  }
  saveState(name: string, value: string): void {
    this.keyValue('GITHUB_STATE', 'save-state', name, value);
  }
  getState(name: string): string {
    return this.env[`STATE_${name}`] ?? '';
  }
  setSecret(value: string): void {
    for (const mask of secretMasks(value)) {
      if (this.secrets.has(mask)) continue;
      this.secrets.add(mask);
      this.command('add-mask', {}, mask);
    }
  }
  redact(text: string): string {
    return maskSecrets(text, this.secrets);
  }
  exportVariable(name: string, value: string): void {
    this.keyValue('GITHUB_ENV', 'set-env', name, value);
    // Later code in this step sees it too, as the runner gives it to later steps.
    process.env[name] = value;
  }
  addPath(dir: string): void {
    const file = this.env.GITHUB_PATH;
    if (file) appendFileSync(file, `${dir}\n`, 'utf8');
    else this.command('add-path', {}, dir);
    process.env.PATH = `${dir}${pathDelimiter}${process.env.PATH ?? ''}`;
  }
  info(message: string): void {
    this.write(defuseCommands(message));
  }
  debug(message: string): void {
    // The runner reads one command per line; a later line could still start a command.
    this.command('debug', {}, oneLine(message));
  }
  isDebug(): boolean {
    return this.env.RUNNER_DEBUG === '1';
  }
  annotate(annotation: Annotation): void {
    if (!this.budget.admit(annotation)) return;
    this.command(
      annotation.level,
      {
        title: annotation.title,
        file: annotation.file,
        line: annotation.line,
        endLine: annotation.endLine,
        col: annotation.col,
      },
      annotation.message,
    );
  }
  async appendSummary(markdown: string): Promise<void> {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    const room = SUMMARY_LIMIT_BYTES - this.summaryBytes;
    if (room <= 0) return;
    // The runner does not mask the summary file.
    const text = truncateUtf8(this.redact(markdown), room);
    this.summaryBytes += Buffer.byteLength(text);
    appendFileSync(file, `${text}\n`, 'utf8');
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.command('group', {}, oneLine(name));
    try {
      return await fn();
    } finally {
      this.command('endgroup', {}, '');
    }
  }
  setFailed(message: string): void {
    process.exitCode = 1;
    // One line: a multi-line message would leave its later lines as plain (possibly command) text.
    this.command('error', {}, oneLine(message));
  }

  /** `::name key=value,…::message`, escaped as the runner unescapes it. */
  private command(name: string, properties: Record<string, string | number | undefined>, message: string) {
    const props = Object.entries(properties)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
      .join(',');
    this.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`);
  }

  /**
   * A name/value pair in the runner's file (heredoc with a random delimiter that neither side may
   * contain), or the old stdout command when the runner gives no file.
   */
  private keyValue(fileVariable: string, fallback: string, name: string, value: string): void {
    const file = this.env[fileVariable];
    if (!file) {
      this.command(fallback, { name }, value);
      return;
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
      throw new Error(`${fileVariable}: '${name}' or its value contains the delimiter ${delimiter}`);
    appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
  }
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
