import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, errorMessage, isConfigurationError } from '../runtime/errors.js';
import { findSuiteRoot } from '../runtime/metadata.js';
import { DEFAULT_SUITE } from '../pins/audit.js';
import { resolveTag, validateTarget } from '../pins/set.js';
import { migrateReport, migrateRepository } from './migrate.js';

export const MIGRATE_USAGE = `Usage:
  gantry migrate [--write] [--cache-repository <registry>/<repository>] [--version vX.Y.Z]
                 [--sha SHA | --tag-only] [--suite owner/repo] [--suite-remote URL] [dir]
      Rewrites the steps of a repository's workflows and action.yml files that use
      dorny/paths-filter, hashicorp/vault-action, actions/cache (and cache/restore, cache/save),
      mikepenz/action-junit-report or dorny/test-reporter to Gantry's actions at a pinned version
      (owner/repo/actions/<name>@SHA # vX.Y.Z; the version defaults to this gantry's own), keeping
      every other byte. Dry run by default: a unified diff, then per step what changes in behaviour.
      actions/cache steps need --cache-repository (the registry repository that will hold the caches).
Exit codes: 0 every step migrated, 1 a step cannot be migrated safely (left as it is), 2 usage error.
`;

export interface MigrateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

const processIo: MigrateIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const VALUED = ['cache-repository', 'version', 'sha', 'suite', 'suite-remote'];
const SWITCHES = ['write', 'tag-only', 'help'];

/** `gantry migrate …`. */
export async function migrateCommand(args: string[], io: MigrateIo = processIo): Promise<number> {
  try {
    const flags = new Map<string, string>();
    const positional: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (!arg.startsWith('--') || arg === '--') {
        if (arg === '--') positional.push(...args.slice(i + 1));
        else positional.push(arg);
        if (arg === '--') break;
        continue;
      }
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (flags.has(name)) throw new ConfigurationError(`--${name} was given twice; give it once.`);
      if (SWITCHES.includes(name)) {
        if (eq !== -1) throw new ConfigurationError(`--${name} takes no value.`);
        flags.set(name, 'true');
      } else if (VALUED.includes(name)) {
        const value = eq !== -1 ? arg.slice(eq + 1) : args[i + 1]?.startsWith('--') ? undefined : args[++i];
        if (value === undefined || value === '') throw new ConfigurationError(`--${name} needs a value.`);
        flags.set(name, value);
      } else throw new ConfigurationError(`unknown option --${name}.\n\n${MIGRATE_USAGE}`);
    }
    if (flags.has('help')) {
      io.stdout(MIGRATE_USAGE);
      return 0;
    }
    if (positional.length > 1)
      throw new ConfigurationError(`migrate takes at most one directory; got ${positional.length}.`);
    if (flags.has('sha') && flags.has('tag-only'))
      throw new ConfigurationError('give either --sha or --tag-only, not both.');
    const cacheRepository = flags.get('cache-repository');
    if (cacheRepository !== undefined) checkCacheRepository(cacheRepository);
    let target = validateTarget({
      suite: flags.get('suite') ?? DEFAULT_SUITE,
      version: flags.get('version') ?? ownVersion(),
      sha: flags.get('sha'),
    });
    const dir = positional[0] ?? '.';
    if (!target.sha && !flags.has('tag-only')) {
      const { listRepoFiles } = await import('../pins/repo-files.js');
      const { root } = await listRepoFiles(dir, io.env);
      target = {
        ...target,
        sha: await resolveTag(root, target, { remote: flags.get('suite-remote'), env: io.env }),
      };
    }
    const write = flags.has('write');
    const result = await migrateRepository(dir, target, { cacheRepository, write, env: io.env });
    if (result.diffs.length) io.stdout(result.diffs.join(''));
    io.stdout(`${result.diffs.length ? '\n' : ''}${migrateReport(result, write)}`);
    return result.blocked ? 1 : 0;
  } catch (error) {
    if (!isConfigurationError(error)) throw error;
    io.stderr(`error: ${errorMessage(error)}\n`);
    return 2;
  }
}

/** A registry repository (an expression such as ${{ github.repository }} allowed), no tag or digest. */
function checkCacheRepository(value: string): void {
  const plain = value.replace(/\$\{\{[^}]*\}\}/g, 'x');
  if (
    !/^[a-z0-9.-]+(?::\d+)?\/[A-Za-z0-9._/-]+$/.test(plain) ||
    /[@:]/.test(plain.split('/').slice(1).join('/'))
  )
    throw ConfigurationError.forInput(
      '--cache-repository',
      value,
      'a registry repository without tag, such as ghcr.io/acme/app-cache or ghcr.io/<owner>/<repo>-cache (GitHub expressions allowed)',
    );
}

function ownVersion(): string {
  const pkg = JSON.parse(readFileSync(join(findSuiteRoot(), 'package.json'), 'utf8')) as { version: string };
  return `v${pkg.version}`;
}
