/**
 * The tags a promotion moves: planning them (what each holds now), moving them with read-back, and
 * settling them after a failure (each tag this promotion wrote goes back to what it held).
 */
import { isServiceError } from '../net/index.js';
import {
  formatReference,
  LayoutError,
  type Manifest,
  type OciRepository,
  type Reference,
  RegistryError,
} from '../oci/index.js';
import { ConfigurationError, isConfigurationError } from '../runtime/errors.js';
import type { PromoteConfig } from './config.js';
import { INPUT } from './constants.js';
import type { PromoteDeps } from './types.js';

export interface PlannedTag {
  repo: OciRepository;
  reference: string;
  tag: string;
  role: 'destination' | 'stable';
  previous: string | null;
}

/** A registry that cannot be reached is a user mistake in the reference (or a missing insecure-registries entry). */
export async function inputMistakeIfUnreachable<T>(
  input: string,
  where: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isServiceError(error) && error.unreachable) {
      throw new ConfigurationError(
        `Input '${input}': cannot reach ${where} (${error.message}). Check the registry name; a registry that speaks plain HTTP must be listed in '${INPUT.insecureRegistries}'.`,
      );
    }
    if (error instanceof RegistryError && error.code === 'NAME_INVALID') {
      throw new ConfigurationError(
        `Input '${input}': ${where} rejected the repository name (${error.message}).`,
      );
    }
    throw error;
  }
}

/** A read of the source, with a clear error when the reference (or a manifest under it) names nothing. */
export async function readSource<T>(
  repo: OciRepository,
  ref: string,
  text: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if ((error instanceof RegistryError && error.notFound) || error instanceof LayoutError) {
      throw ConfigurationError.forInput(
        INPUT.source,
        text,
        `an image that exists (${repo.display} has no manifest ${ref}: ${error.message})`,
      );
    }
    throw error;
  }
}

export async function planTags(config: PromoteConfig, deps: PromoteDeps): Promise<PlannedTag[]> {
  const plan: PlannedTag[] = [];
  const repos = new Map<string, OciRepository>();
  for (const destination of config.destinations) {
    const repoRef: Reference = { ...destination.ref, tag: undefined, digest: undefined };
    const key = formatReference(repoRef);
    let repo = repos.get(key);
    if (!repo) {
      repo = deps.open(destination.ref, 'destination');
      repos.set(key, repo);
    }
    const current = repo;
    const previous = await inputMistakeIfUnreachable(INPUT.destinations, current.display, () =>
      current.resolve(destination.ref.tag),
    );
    plan.push({
      repo,
      reference: destination.text,
      tag: destination.ref.tag,
      role: 'destination',
      previous: previous?.digest ?? null,
    });
  }
  if (config.stableTag) {
    for (const repo of repos.values()) {
      const previous = await repo.resolve(config.stableTag);
      plan.push({
        repo,
        reference: `${repo.display}:${config.stableTag}`,
        tag: config.stableTag,
        role: 'stable',
        previous: previous?.digest ?? null,
      });
    }
  }
  return plan;
}

export function uniqueRepos(plan: PlannedTag[]): OciRepository[] {
  return [...new Set(plan.map((p) => p.repo))];
}

export async function putTagIfChanged(repo: OciRepository, manifest: Manifest, tag: string): Promise<void> {
  const current = await repo.resolve(tag);
  if (current?.digest !== manifest.descriptor.digest)
    await repo.putManifest(manifest.bytes, manifest.descriptor.mediaType, tag);
}

/**
 * Moves the destination tags (checked again first when immutable), reads them back, then moves the
 * stable tag and reads it back. After a failure every tag this promotion wrote, or may have
 * written, is put back where it was (see settleAfterFailure).
 */
export async function moveTags(
  plan: PlannedTag[],
  top: Manifest,
  deps: PromoteDeps,
  immutable: boolean,
): Promise<void> {
  const digest = top.descriptor.digest;
  const unchanged = (p: PlannedTag) => p.previous === digest;
  // Every tag whose PUT was sent, before it is sent: a PUT the registry stored but answered with an
  // error (or never answered) has an unknown outcome, and counts as moved.
  const written: PlannedTag[] = [];
  try {
    const destinations = plan.filter((p) => p.role === 'destination');
    const toMove = destinations.filter((p) => !unchanged(p));
    if (immutable) {
      // Checked again just before writing: another promotion may have taken a tag since planning.
      await Promise.all(
        toMove.map(async (p) => {
          const now = (await p.repo.resolve(p.tag))?.digest ?? null;
          if (now !== p.previous) throw takenMeanwhile(p, now, digest);
        }),
      );
    }
    for (const p of toMove) {
      written.push(p);
      await p.repo.putManifest(top.bytes, top.descriptor.mediaType, p.tag);
    }
    // Every destination tag is read back: a tag holding another digest was written by someone else
    // between this promotion's check and its write (two promotions at once: see the README).
    // The last-known-good pointer moves only once every destination tag is verified.
    await readBack(destinations, digest);
    const stable = plan.filter((p) => p.role === 'stable' && !unchanged(p));
    for (const p of stable) {
      written.push(p);
      await p.repo.putManifest(top.bytes, top.descriptor.mediaType, p.tag);
    }
    await readBack(stable, digest);
  } catch (error) {
    throw await settleAfterFailure(error, plan, written, digest, deps);
  }
}

/** What a tag holds after a failed promotion, and how it got there. */
export interface TagState {
  reference: string;
  role: 'destination' | 'stable';
  /** The digest it holds now; null when it does not exist; undefined when it could not be read. */
  holds: string | null | undefined;
  note: string;
}

/** A promotion failed while tags moved; `tags` says what every destination tag holds afterwards. */
export class TagsSettledError extends Error {
  readonly tags: TagState[];
  constructor(cause: unknown, tags: TagState[]) {
    const lines = tags.map((t) => `${t.reference} ${describeHolding(t.holds)} (${t.note})`);
    super(`${(cause as Error)?.message ?? String(cause)}. Tags now: ${lines.join('; ')}.`, { cause });
    this.tags = tags;
    // A user's mistake (or a conflict they settle by serialising promotions) stays one.
    this.name = isConfigurationError(cause) ? 'ConfigurationError' : 'TagsSettledError';
  }
}

function describeHolding(holds: string | null | undefined): string {
  return holds === undefined ? 'could not be read' : holds === null ? 'does not exist' : `holds ${holds}`;
}

function takenMeanwhile(p: PlannedTag, now: string | null, digest: string): ConfigurationError {
  return new ConfigurationError(
    `Input '${INPUT.destinations}': ${p.reference} ${now === null ? 'no longer exists' : `now points at ${now}`}, not the ${p.previous ?? 'absent tag'} it was when this promotion began: another promotion moved it meanwhile. With '${INPUT.immutable}: true' it is not moved to ${digest}; run promotions to one destination one at a time (a 'concurrency:' group, see the promote README).`,
  );
}

/** Read tags back (side by side) and fail naming every one that does not hold the digest. */
async function readBack(tags: PlannedTag[], digest: string): Promise<void> {
  const now = await Promise.all(tags.map(async (p) => (await p.repo.resolve(p.tag))?.digest ?? null));
  const wrong = tags.flatMap((p, i) => (now[i] === digest ? [] : [{ p, holds: now[i]! }]));
  if (wrong.length === 0) return;
  throw new ConfigurationError(
    `${wrong.map(({ p, holds }) => `${p.reference} ${holds === null ? 'does not exist' : `points at ${holds}`}`).join('; ')} after this promotion wrote ${digest}: another promotion wrote it meanwhile. Run promotions to one destination one at a time (a 'concurrency:' group, see the promote README).`,
  );
}

/**
 * After a failure while tags move: read every planned tag back; a tag this promotion wrote (or may
 * have written) that holds the promoted digest goes back to what it held; a tag that holds a third
 * digest was written by someone else and is left alone. Returns the error to throw, saying what
 * each tag holds in the end.
 */
async function settleAfterFailure(
  error: unknown,
  plan: PlannedTag[],
  written: PlannedTag[],
  digest: string,
  deps: PromoteDeps,
): Promise<TagsSettledError> {
  const read = async (p: PlannedTag): Promise<string | null | undefined> => {
    try {
      return (await p.repo.resolve(p.tag))?.digest ?? null;
    } catch {
      return undefined;
    }
  };
  const states: TagState[] = [];
  // The stable tag first: the last-known-good pointer is the one that matters most.
  for (const p of [...plan].reverse()) {
    const holds = await read(p);
    const state: TagState = { reference: p.reference, role: p.role, holds, note: '' };
    states.unshift(state);
    const wrote = written.includes(p);
    if (holds === p.previous) {
      state.note = wrote ? 'as before: the write did not land, or was put back' : 'as before';
      continue;
    }
    if (holds === undefined) {
      state.note = 'check it by hand';
      continue;
    }
    if (holds !== digest || !wrote) {
      state.note = 'written by someone else meanwhile; left alone';
      continue;
    }
    if (p.previous === null) {
      state.note = 'created by this promotion; a tag cannot be removed portably';
      deps.info(
        `${p.reference} was created before the failure and cannot be untagged portably; it points at ${digest}`,
      );
      continue;
    }
    try {
      const before = await p.repo.getManifest(p.previous);
      await p.repo.putManifest(before.bytes, before.descriptor.mediaType, p.tag);
    } catch (putBack) {
      deps.info(`putting ${p.reference} back to ${p.previous}: ${(putBack as Error).message}`);
    }
    // The put-back can have an unknown outcome too: what the tag holds is read, not assumed.
    state.holds = await read(p);
    state.note =
      state.holds === p.previous
        ? `put back to ${p.previous}`
        : `could not be put back to ${p.previous}; check it by hand`;
    if (state.holds === p.previous) deps.info(`${p.reference} put back to ${p.previous}`);
  }
  return new TagsSettledError(error, states);
}
