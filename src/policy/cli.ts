import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HttpClient } from '../net/index.js';
import {
  dockerConfigCredentials,
  InvalidReferenceError,
  LayoutRepository,
  openRepository,
  parseReference,
  RegistryClient,
} from '../oci/index.js';
import { gateFromPolicy } from '../promote/config.js';
import { gateEvidence, readRecords } from '../promote/promote.js';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import * as files from './file.js';
import { evaluateGate, loadGate } from './gate.js';

const USAGE = `Usage:
  gantry policy test --policy <file> --corpus <dir> [--environment <name> …] [--now <date>]
      Evaluates each environment of the policy against <dir>/<environment>/good/* and bad/*: OCI
      layouts whose image is tagged 'image'. Every good one must pass and every bad one must fail.
  gantry policy log <image> [--insecure-registry host:port …]
      Lists every policy evaluation recorded in the promotion records attached to the image's digest.
`;

/** `gantry policy …`: policies tested before they are enforced, and the log of what they decided. */
export async function policyCommand(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  out: (text: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'test') return await policyTest(flags(rest), out);
    if (sub === 'log') return await policyLog(rest, env, out);
    out(USAGE);
    return sub === '--help' || sub === 'help' ? 0 : 2;
  } catch (error) {
    process.stderr.write(`error: ${errorMessage(error)}\n`);
    return 1;
  }
}

function flags(args: string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || i + 1 >= args.length)
      throw new ConfigurationError(`Unexpected argument ${JSON.stringify(arg)}.\n${USAGE}`);
    const name = arg.slice(2);
    found[name] = [...(found[name] ?? []), args[++i]!];
  }
  return found;
}

function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => statSync(join(dir, name)).isDirectory())
      .sort();
  } catch {
    return [];
  }
}

async function policyTest(options: Record<string, string[]>, out: (text: string) => void): Promise<number> {
  const file = options.policy?.[0];
  const corpus = options.corpus?.[0];
  if (!file || !corpus)
    throw new ConfigurationError(`gantry policy test needs --policy and --corpus.\n${USAGE}`);
  const environments = options.environment ?? subdirs(corpus);
  if (environments.length === 0) throw new ConfigurationError(`${corpus} has no environment directories.`);
  const now = options.now?.[0] ? Date.parse(options.now[0]) : Date.now();
  if (!Number.isFinite(now))
    throw new ConfigurationError(`--now ${options.now?.[0]}: expected a date such as 2026-12-01T00:00:00Z.`);
  const rows: string[] = [];
  let wrong = 0;
  let cases = 0;
  for (const environment of environments) {
    const gate = loadGate(gateFromPolicy(file, environment, (path) => readFileSync(path, 'utf8'), files));
    for (const expected of ['good', 'bad'] as const) {
      for (const name of subdirs(join(corpus, environment, expected))) {
        cases++;
        const repo = LayoutRepository.open(join(corpus, environment, expected, name));
        const top = await repo.getManifest('image');
        const warnings: string[] = [];
        const evaluations = await evaluateGate(
          gate,
          top.descriptor.digest,
          top.bytes,
          await gateEvidence(repo, top, (w) => warnings.push(w)),
          now,
        );
        const passed = evaluations.every((e) => e.outcome !== 'fail');
        const ok = passed === (expected === 'good');
        if (!ok) wrong++;
        const failed = evaluations.filter((e) => e.outcome === 'fail');
        rows.push(
          `${ok ? 'ok  ' : 'FAIL'} ${environment}/${expected}/${name}: ${passed ? 'passes' : 'refused'}${failed.length ? ` (${failed.map((e) => `${e.rule}: expected ${e.expected}; found ${e.found}`).join('; ')})` : ''}`,
        );
      }
    }
  }
  if (cases === 0)
    throw new ConfigurationError(`${corpus}: no cases under <environment>/good or <environment>/bad.`);
  out(`${rows.join('\n')}\n${cases - wrong}/${cases} as expected\n`);
  return wrong === 0 ? 0 : 1;
}

async function policyLog(
  args: string[],
  env: Readonly<Record<string, string | undefined>>,
  out: (text: string) => void,
): Promise<number> {
  const [image, ...rest] = args;
  if (!image) throw new ConfigurationError(`gantry policy log needs an image reference.\n${USAGE}`);
  const options = flags(rest);
  let ref: ReturnType<typeof parseReference>;
  try {
    ref = parseReference(image);
  } catch (error) {
    if (error instanceof InvalidReferenceError)
      throw new ConfigurationError(`${image} is not an image reference (${error.reason}).`);
    throw error;
  }
  const client = new RegistryClient({
    http: new HttpClient({}),
    credentials: dockerConfigCredentials(env),
    insecureRegistries: options['insecure-registry'] ?? [],
  });
  const repo = openRepository(ref, client);
  const descriptor = await repo.resolve(ref.digest ?? ref.tag ?? 'latest');
  if (!descriptor) throw new ConfigurationError(`${image}: no such manifest in ${repo.display}.`);
  const records = await readRecords(repo, descriptor.digest, (w) => process.stderr.write(`warning: ${w}\n`));
  const lines = [`${image} is ${descriptor.digest}: ${records.length} promotion record(s)`];
  for (const record of [...records].reverse()) {
    const where = record.destinations.map((d) => d.reference).join(', ');
    lines.push(
      `${record.time} ${record.kind} to ${where} by ${record.actor || '?'} (${record.workflowRun || 'no run'})`,
    );
    if (!record.evaluations?.length) lines.push('  no policy rules evaluated');
    for (const e of record.evaluations ?? [])
      lines.push(
        `  ${e.outcome.toUpperCase()} ${e.rule}: expected ${e.expected}; found ${e.found}; evidence ${e.evidence.join(', ') || 'none'}${(e.waivers ?? []).map((w) => `; waived ${w.id} in ${w.package} by ${w.owner} until ${w.expires}`).join('')}`,
      );
  }
  out(`${lines.join('\n')}\n`);
  return 0;
}
