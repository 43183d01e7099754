import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runComposite, runnerEnvironment } from '../local-runner/index.js';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import { findSuiteRoot } from '../runtime/metadata.js';
import { markdownTable } from '../runtime/text.js';
import { awaitChecksCommand, CHECKS_USAGE, checkRecordCommand } from './templates-checks.js';
import { CONTRACT_USAGE, contractCommand } from './templates-contract.js';
import { ROLLOUT_USAGE, rolloutCommand } from './templates-rollout.js';
import { VERIFY_USAGE, verifyCommand } from './templates-verify.js';

const USAGE = `Usage: gantry templates contract --from <ref> --to <ref> [--release vX.Y.Z]   (--help for more)
       gantry templates verify --consumers <file> [--suite dir]                  (--help for more)
       gantry templates await-checks|check-record …                                  (--help for more)
       gantry templates rollout --release owner/name@<sha> --version vX.Y.Z --consumers <file>  (--help for more)
       gantry templates run <template-dir> [--input name=value …] [--event payload.json] [--event-name push]
                           [--stub owner/action=outputs.json …] [--workspace dir] [--env NAME=value …] [--json]

Runs a composite template step by step the way the runner does. The suite's own actions run from
their bundles; a third-party action runs only as a stub you supply, and is listed as stubbed.`;

export interface TemplatesRunArgs {
  templateDir: string;
  inputs: Record<string, string>;
  eventFile?: string;
  eventName: string;
  stubs: Record<string, Record<string, string>>;
  workspace: string;
  env: Record<string, string>;
  json: boolean;
}

export function parseTemplatesRunArgs(args: string[], cwd = process.cwd()): TemplatesRunArgs {
  const parsed: TemplatesRunArgs = {
    templateDir: '',
    inputs: {},
    eventName: 'push',
    stubs: {},
    workspace: cwd,
    env: {},
    json: false,
  };
  const pair = (flag: string, value: string | undefined): [string, string] => {
    const eq = value?.indexOf('=') ?? -1;
    if (!value || eq <= 0)
      throw new ConfigurationError(`${flag} expects name=value; got ${JSON.stringify(value ?? '')}.`);
    return [value.slice(0, eq), value.slice(eq + 1)];
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = () => args[++i];
    if (arg === '--input') {
      const [k, v] = pair('--input', next());
      parsed.inputs[k] = k in parsed.inputs ? `${parsed.inputs[k]}\n${v}` : v;
    } else if (arg === '--env') {
      const [k, v] = pair('--env', next());
      parsed.env[k] = v;
    } else if (arg === '--stub') {
      const [k, file] = pair('--stub', next());
      let outputs: unknown;
      try {
        outputs = JSON.parse(readFileSync(resolve(cwd, file), 'utf8'));
      } catch (error) {
        throw new ConfigurationError(`--stub ${k}: cannot read ${file} as JSON (${errorMessage(error)}).`);
      }
      if (!outputs || typeof outputs !== 'object' || Array.isArray(outputs))
        throw new ConfigurationError(`--stub ${k}: ${file} must hold a JSON object of outputs.`);
      parsed.stubs[k] = Object.fromEntries(
        Object.entries(outputs).map(([key, value]) => [
          key,
          typeof value === 'string' ? value : JSON.stringify(value),
        ]),
      );
    } else if (arg === '--event') parsed.eventFile = resolve(cwd, next() ?? '');
    else if (arg === '--event-name') parsed.eventName = next() ?? '';
    else if (arg === '--workspace') parsed.workspace = resolve(cwd, next() ?? '');
    else if (arg === '--json') parsed.json = true;
    else if (!arg.startsWith('--') && !parsed.templateDir) parsed.templateDir = resolve(cwd, arg);
    else throw new ConfigurationError(`Unexpected argument ${JSON.stringify(arg)}.\n${USAGE}`);
  }
  if (!parsed.templateDir) throw new ConfigurationError(`Give the template directory.\n${USAGE}`);
  return parsed;
}

/** A push event for the workspace's HEAD when the user gives none. */
function generatedEvent(workspace: string): {
  payload: Record<string, unknown>;
  env: Record<string, string>;
} {
  const git = (...a: string[]) => {
    try {
      return execFileSync('git', ['-C', workspace, ...a], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return '';
    }
  };
  const after = git('rev-parse', 'HEAD');
  const before = git('rev-parse', 'HEAD^') || '0'.repeat(40);
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD') || 'main';
  return {
    payload: {
      ref: `refs/heads/${branch}`,
      before,
      after,
      repository: { default_branch: 'main', full_name: 'acme/service' },
      created: false,
      deleted: false,
      forced: false,
    },
    env: after
      ? {
          GITHUB_SHA: after,
          GITHUB_REF: `refs/heads/${branch}`,
          GITHUB_REF_NAME: branch,
          GITHUB_REF_TYPE: 'branch',
        }
      : {},
  };
}

export async function templatesCommand(args: string[]): Promise<number> {
  if (args[0] === 'contract') {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${CONTRACT_USAGE}\n`);
      return 0;
    }
    return contractCommand(args.slice(1));
  }
  if (args[0] === 'await-checks' || args[0] === 'check-record') {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${CHECKS_USAGE}\n`);
      return 0;
    }
    return args[0] === 'await-checks' ? awaitChecksCommand(args.slice(1)) : checkRecordCommand(args.slice(1));
  }
  if (args[0] === 'rollout') {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${ROLLOUT_USAGE}\n`);
      return 0;
    }
    return rolloutCommand(args.slice(1));
  }
  if (args[0] === 'verify') {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${VERIFY_USAGE}\n`);
      return 0;
    }
    return verifyCommand(args.slice(1));
  }
  if (args[0] !== 'run' || args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return args[0] === 'run' || args.includes('--help') ? 0 : 2;
  }
  let options: TemplatesRunArgs;
  try {
    options = parseTemplatesRunArgs(args.slice(1));
    if (!existsSync(options.workspace))
      throw new ConfigurationError(`--workspace ${options.workspace} does not exist.`);
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n`);
    return 2;
  }
  const generated = generatedEvent(options.workspace);
  const payload = options.eventFile
    ? (JSON.parse(readFileSync(options.eventFile, 'utf8')) as Record<string, unknown>)
    : generated.payload;
  const runnerTemp = mkdtempSync(join(tmpdir(), 'gantry-template-'));
  const event = { name: options.eventName, payload };
  const env = runnerEnvironment({
    runnerTemp,
    workspace: options.workspace,
    event,
    env: { ...generated.env, ...options.env },
  });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    log(`▸ ${options.templateDir}`);
    const report = await runComposite({
      templateDir: options.templateDir,
      inputs: options.inputs,
      env,
      event,
      workspace: options.workspace,
      runnerTemp,
      suiteRoot: findSuiteRoot(),
      stubs: options.stubs,
      log,
    });
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ ok: report.ok, outputs: report.outputs, stubbed: report.stubbed, steps: report.steps.map(({ summary: _s, ...rest }) => rest) }, null, 2)}\n`,
      );
    } else {
      const rows = report.steps.map((s) => [s.name, s.kind, s.outcome, `${s.durationMs} ms`]);
      process.stdout.write(`\n${markdownTable(['step', 'kind', 'outcome', 'duration'], rows)}`);
      process.stdout.write(`\nTemplate outputs:\n${JSON.stringify(report.outputs, null, 2)}\n`);
      if (report.stubbed.length) process.stdout.write(`\nStubbed (not run): ${report.stubbed.join(', ')}\n`);
      process.stdout.write(`\n${report.ok ? 'The template succeeded.' : 'The template FAILED.'}\n`);
    }
    return report.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n`);
    return 2;
  }
}
