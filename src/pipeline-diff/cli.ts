import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { Git, GitError } from '../git/index.js';
import { HttpClient } from '../net/index.js';
import { credentialChain, dockerConfigCredentials, RegistryClient } from '../oci/index.js';
import { ConfigurationError, errorMessage, isConfigurationError } from '../runtime/errors.js';
import { codeChange } from './code.js';
import { diffRecords } from './diff.js';
import { fingerprint } from './fingerprint.js';
import { type PipelineRecord, validRecord } from './record.js';
import { lsRemoteResolver, registryResolver } from './resolve.js';
import { renderSummary } from './summary.js';
import { CommitTree } from './tree.js';

export const PIPELINE_DIFF_USAGE = `Usage:
  gantry pipeline-diff --base <commit> --head <commit> [--json] [--diff-file f] [--no-resolve]
      Builds both fingerprints from git alone (workflows and the composites they reach, uses:
      resolved with git ls-remote, lockfiles, Dockerfile and job images resolved to digests now)
      in the repository of the current directory, and prints what changed.
  gantry pipeline-diff --from a.json --to b.json [--json] [--diff-file f]
      Diffs two records (as the action stores them, gzipped or not).
  gantry pipeline-diff --mode record|diff --history dir --history-dir d …
      Runs the action itself, as in a workflow.
Exit codes: 0 ok, 2 usage or configuration error.
`;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const VALUED = ['base', 'head', 'from', 'to', 'diff-file', 'insecure-registries'];
const SWITCHES = ['json', 'no-resolve'];

function parseArgs(args: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new ConfigurationError(`unexpected argument ${JSON.stringify(arg)}.`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (SWITCHES.includes(name)) flags.set(name, 'true');
    else if (VALUED.includes(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new ConfigurationError(`--${name} needs a value.`);
      if (flags.has(name)) throw new ConfigurationError(`--${name} is given twice.`);
      flags.set(name, value);
    } else throw new ConfigurationError(`unknown option --${name}.`);
  }
  return flags;
}

/** `gantry pipeline-diff --base/--head` or `--from/--to`. */
export async function pipelineDiffCommand(
  args: string[],
  env: Readonly<Record<string, string | undefined>>,
  io: Io = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  },
): Promise<number> {
  try {
    const flags = parseArgs(args);
    const pair = (a: string, b: string) => flags.has(a) || flags.has(b);
    if (pair('base', 'head') === pair('from', 'to'))
      throw new ConfigurationError('give either --base and --head, or --from and --to.');
    let base: PipelineRecord;
    let head: PipelineRecord;
    let code: Awaited<ReturnType<typeof codeChange>> | undefined;
    if (pair('from', 'to')) {
      if (!flags.has('from') || !flags.has('to'))
        throw new ConfigurationError('--from and --to go together.');
      base = await readRecordFile('from', flags.get('from')!);
      head = await readRecordFile('to', flags.get('to')!);
    } else {
      if (!flags.has('base') || !flags.has('head'))
        throw new ConfigurationError('--base and --head go together.');
      const git = new Git(io.cwd, env);
      const resolve = flags.get('no-resolve') !== 'true';
      const client = new RegistryClient({
        http: new HttpClient({ proxyEnv: env }),
        credentials: credentialChain({}, dockerConfigCredentials(env)),
        insecureRegistries: (flags.get('insecure-registries') ?? '').split(/[\s,]+/).filter(Boolean),
      });
      const options = {
        resolveUses: resolve
          ? lsRemoteResolver(git, env.GITHUB_SERVER_URL || 'https://github.com')
          : undefined,
        resolveImage: resolve ? registryResolver(client) : undefined,
      };
      const baseSha = await commitOf(git, 'base', flags.get('base')!);
      const headSha = await commitOf(git, 'head', flags.get('head')!);
      base = await recordOf(git, baseSha, options);
      head = await recordOf(git, headSha, options);
      code = await codeChange(git, baseSha, headSha);
    }
    const diff = diffRecords(base, head, code);
    if (flags.has('diff-file'))
      await writeFile(flags.get('diff-file')!, `${JSON.stringify(diff, null, 1)}\n`);
    io.stdout(
      flags.get('json') === 'true'
        ? `${JSON.stringify(diff, null, 1)}\n`
        : renderSummary(diff, Date.now(), []),
    );
    return 0;
  } catch (error) {
    io.stderr(
      `error: ${errorMessage(error)}\n${isConfigurationError(error) ? `\n${PIPELINE_DIFF_USAGE}` : ''}`,
    );
    return isConfigurationError(error) ? 2 : 1;
  }
}

async function readRecordFile(flag: string, path: string): Promise<PipelineRecord> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ConfigurationError(
      `--${flag} ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  let record: PipelineRecord | undefined;
  try {
    const text =
      bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    record = validRecord(JSON.parse(text));
  } catch {
    record = undefined;
  }
  if (!record)
    throw new ConfigurationError(
      `--${flag} ${path}: not a pipeline-diff record (JSON or gzipped JSON with kind gantry-pipeline-record, v 1).`,
    );
  return record;
}

async function commitOf(git: Git, flag: string, rev: string): Promise<string> {
  if (rev.startsWith('-') || /[\s\0]/.test(rev))
    throw new ConfigurationError(`--${flag} ${JSON.stringify(rev)}: expected a commit (SHA, branch or tag).`);
  try {
    return await git.text(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`]);
  } catch (error) {
    if (error instanceof GitError || (error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ConfigurationError(
        `--${flag} ${JSON.stringify(rev)}: not a commit of the repository in ${git.cwd} (fetch it first?).`,
      );
    throw error;
  }
}

async function recordOf(
  git: Git,
  sha: string,
  options: Parameters<typeof fingerprint>[1],
): Promise<PipelineRecord> {
  const time = Number(await git.text(['show', '-s', '--format=%ct', sha])) * 1000;
  const found = await fingerprint(await CommitTree.open(git, sha), options);
  return {
    v: 1,
    branch: '',
    run: sha.slice(0, 12),
    attempt: 1,
    time,
    sha,
    ref: '',
    event: 'cli',
    repository: '',
    workflow: '',
    url: '',
    files: found.files,
    uses: found.uses,
    lockfiles: found.lockfiles,
    images: found.images,
    runner: {},
    toolchain: {},
    config: { env: {}, vars: {} },
    notes: found.notes,
  };
}
