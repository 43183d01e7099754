import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import { findSuiteRoot } from '../runtime/metadata.js';
import { escapeMarkdown, markdownTable } from '../runtime/text.js';
import { type ConsumerReport, consumerOk, readConsumersFile, verifyConsumers } from '../templates/verify.js';

export const VERIFY_USAGE = `Usage: gantry templates verify --consumers <file> [--suite <dir>] [--suite-repo owner/name]
                               [--stub owner/action=outputs.json …] [--no-run] [--json]

Checks a new version of the suite (the checkout at --suite, default this CLI's own) against its
consumers: the file lists local checkouts of service repositories, one per line (relative to the
file; # comments). For each, every step that uses the suite's actions or templates is checked
(with: keys, required inputs, steps.<id>.outputs.* reads), and every job that uses a template runs
in the local runner at the new version, third-party actions stubbed (with the outputs of --stub,
or none) and listed. A consumer that cannot be read is reported; the others still run.
Exit 0 when every consumer passes, 1 when one does not, 2 on a usage error.`;

interface VerifyArgs {
  consumers: string;
  suiteRoot?: string;
  suite?: string;
  stubs: Record<string, Record<string, string>>;
  run: boolean;
  json: boolean;
}

function parseVerifyArgs(args: string[], cwd = process.cwd()): VerifyArgs {
  const parsed: VerifyArgs = { consumers: '', stubs: {}, run: true, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new ConfigurationError(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--consumers') parsed.consumers = resolve(cwd, value());
    else if (arg === '--suite') parsed.suiteRoot = resolve(cwd, value());
    else if (arg === '--suite-repo') parsed.suite = value();
    else if (arg === '--no-run') parsed.run = false;
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--stub') {
      const pair = value();
      const eq = pair.indexOf('=');
      if (eq <= 0)
        throw new ConfigurationError(
          `--stub expects owner/action=outputs.json; got ${JSON.stringify(pair)}.`,
        );
      let outputs: unknown;
      try {
        outputs = JSON.parse(readFileSync(resolve(cwd, pair.slice(eq + 1)), 'utf8'));
      } catch (error) {
        throw new ConfigurationError(`--stub ${pair}: cannot read it as JSON (${errorMessage(error)}).`);
      }
      if (!outputs || typeof outputs !== 'object' || Array.isArray(outputs))
        throw new ConfigurationError(`--stub ${pair}: the file must hold a JSON object of outputs.`);
      parsed.stubs[pair.slice(0, eq)] = Object.fromEntries(
        Object.entries(outputs).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      );
    } else throw new ConfigurationError(`Unexpected argument ${JSON.stringify(arg)}.\n${VERIFY_USAGE}`);
  }
  if (!parsed.consumers) throw new ConfigurationError(`Give --consumers <file>.\n${VERIFY_USAGE}`);
  return parsed;
}

const cell = (text: string) => escapeMarkdown(text);

export function consumerTables(report: ConsumerReport): string {
  const ok = consumerOk(report);
  let out = `## ${cell(report.consumer)}: ${ok ? 'passes' : 'FAILS'}\n\n`;
  if (report.unreadable) return `${out}Unreadable: ${cell(report.unreadable)}\n\n`;
  if (!report.references.length) out += 'No reference to the suite.\n\n';
  else
    out += `${markdownTable(
      ['file', 'job', 'step', 'uses', 'interface'],
      report.references.map((r) => [
        cell(r.file),
        cell(r.job),
        cell(r.step),
        cell(r.uses),
        r.problems.length ? `**${cell(r.problems.join('; '))}**` : 'ok',
      ]),
    )}\n`;
  if (report.runs.length)
    out += `${markdownTable(
      ['file', 'job', 'run at the new version', 'stubbed (not run)'],
      report.runs.map((r) => [
        cell(r.file),
        cell(r.job),
        r.error
          ? `**error: ${cell(r.error)}**`
          : r.ok
            ? 'passed'
            : `**failed: ${cell(r.failed.join('; '))}**`,
        cell(r.stubbed.join(', ') || '—'),
      ]),
    )}\n`;
  return out;
}

export async function verifyCommand(args: string[]): Promise<number> {
  let options: VerifyArgs;
  let consumers: string[];
  try {
    options = parseVerifyArgs(args);
    try {
      consumers = readConsumersFile(options.consumers);
    } catch (error) {
      throw new ConfigurationError(
        `--consumers ${options.consumers}: cannot read it (${errorMessage(error)}).`,
      );
    }
    if (!consumers.length)
      throw new ConfigurationError(`--consumers ${options.consumers} lists no repository.`);
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n`);
    return 2;
  }
  const reports = await verifyConsumers(consumers, {
    suiteRoot: options.suiteRoot ?? findSuiteRoot(),
    suite: options.suite,
    run: options.run,
    stubs: options.stubs,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (options.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else for (const report of reports) process.stdout.write(consumerTables(report));
  const failing = reports.filter((r) => !consumerOk(r)).length;
  if (!options.json)
    process.stdout.write(
      failing
        ? `${failing} of ${reports.length} consumer(s) FAIL.\n`
        : `All ${reports.length} consumer(s) pass.\n`,
    );
  return failing ? 1 : 0;
}
