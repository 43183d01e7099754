import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Real lockfiles at the two commits of an upgrade (../shared/corpus/lockfiles: SOURCES.md, EXPECTED.md). */
export const CORPUS = process.env.GANTRY_LOCKFILE_CORPUS ?? '/work/shared/corpus/lockfiles';

export function corpusFile(path: string): string {
  return readFileSync(join(CORPUS, path), 'utf8');
}

export interface CorpusPair {
  ecosystem: string;
  before: string;
  after: string;
  /** Path of the lockfile inside the repository (the name parseLockfile sees). */
  file: string;
}

export const PAIRS: CorpusPair[] = [
  {
    ecosystem: 'npm',
    before: 'npm/checkout-b6849436',
    after: 'npm/checkout-db0cee9a',
    file: 'package-lock.json',
  },
  {
    ecosystem: 'yarn-classic',
    before: 'yarn-classic/webpack-51b8f339',
    after: 'yarn-classic/webpack-6c843b6f',
    file: 'yarn.lock',
  },
  {
    ecosystem: 'yarn-berry',
    before: 'yarn-berry/prettier-9308a1ea',
    after: 'yarn-berry/prettier-f33bc684',
    file: 'yarn.lock',
  },
  { ecosystem: 'pnpm', before: 'pnpm/core-733f63a0', after: 'pnpm/core-e3713c04', file: 'pnpm-lock.yaml' },
  { ecosystem: 'go', before: 'go/cli-22c1da07', after: 'go/cli-fbdf0ccb', file: 'go.sum' },
  { ecosystem: 'go', before: 'go/cli-22c1da07', after: 'go/cli-fbdf0ccb', file: 'go.mod' },
  { ecosystem: 'cargo', before: 'cargo/bat-7cb21264', after: 'cargo/bat-1cf12d49', file: 'Cargo.lock' },
  {
    ecosystem: 'poetry',
    before: 'poetry/poetry-f3d239ba',
    after: 'poetry/poetry-4a8031f6',
    file: 'poetry.lock',
  },
  { ecosystem: 'uv', before: 'uv/pydantic-4ed89038', after: 'uv/pydantic-ec9962dc', file: 'uv.lock' },
  {
    ecosystem: 'bundler',
    before: 'bundler/brew-f90fce5d',
    after: 'bundler/brew-6342554b',
    file: 'Library/Homebrew/Gemfile.lock',
  },
];

export interface ExpectedFile {
  namesBefore: number;
  namesAfter: number;
  added: number;
  removed: number;
  changed: number;
  /** name → [versions before, versions after] as EXPECTED.md lists them ("verified by diff"). */
  items: Map<string, [string[], string[]]>;
}

/**
 * EXPECTED.md's "Verified by diff" lines for one ecosystem section and file:
 * `- \`file\`: N → M distinct package names; a added, r removed, c changed.` and the
 * `added:` / `removed:` / `changed:` lists under it.
 */
export function expectedFor(ecosystem: string, file: string): ExpectedFile {
  const doc = readFileSync(join(CORPUS, 'EXPECTED.md'), 'utf8').replaceAll('\r\n', '\n');
  const start = doc.indexOf(`\n## ${ecosystem}:`);
  if (start === -1) throw new Error(`EXPECTED.md has no "## ${ecosystem}:" section`);
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end === -1 ? undefined : end);
  const lines = section.split('\n');
  const head = lines.findIndex((l) => l.startsWith(`- \`${file}\`:`));
  if (head === -1) throw new Error(`EXPECTED.md ${ecosystem} lists no \`${file}\``);
  const m = /(\d+) → (\d+) distinct package names; (\d+) added, (\d+) removed, (\d+) changed/.exec(
    lines[head]!,
  );
  if (!m) throw new Error(`EXPECTED.md: cannot read ${lines[head]}`);
  const items = new Map<string, [string[], string[]]>();
  for (const line of lines.slice(head + 1)) {
    const list = /^ {2}- (added|removed|changed): (.*)$/.exec(line);
    if (!list) break;
    for (const item of list[2]!.matchAll(/`([^`]+)` ([^,`]+?)(?: → ([^,`]+?))?(?=, `|$)/g)) {
      const versions = (text: string) => text.trim().split('/');
      const name = item[1]!;
      if (list[1] === 'added') items.set(name, [[], versions(item[2]!)]);
      else if (list[1] === 'removed') items.set(name, [versions(item[2]!), []]);
      else items.set(name, [versions(item[2]!), versions(item[3]!)]);
    }
  }
  return {
    namesBefore: Number(m[1]),
    namesAfter: Number(m[2]),
    added: Number(m[3]),
    removed: Number(m[4]),
    changed: Number(m[5]),
    items,
  };
}
