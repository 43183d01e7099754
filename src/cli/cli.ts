import { evaluateActionCondition, evaluateDefault } from '../local-runner/expressions.js';
import { CliRuntime } from '../runtime/cli-runtime.js';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import { loadActionMetadata } from '../runtime/metadata.js';
import { runStep } from '../runtime/step.js';
import { CLI_ACTIONS, SUITE_COMMANDS } from './registry.js';

/** `gantry <action> --<input> value …`: the runner's contract, reproduced on a laptop. */
export async function cli(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage());
    return command ? 0 : 1;
  }
  // `gantry pipeline-diff --base/--head` and `--from/--to` compare fingerprints without a run.
  if (command === 'pipeline-diff' && rest.some((a) => /^--(?:base|head|from|to)(?:=|$)/.test(a)))
    return (await import('../pipeline-diff/cli.js')).pipelineDiffCommand(rest, env);
  const suite = SUITE_COMMANDS.find((c) => c.name === command);
  if (suite) return suite.run(rest, env);
  const action = CLI_ACTIONS.find((a) => a.name === command);
  if (!action) {
    process.stderr.write(`gantry: unknown command '${command}'.\n\n${usage()}`);
    return 2;
  }
  const metadata = loadActionMetadata(action.dir ?? action.name);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(actionHelp(action.name, metadata));
    return 0;
  }
  let runtime: CliRuntime;
  try {
    runtime = new CliRuntime({
      action: action.name,
      metadata,
      inputs: parseInputArgs(rest),
      env,
      evaluateDefault: (value) => evaluateDefault(value, { GITHUB_WORKSPACE: process.cwd(), ...env }),
    });
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n`);
    return 1;
  }
  let ok = await runStep(action.name, 'main', await action.main(), { runtime });
  if (action.post) {
    if (evaluateActionCondition(metadata.runs['post-if'], { failed: !ok, cancelled: false }, env)) {
      ok = (await runStep(action.name, 'post', await action.post(), { runtime })) && ok;
    }
  }
  if (runtime.summary) process.stderr.write(`\n${runtime.redact(runtime.summary)}\n`);
  process.stdout.write(`${runtime.outputsJson()}\n`);
  return ok ? 0 : 1;
}

/** `--name value`, `--name=value`; a repeated input is joined with newlines (multi-line inputs). */
export function parseInputArgs(args: string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--'))
      throw new ConfigurationError(
        `Unexpected argument ${JSON.stringify(arg)}: inputs are given as --<input> <value>.`,
      );
    let name = arg.slice(2);
    let value: string;
    const eq = name.indexOf('=');
    if (eq !== -1) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    } else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) {
      value = args[++i]!;
    } else {
      value = 'true';
    }
    inputs[name] = name in inputs ? `${inputs[name]}\n${value}` : value;
  }
  return inputs;
}

function usage(): string {
  const lines = [
    'Usage: gantry <action> [--<input> <value> …]',
    '       gantry <action> --help',
    '',
    'Actions:',
  ];
  for (const action of CLI_ACTIONS) {
    let description = '';
    try {
      description =
        loadActionMetadata(action.dir ?? action.name)
          .description.trim()
          .split('\n')[0] ?? '';
    } catch {
      // a broken action.yml shows up when that action runs
    }
    lines.push(`  ${action.name.padEnd(16)}${description}`);
  }
  if (SUITE_COMMANDS.length) {
    lines.push('', 'Suite commands:');
    for (const command of SUITE_COMMANDS) lines.push(`  ${command.name.padEnd(16)}${command.summary}`);
  }
  return `${lines.join('\n')}\n`;
}

function actionHelp(name: string, metadata: ReturnType<typeof loadActionMetadata>): string {
  const lines = [`gantry ${name}: ${metadata.description.trim()}`, '', 'Inputs:'];
  for (const [input, spec] of Object.entries(metadata.inputs)) {
    const extra = [
      spec.required ? 'required' : '',
      spec.default !== undefined && spec.default !== '' ? `default: ${spec.default}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(`  --${input}${extra ? ` (${extra})` : ''}`);
    for (const line of spec.description.trim().split('\n')) lines.push(`      ${line}`);
  }
  lines.push('', 'Outputs (printed as JSON):');
  for (const [output, spec] of Object.entries(metadata.outputs))
    lines.push(
      `  ${output}: ${
        String(spec.description ?? '')
          .trim()
          .split('\n')[0]
      }`,
    );
  return `${lines.join('\n')}\n`;
}
