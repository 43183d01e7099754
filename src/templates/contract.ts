import { parse } from 'yaml';
import { type Git, splitNul } from '../git/index.js';
import { ConfigurationError, errorMessage } from '../runtime/errors.js';
import { type ActionMetadata, parseActionMetadata } from '../runtime/metadata.js';
import { flattenSteps } from '../local-runner/step-groups.js';
import { gateChanges } from './gates.js';

/**
 * The interface contract between two versions of the suite: for every action (actions/<name>)
 * and template (action-templates/<name>), what a caller's `with:` and `steps.<id>.outputs.*` can
 * rely on, and which changes break a caller that pinned the older version.
 */

export interface StepShape {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: unknown;
  with?: Record<string, unknown>;
  'continue-on-error'?: unknown;
}

export interface ActionVersion {
  /** actions/<name> or action-templates/<name>. */
  path: string;
  metadata: ActionMetadata;
  /** Composite steps, parallel groups opened. */
  steps: StepShape[];
}

export type ChangeKind =
  | 'action-removed'
  | 'action-added'
  | 'unreadable'
  | 'input-added'
  | 'input-removed'
  | 'input-renamed'
  | 'input-now-required'
  | 'input-default-changed'
  | 'output-added'
  | 'output-removed'
  | 'output-renamed'
  | 'gate-removed'
  | 'gate-disabled';

export interface ContractChange {
  action: string;
  kind: ChangeKind;
  /** The input, output or gate concerned ('old → new' for a rename). */
  name: string;
  detail: string;
  breaking: boolean;
}

export interface ContractReport {
  from: string;
  to: string;
  changes: ContractChange[];
  breaking: boolean;
}

const ACTION_FILE = /^(actions|action-templates)\/([^/]+)\/action\.ya?ml$/;

/** Every action.yml of actions/ and action-templates/ at a git ref, read through src/git. */
export async function readInterfaces(
  git: Git,
  ref: string,
): Promise<{ versions: Map<string, ActionVersion>; problems: ContractChange[] }> {
  if (!(await git.succeeds(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])))
    throw new ConfigurationError(`'${ref}' is not a commit in ${git.cwd}; give a tag, branch or SHA.`);
  const listing = await git.run([
    'ls-tree',
    '-r',
    '-z',
    '--name-only',
    ref,
    '--',
    'actions',
    'action-templates',
  ]);
  const versions = new Map<string, ActionVersion>();
  const problems: ContractChange[] = [];
  for (const raw of splitNul(listing.stdout)) {
    const file = raw.toString('utf8');
    const match = ACTION_FILE.exec(file);
    if (!match) continue;
    const path = `${match[1]}/${match[2]}`;
    const text = (await git.run(['cat-file', 'blob', `${ref}:${file}`])).stdout.toString('utf8');
    try {
      versions.set(path, parseVersion(path, text, `${ref}:${file}`));
    } catch (error) {
      problems.push({
        action: path,
        kind: 'unreadable',
        name: file,
        detail: `${ref}:${file} cannot be read: ${errorMessage(error)}`,
        breaking: true,
      });
    }
  }
  return { versions, problems };
}

export function parseVersion(path: string, text: string, source: string): ActionVersion {
  const metadata = parseActionMetadata(text, source);
  const doc = parse(text) as { runs?: { steps?: unknown } };
  const steps = flattenSteps<StepShape>(doc.runs?.steps, source).map(({ step }) => step);
  return { path, metadata, steps };
}

/** Descriptions compared loosely: case, spacing and a final full stop do not make another input. */
function sameText(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string | undefined) =>
    (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * Renames among inputs (or outputs) removed and added in one version. A removed and an added name
 * are one renamed input when their descriptions are the same text (case, spacing and a final full
 * stop aside); failing that, when both have the same non-empty default and the same `required`,
 * and that pair is the only one of that default. Each name takes part in at most one rename.
 */
export function findRenames<T extends { description?: string; default?: string; required?: boolean }>(
  removed: Map<string, T>,
  added: Map<string, T>,
): Array<[string, string, 'description' | 'default']> {
  const renames: Array<[string, string, 'description' | 'default']> = [];
  const taken = new Set<string>();
  for (const [old, spec] of removed) {
    const match = [...added].find(
      ([name, s]) => !taken.has(name) && sameText(spec.description, s.description),
    );
    if (match) {
      renames.push([old, match[0], 'description']);
      taken.add(match[0]);
    }
  }
  const renamed = new Set(renames.map(([old]) => old));
  for (const [old, spec] of removed) {
    if (renamed.has(old) || spec.default === undefined || spec.default === '') continue;
    const same = (s: T) => s.default === spec.default && Boolean(s.required) === Boolean(spec.required);
    const candidates = [...added].filter(([name, s]) => !taken.has(name) && same(s));
    const rivals = [...removed].filter(([name, s]) => !renamed.has(name) && same(s));
    if (candidates.length === 1 && rivals.length === 1) {
      renames.push([old, candidates[0]![0], 'default']);
      taken.add(candidates[0]![0]);
    }
  }
  return renames;
}

const requiredWithoutDefault = (spec: { required: boolean; default?: string }) =>
  spec.required && (spec.default === undefined || spec.default === '');

/** The interface changes of one action or template between two versions. */
export function interfaceChanges(
  path: string,
  before: ActionVersion,
  after: ActionVersion,
): ContractChange[] {
  const changes: ContractChange[] = [];
  const add = (kind: ChangeKind, name: string, detail: string, breaking: boolean) =>
    changes.push({ action: path, kind, name, detail, breaking });
  const oldInputs = before.metadata.inputs;
  const newInputs = after.metadata.inputs;
  const removed = new Map(Object.entries(oldInputs).filter(([name]) => !(name in newInputs)));
  const added = new Map(Object.entries(newInputs).filter(([name]) => !(name in oldInputs)));
  for (const [old, renamed, by] of findRenames(removed, added)) {
    add(
      'input-renamed',
      `${old} → ${renamed}`,
      `same ${by}; a caller's with: ${old} is no longer read`,
      true,
    );
    removed.delete(old);
    added.delete(renamed);
  }
  for (const name of removed.keys())
    add('input-removed', name, `a caller's with: ${name} is no longer read`, true);
  for (const [name, spec] of added) {
    const breaking = requiredWithoutDefault(spec);
    add(
      'input-added',
      name,
      breaking ? 'required, without a default: every caller must now pass it' : 'optional',
      breaking,
    );
  }
  for (const [name, spec] of Object.entries(newInputs)) {
    const old = oldInputs[name];
    if (!old) continue;
    if (requiredWithoutDefault(spec) && !requiredWithoutDefault(old))
      add('input-now-required', name, 'required without a default: callers that omitted it fail', true);
    if ((old.default ?? '') !== (spec.default ?? ''))
      add(
        'input-default-changed',
        name,
        `default ${JSON.stringify(old.default ?? '')} → ${JSON.stringify(spec.default ?? '')}: callers that omit it change behaviour`,
        true,
      );
  }
  const oldOutputs = new Map(Object.entries(before.metadata.outputs).map(([k, v]) => [k, v ?? {}]));
  const newOutputs = new Map(Object.entries(after.metadata.outputs).map(([k, v]) => [k, v ?? {}]));
  const goneOutputs = new Map([...oldOutputs].filter(([name]) => !newOutputs.has(name)));
  const newOnes = new Map([...newOutputs].filter(([name]) => !oldOutputs.has(name)));
  for (const [old, renamed] of findRenames(goneOutputs, newOnes)) {
    add('output-renamed', `${old} → ${renamed}`, `steps.<id>.outputs.${old} reads empty`, true);
    goneOutputs.delete(old);
    newOnes.delete(renamed);
  }
  for (const name of goneOutputs.keys())
    add('output-removed', name, `steps.<id>.outputs.${name} reads empty`, true);
  for (const name of newOnes.keys()) add('output-added', name, 'new output', false);
  return changes;
}

/** The whole contract between two sets of versions: interfaces and gates. */
export function compareVersions(
  before: Map<string, ActionVersion>,
  after: Map<string, ActionVersion>,
): ContractChange[] {
  const changes: ContractChange[] = [];
  for (const [path, old] of [...before].sort(([a], [b]) => a.localeCompare(b))) {
    const fresh = after.get(path);
    if (!fresh) {
      changes.push({
        action: path,
        kind: 'action-removed',
        name: path,
        detail: 'callers that use it fail',
        breaking: true,
      });
      continue;
    }
    changes.push(...interfaceChanges(path, old, fresh), ...gateChanges(path, old, fresh, before, after));
  }
  for (const path of [...after.keys()].sort())
    if (!before.has(path))
      changes.push({ action: path, kind: 'action-added', name: path, detail: 'new', breaking: false });
  return changes;
}

export async function contractBetween(git: Git, from: string, to: string): Promise<ContractReport> {
  const old = await readInterfaces(git, from);
  const fresh = await readInterfaces(git, to);
  const changes = [...fresh.problems, ...compareVersions(old.versions, fresh.versions)];
  return { from, to, changes, breaking: changes.some((c) => c.breaking) };
}

export type Bump = 'major' | 'minor' | 'patch' | 'none';

const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function parseRelease(tag: string): [number, number, number] | undefined {
  const m = RELEASE_TAG.exec(tag);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/**
 * Whether a release may carry breaking changes: only a major bump may; below 1.0.0 a minor bump
 * is the major one (semver's 0.y rule, as npm's caret ranges read it), a patch never.
 */
export function breakingAllowed(previous: string, release: string): { bump: Bump; allowed: boolean } {
  const a = parseRelease(previous);
  const b = parseRelease(release);
  if (!a || !b) throw new ConfigurationError(`Not release tags: ${previous}, ${release} (expected vX.Y.Z).`);
  const bump: Bump = b[0] !== a[0] ? 'major' : b[1] !== a[1] ? 'minor' : b[2] !== a[2] ? 'patch' : 'none';
  return { bump, allowed: bump === 'major' || (a[0] === 0 && bump === 'minor') };
}

/** The highest release tag below `release` in the repository, the one a release is compared with. */
export async function previousRelease(git: Git, release: string): Promise<string | undefined> {
  const mine = parseRelease(release);
  if (!mine)
    throw new ConfigurationError(`--release ${JSON.stringify(release)}: expected a tag such as v1.4.2.`);
  const tags = (await git.text(['tag', '--list', 'v*'])).split('\n').filter(Boolean);
  const below = tags
    .map((tag) => [tag, parseRelease(tag)] as const)
    .filter((entry): entry is readonly [string, [number, number, number]] => entry[1] !== undefined)
    .filter(([, v]) => compare(v, mine) < 0)
    .sort(([, x], [, y]) => compare(y, x));
  return below[0]?.[0];
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
