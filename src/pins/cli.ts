import { ConfigurationError, errorMessage, isConfigurationError } from '../runtime/errors.js';
import { audit, DEFAULT_SUITE } from './audit.js';
import { auditJson, auditTable, setReport } from './report.js';
import { setPins } from './set.js';

export interface PinsIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

const processIo: PinsIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export const PINS_USAGE = `Usage:
  gantry pins audit [--json] [--allow <glob>]… [--suite owner/repo] [dir…]
      Every uses: in workflows and action.yml files, how it is pinned, which are mutable and which
      refer to the suite; every Dockerfile image not pinned by digest. Exit 1 when a third-party
      reference is mutable, a suite reference is a branch or major tag, or an image is unpinned.
  gantry pins set --version vX.Y.Z [--sha SHA | --tag-only] [--only <template>]
                  [--suite owner/repo] [--suite-remote URL] dir
      Rewrites only the suite's references to owner/repo/...@SHA # vX.Y.Z (the tag's commit,
      resolved with git ls-remote unless --sha is given) or to @vX.Y.Z with --tag-only.
      Everything else in the files is kept byte for byte; each file is replaced atomically.
Exit codes: 0 ok, 1 audit findings, 2 usage or configuration error.
`;

interface ParsedArgs {
  flags: Map<string, string[]>;
  positional: string[];
}

function parseArgs(args: string[], valued: string[], switches: string[]): ParsedArgs {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value: string;
    if (switches.includes(name)) {
      if (eq !== -1) throw new ConfigurationError(`--${name} takes no value.`);
      value = 'true';
    } else if (valued.includes(name)) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < args.length) value = args[++i]!;
      else throw new ConfigurationError(`--${name} needs a value.`);
    } else throw new ConfigurationError(`unknown option --${name}.\n\n${PINS_USAGE}`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { flags, positional };
}

function single(flags: Map<string, string[]>, name: string): string | undefined {
  const values = flags.get(name);
  if (values && values.length > 1)
    throw new ConfigurationError(`--${name} was given ${values.length} times; give it once.`);
  return values?.[0];
}

/** `gantry pins <audit|set> …`. */
export async function runPins(args: string[], io: PinsIo = processIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'audit') {
      const { flags, positional } = parseArgs(rest, ['allow', 'suite'], ['json', 'help']);
      if (flags.has('help')) return help(io);
      const result = await audit(positional, {
        suite: single(flags, 'suite') ?? DEFAULT_SUITE,
        allow: flags.get('allow') ?? [],
        env: io.env,
      });
      io.stdout(flags.has('json') ? auditJson(result) : auditTable(result));
      return result.failing ? 1 : 0;
    }
    if (sub === 'set') {
      const { flags, positional } = parseArgs(
        rest,
        ['version', 'sha', 'only', 'suite', 'suite-remote'],
        ['tag-only', 'help'],
      );
      if (flags.has('help')) return help(io);
      const version = single(flags, 'version');
      if (version === undefined) throw new ConfigurationError('pins set needs --version vX.Y.Z.');
      if (positional.length !== 1)
        throw new ConfigurationError(
          `pins set takes exactly one directory (the service repository); got ${positional.length}.`,
        );
      const sha = single(flags, 'sha');
      if (sha !== undefined && flags.has('tag-only'))
        throw new ConfigurationError('give either --sha or --tag-only, not both.');
      const result = await setPins(
        positional[0]!,
        { suite: single(flags, 'suite') ?? DEFAULT_SUITE, version, sha, only: single(flags, 'only') },
        { remote: single(flags, 'suite-remote'), tagOnly: flags.has('tag-only'), env: io.env },
      );
      io.stdout(setReport(result, version));
      return 0;
    }
    if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
      io.stdout(PINS_USAGE);
      return sub === undefined ? 2 : 0;
    }
    throw new ConfigurationError(`unknown pins command ${JSON.stringify(sub)}.\n\n${PINS_USAGE}`);
  } catch (error) {
    if (!isConfigurationError(error)) throw error;
    io.stderr(`error: ${errorMessage(error)}\n`);
    return 2;
  }
}

function help(io: PinsIo): number {
  io.stdout(PINS_USAGE);
  return 0;
}
