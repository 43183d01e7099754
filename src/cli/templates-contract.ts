import { resolve } from 'node:path';
import { Git } from '../git/index.js';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import {
  breakingAllowed,
  type ContractReport,
  contractBetween,
  previousRelease,
} from '../templates/contract.js';
import { escapeMarkdown, markdownTable } from '../runtime/text.js';

export const CONTRACT_USAGE = `Usage: gantry templates contract [--from <git ref>] [--to <git ref>] [--release vX.Y.Z] [--repo dir] [--json]

Compares the interface (inputs, outputs) and the gates (tests, quarantine, promote's checks, the
secret revoke) of every action and template between two versions read from git. Exit 1 when a
change is breaking and not allowed: without --release never; with --release vX.Y.Z only a major
bump (a minor one below v1.0.0) may break. --from defaults to the highest release tag below
--release; --to defaults to HEAD.`;

export interface ContractArgs {
  from?: string;
  to: string;
  release?: string;
  repo: string;
  json: boolean;
}

export function parseContractArgs(args: string[], cwd = process.cwd()): ContractArgs {
  const parsed: ContractArgs = { to: 'HEAD', repo: cwd, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new ConfigurationError(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--from') parsed.from = value();
    else if (arg === '--to') parsed.to = value();
    else if (arg === '--release') parsed.release = value();
    else if (arg === '--repo') parsed.repo = resolve(cwd, value());
    else if (arg === '--json') parsed.json = true;
    else throw new ConfigurationError(`Unexpected argument ${JSON.stringify(arg)}.\n${CONTRACT_USAGE}`);
  }
  for (const ref of [parsed.from, parsed.to])
    if (ref?.startsWith('-')) throw new ConfigurationError(`Not a git ref: ${JSON.stringify(ref)}.`);
  if (!parsed.from && !parsed.release)
    throw new ConfigurationError(`Give --from or --release.\n${CONTRACT_USAGE}`);
  return parsed;
}

export function contractTable(report: ContractReport): string {
  if (!report.changes.length) return `No interface or gate change between ${report.from} and ${report.to}.\n`;
  const rows = report.changes.map((c) => [
    escapeMarkdown(c.action),
    c.kind,
    escapeMarkdown(c.name),
    c.breaking ? '**breaking**' : 'compatible',
    escapeMarkdown(c.detail),
  ]);
  return markdownTable(['action', 'change', 'name', 'class', 'detail'], rows);
}

export async function contractCommand(args: string[]): Promise<number> {
  let options: ContractArgs;
  try {
    options = parseContractArgs(args);
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n`);
    return 2;
  }
  try {
    const git = new Git(options.repo);
    const from = options.from ?? (await previousRelease(git, options.release!));
    if (!from) {
      process.stdout.write(
        `No release tag below ${options.release}: nothing to compare with, no contract to keep.\n`,
      );
      return 0;
    }
    const report = await contractBetween(git, from, options.to);
    const verdict = options.release ? breakingAllowed(from, options.release) : undefined;
    const refused = report.breaking && !verdict?.allowed;
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ ...report, release: options.release, bump: verdict?.bump, refused }, null, 2)}\n`,
      );
    } else {
      process.stdout.write(
        `Contract ${from} → ${options.to}${options.release ? ` (release ${options.release}, a ${verdict!.bump} bump)` : ''}\n\n`,
      );
      process.stdout.write(contractTable(report));
      if (refused && options.release)
        process.stdout.write(
          `\n::error title=contract::${options.release} is a ${verdict!.bump} release of ${from} but breaks the contract (${report.changes.filter((c) => c.breaking).length} breaking change(s)); release it as a major version or restore the interface and gates.\n`,
        );
      else if (refused) process.stdout.write('\nBreaking changes found.\n');
      else if (report.breaking)
        process.stdout.write(`\nBreaking changes, allowed by the ${verdict!.bump} bump.\n`);
    }
    return refused ? 1 : 0;
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n`);
    return 2;
  }
}
