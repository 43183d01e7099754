import { AnnotationBudget } from './annotations.js';
import { ConfigurationError } from './errors.js';
import type { ActionMetadata } from './metadata.js';
import type { Annotation, Runtime } from './runtime.js';
import { maskSecrets, oneLine, redactDeep, secretMasks } from './text.js';

export interface CliRuntimeOptions {
  action: string;
  metadata: ActionMetadata;
  /** Inputs given on the command line, by input name. */
  inputs: Record<string, string>;
  env: Readonly<Record<string, string | undefined>>;
  /** Where logs, annotations and the summary go (stderr by default, so stdout stays pure JSON). */
  write?: (text: string) => void;
  /** State carried from main to post when both run in one CLI process. */
  state?: Map<string, string>;
  /** Evaluates `${{ }}` in an action.yml default; without it, defaults containing expressions are empty. */
  evaluateDefault?: (value: string) => string;
}

/**
 * `gantry <action> --<input> value`: inputs and defaults from the action's own action.yml, outputs
 * collected and printed as one JSON object, the summary printed as Markdown, every registered secret
 * replaced by *** in everything printed.
 */
export class CliRuntime implements Runtime {
  readonly kind = 'cli' as const;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** No prototype: an output may be called `__proto__` (a filter name, say). */
  readonly outputs: Record<string, string> = Object.create(null) as Record<string, string>;
  readonly exported: Record<string, string> = {};
  readonly paths: string[] = [];
  readonly state: Map<string, string>;
  summary = '';
  failed: string | undefined;
  private readonly secrets = new Set<string>();
  private readonly budget = new AnnotationBudget();
  private readonly write: (text: string) => void;
  private readonly inputs: Record<string, string>;

  constructor(options: CliRuntimeOptions) {
    this.env = options.env;
    this.write = options.write ?? ((text) => process.stderr.write(text));
    this.state = options.state ?? new Map();
    const evaluate = options.evaluateDefault ?? ((value: string) => (value.includes('${{') ? '' : value));
    const known = options.metadata.inputs;
    for (const name of Object.keys(options.inputs)) {
      if (!(name in known)) {
        throw new ConfigurationError(
          `Unknown input '--${name}' for 'gantry ${options.action}'. Known inputs: ${Object.keys(known).join(', ')}.`,
        );
      }
    }
    this.inputs = {};
    for (const [name, spec] of Object.entries(known)) {
      const given = options.inputs[name];
      const value = given ?? evaluate(spec.default ?? '');
      if (spec.required && value.trim() === '') {
        throw new ConfigurationError(
          `Input '${name}' is required: pass --${name} <value> (${spec.description.trim()}).`,
        );
      }
      this.inputs[name] = value;
    }
  }

  /** action.yml defaults may use the github context; the CLI knows only the token from the env. */
  redact(text: string): string {
    return maskSecrets(text, this.secrets);
  }

  getInput(name: string): string {
    return this.inputs[name] ?? '';
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }
  getState(name: string): string {
    return this.state.get(name) ?? '';
  }
  setSecret(value: string): void {
    for (const mask of secretMasks(value)) this.secrets.add(mask);
  }
  exportVariable(name: string, value: string): void {
    this.exported[name] = value;
  }
  addPath(dir: string): void {
    this.paths.push(dir);
  }
  info(message: string): void {
    this.write(`${this.redact(message)}\n`);
  }
  debug(message: string): void {
    if (this.isDebug()) this.write(`debug: ${this.redact(oneLine(this.redact(message)))}\n`);
  }
  isDebug(): boolean {
    return this.env.RUNNER_DEBUG === '1' || this.env.GANTRY_DEBUG === '1';
  }
  annotate(annotation: Annotation): void {
    if (!this.budget.admit(annotation)) return;
    const where = annotation.file
      ? ` (${annotation.file}${annotation.line ? `:${annotation.line}` : ''})`
      : '';
    this.write(`${annotation.level}${where}: ${this.redact(annotation.message)}\n`);
  }
  async appendSummary(markdown: string): Promise<void> {
    this.summary += markdown;
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.write(`▸ ${this.redact(oneLine(name))}\n`);
    return fn();
  }
  /**
   * Inside a job (the runner's ACTIONS_ID_TOKEN_REQUEST_* in the environment) the same request as
   * under the runner, through @actions/core; elsewhere there is no GitHub OIDC provider to ask.
   */
  async getIDToken(audience: string): Promise<string> {
    if (!this.env.ACTIONS_ID_TOKEN_REQUEST_URL || !this.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
      throw new ConfigurationError(
        "GitHub's OIDC token can be requested only inside a GitHub Actions job with 'permissions: id-token: write'.",
      );
    const { ActionsRuntime } = await import('./actions-runtime.js');
    const token = await new ActionsRuntime().getIDToken(audience);
    this.setSecret(token);
    return token;
  }
  setFailed(message: string): void {
    this.failed = this.redact(oneLine(this.redact(message)));
    this.write(`error: ${this.failed}\n`);
  }

  /** The outputs as printed by the CLI: one JSON object, secrets redacted. */
  outputsJson(): string {
    const redact = (text: string) => this.redact(text);
    return this.redact(JSON.stringify(redactDeep(this.outputs, redact), null, 2));
  }
}
