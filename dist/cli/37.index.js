export const id = 37;
export const ids = [37];
export const modules = {

/***/ 6037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/oci/index.ts + 4 modules
var oci = __webpack_require__(8350);
// EXTERNAL MODULE: ./src/promote/config.ts
var promote_config = __webpack_require__(6176);
// EXTERNAL MODULE: ./src/promote/constants.ts
var constants = __webpack_require__(5778);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/policy/spec.ts
var spec = __webpack_require__(1227);
// EXTERNAL MODULE: ./src/promote/records.ts
var promote_records = __webpack_require__(8242);
// EXTERNAL MODULE: ./src/promote/referrers.ts
var promote_referrers = __webpack_require__(2048);
// EXTERNAL MODULE: ./src/net/index.ts
var net = __webpack_require__(155);
;// CONCATENATED MODULE: ./src/promote/tags.ts
/**
 * The tags a promotion moves: planning them (what each holds now), moving them with read-back, and
 * settling them after a failure (each tag this promotion wrote goes back to what it held).
 */




/** A registry that cannot be reached is a user mistake in the reference (or a missing insecure-registries entry). */
async function inputMistakeIfUnreachable(input, where, fn) {
    try {
        return await fn();
    }
    catch (error) {
        if ((0,net/* isServiceError */.gi)(error) && error.unreachable) {
            throw new errors/* ConfigurationError */.j1(`Input '${input}': cannot reach ${where} (${error.message}). Check the registry name; a registry that speaks plain HTTP must be listed in '${constants/* INPUT */.bO.insecureRegistries}'.`);
        }
        if (error instanceof oci/* RegistryError */.gl && error.code === 'NAME_INVALID') {
            throw new errors/* ConfigurationError */.j1(`Input '${input}': ${where} rejected the repository name (${error.message}).`);
        }
        throw error;
    }
}
/** A read of the source, with a clear error when the reference (or a manifest under it) names nothing. */
async function readSource(repo, ref, text, read) {
    try {
        return await read();
    }
    catch (error) {
        if ((error instanceof oci/* RegistryError */.gl && error.notFound) || error instanceof oci/* LayoutError */.Rd) {
            throw errors/* ConfigurationError */.j1.forInput(constants/* INPUT */.bO.source, text, `an image that exists (${repo.display} has no manifest ${ref}: ${error.message})`);
        }
        throw error;
    }
}
async function planTags(config, deps) {
    const plan = [];
    const repos = new Map();
    for (const destination of config.destinations) {
        const repoRef = { ...destination.ref, tag: undefined, digest: undefined };
        const key = (0,oci/* formatReference */.FH)(repoRef);
        let repo = repos.get(key);
        if (!repo) {
            repo = deps.open(destination.ref, 'destination');
            repos.set(key, repo);
        }
        const current = repo;
        const previous = await inputMistakeIfUnreachable(constants/* INPUT */.bO.destinations, current.display, () => current.resolve(destination.ref.tag));
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
function uniqueRepos(plan) {
    return [...new Set(plan.map((p) => p.repo))];
}
async function putTagIfChanged(repo, manifest, tag) {
    const current = await repo.resolve(tag);
    if (current?.digest !== manifest.descriptor.digest)
        await repo.putManifest(manifest.bytes, manifest.descriptor.mediaType, tag);
}
/**
 * Moves the destination tags (checked again first when immutable), reads them back, then moves the
 * stable tag and reads it back. After a failure every tag this promotion wrote, or may have
 * written, is put back where it was (see settleAfterFailure).
 */
async function moveTags(plan, top, deps, immutable) {
    const digest = top.descriptor.digest;
    const unchanged = (p) => p.previous === digest;
    // Every tag whose PUT was sent, before it is sent: a PUT the registry stored but answered with an
    // error (or never answered) has an unknown outcome, and counts as moved.
    const written = [];
    try {
        const destinations = plan.filter((p) => p.role === 'destination');
        const toMove = destinations.filter((p) => !unchanged(p));
        if (immutable) {
            // Checked again just before writing: another promotion may have taken a tag since planning.
            await Promise.all(toMove.map(async (p) => {
                const now = (await p.repo.resolve(p.tag))?.digest ?? null;
                if (now !== p.previous)
                    throw takenMeanwhile(p, now, digest);
            }));
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
    }
    catch (error) {
        throw await settleAfterFailure(error, plan, written, digest, deps);
    }
}
/** A promotion failed while tags moved; `tags` says what every destination tag holds afterwards. */
class TagsSettledError extends Error {
    tags;
    constructor(cause, tags) {
        const lines = tags.map((t) => `${t.reference} ${describeHolding(t.holds)} (${t.note})`);
        super(`${cause?.message ?? String(cause)}. Tags now: ${lines.join('; ')}.`, { cause });
        this.tags = tags;
        // A user's mistake (or a conflict they settle by serialising promotions) stays one.
        this.name = (0,errors/* isConfigurationError */.p0)(cause) ? 'ConfigurationError' : 'TagsSettledError';
    }
}
function describeHolding(holds) {
    return holds === undefined ? 'could not be read' : holds === null ? 'does not exist' : `holds ${holds}`;
}
function takenMeanwhile(p, now, digest) {
    return new errors/* ConfigurationError */.j1(`Input '${constants/* INPUT */.bO.destinations}': ${p.reference} ${now === null ? 'no longer exists' : `now points at ${now}`}, not the ${p.previous ?? 'absent tag'} it was when this promotion began: another promotion moved it meanwhile. With '${constants/* INPUT */.bO.immutable}: true' it is not moved to ${digest}; run promotions to one destination one at a time (a 'concurrency:' group, see the promote README).`);
}
/** Read tags back (side by side) and fail naming every one that does not hold the digest. */
async function readBack(tags, digest) {
    const now = await Promise.all(tags.map(async (p) => (await p.repo.resolve(p.tag))?.digest ?? null));
    const wrong = tags.flatMap((p, i) => (now[i] === digest ? [] : [{ p, holds: now[i] }]));
    if (wrong.length === 0)
        return;
    throw new errors/* ConfigurationError */.j1(`${wrong.map(({ p, holds }) => `${p.reference} ${holds === null ? 'does not exist' : `points at ${holds}`}`).join('; ')} after this promotion wrote ${digest}: another promotion wrote it meanwhile. Run promotions to one destination one at a time (a 'concurrency:' group, see the promote README).`);
}
/**
 * After a failure while tags move: read every planned tag back; a tag this promotion wrote (or may
 * have written) that holds the promoted digest goes back to what it held; a tag that holds a third
 * digest was written by someone else and is left alone. Returns the error to throw, saying what
 * each tag holds in the end.
 */
async function settleAfterFailure(error, plan, written, digest, deps) {
    const read = async (p) => {
        try {
            return (await p.repo.resolve(p.tag))?.digest ?? null;
        }
        catch {
            return undefined;
        }
    };
    const states = [];
    // The stable tag first: the last-known-good pointer is the one that matters most.
    for (const p of [...plan].reverse()) {
        const holds = await read(p);
        const state = { reference: p.reference, role: p.role, holds, note: '' };
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
            deps.info(`${p.reference} was created before the failure and cannot be untagged portably; it points at ${digest}`);
            continue;
        }
        try {
            const before = await p.repo.getManifest(p.previous);
            await p.repo.putManifest(before.bytes, before.descriptor.mediaType, p.tag);
        }
        catch (putBack) {
            deps.info(`putting ${p.reference} back to ${p.previous}: ${putBack.message}`);
        }
        // The put-back can have an unknown outcome too: what the tag holds is read, not assumed.
        state.holds = await read(p);
        state.note =
            state.holds === p.previous
                ? `put back to ${p.previous}`
                : `could not be put back to ${p.previous}; check it by hand`;
        if (state.holds === p.previous)
            deps.info(`${p.reference} put back to ${p.previous}`);
    }
    return new TagsSettledError(error, states);
}

;// CONCATENATED MODULE: ./src/promote/promote.ts







/**
 * Promote one digest, top to bottom: plan (read the source tree once and the destination tags, side
 * by side), verify (expected digest, required referrers, the policy gate, immutable tags) before
 * writing anything, copy (blobs → child manifests → the manifest, with the promotion record
 * alongside → referrers) into each destination repository, then move the tags (destinations, read
 * back, then the stable tag). A failure while tags move puts the tags already moved back.
 */
async function promote(config, deps) {
    // The verifier (and sigstore-js) loads only when a rule is set; its trust material is parsed
    // before any registry is read, so a malformed trusted root or key fails first.
    const gate = config.gate.rules.length ? await loadPolicyGate(config) : undefined;
    const sourceRepo = deps.open(config.source.ref, 'source');
    const plan = await planPromotion(config, sourceRepo, deps);
    const { tree, tags } = plan;
    const digest = tree.top.descriptor.digest;
    deps.info(`${config.source.text} is ${digest}`);
    const verified = await verifyPromotion(config, gate, sourceRepo, plan, deps);
    const outcomes = (outcome) => tagResults(tags, digest, outcome);
    if (config.dryRun) {
        // A dry run reads what a promotion would read, so a source a promotion would fail on fails here too.
        await plan.referrers;
        return {
            digest,
            tags: outcomes((p) => (p.previous === digest ? 'unchanged' : 'planned')),
            referrersCopied: 0,
            stats: (0,oci/* emptyStats */.bD)(),
            dryRun: true,
        };
    }
    const record = promotionRecord(config.source.text, tree.top, tags, verified, deps);
    const copied = await copyPromotion(config, sourceRepo, plan, record, deps);
    await moveTags(tags, tree.top, deps, config.immutable);
    return {
        digest,
        tags: outcomes((p) => (p.previous === digest ? 'unchanged' : p.previous === null ? 'created' : 'moved')),
        record,
        recordDigest: copied.recordDigest,
        referrersCopied: copied.referrersCopied,
        stats: copied.stats,
        dryRun: false,
    };
}
async function loadPolicyGate(config) {
    const module = await Promise.all(/* import() */[__webpack_require__.e(323), __webpack_require__.e(909)]).then(__webpack_require__.bind(__webpack_require__, 6909));
    return { module, gate: module.loadGate(config.gate) };
}
/** Reads the source (its tree and referrers) and the destination tags side by side; writes nothing. */
async function planPromotion(config, sourceRepo, deps) {
    const source = config.source;
    const ref = source.ref.digest ?? source.ref.tag;
    // Every read of the source (an index's children, the referrers and theirs) shares one limit: an
    // index of thousands of children never opens more than `concurrency` connections at once.
    const limit = (0,oci/* createLimiter */.zm)(config.concurrency);
    const wantReferrers = config.copyReferrers || isGated(config);
    const readSourceTree = inputMistakeIfUnreachable(constants/* INPUT */.bO.source, sourceRepo.display, async () => {
        const top = await readSource(sourceRepo, ref, source.text, () => sourceRepo.getManifest(ref));
        // The children and the referrers hang off the top manifest: both are read from here at once.
        const referrers = wantReferrers
            ? inputMistakeIfUnreachable(constants/* INPUT */.bO.source, sourceRepo.display, () => (0,promote_referrers/* findReferrers */.SX)(sourceRepo, top, limit, deps))
            : Promise.resolve([]);
        // Awaited later (or never, when the tree fails): an early failure is not an unhandled rejection.
        referrers.catch(() => undefined);
        const tree = await readSource(sourceRepo, ref, source.text, () => (0,oci/* readTree */.Zc)(sourceRepo, top, { limit }));
        return { tree, referrers };
    });
    const [{ tree, referrers }, tags] = await Promise.all([readSourceTree, planTags(config, deps)]);
    return { tree, tags, referrers };
}
function isGated(config) {
    return config.require.length > 0 || config.gate.rules.length > 0;
}
/**
 * Every check that can refuse a promotion, before anything is written: the expected digest, the
 * required referrers, the policy gate (a refusal is recorded in each destination repository), and
 * immutable destination tags.
 */
async function verifyPromotion(config, gate, sourceRepo, plan, deps) {
    const { tree, tags } = plan;
    const digest = tree.top.descriptor.digest;
    const referrers = isGated(config) ? await plan.referrers : [];
    const checks = [];
    if (config.expectedDigest) {
        if (config.expectedDigest !== digest) {
            throw new errors/* ConfigurationError */.j1(`Input '${constants/* INPUT */.bO.expectedDigest}': the source ${config.source.text} is ${digest}, but CI recorded ${config.expectedDigest}. Nothing was promoted.`);
        }
        checks.push(`expected digest ${digest} matched`);
    }
    checks.push(`source verified: ${1 + tree.children.length} manifest(s), ${tree.blobs.length} blob(s)`);
    for (const required of config.require)
        checks.push(`${required.name} attached: ${(0,promote_referrers/* satisfying */.uT)(required, referrers)}`);
    const missing = config.require.filter((required) => (0,promote_referrers/* satisfying */.uT)(required, referrers) === undefined);
    if (missing.length) {
        throw new errors/* ConfigurationError */.j1(`Input '${constants/* INPUT */.bO.require}': ${digest} has no ${missing.map(promote_referrers/* describeRequirement */.vo).join('; no ')} attached in ${sourceRepo.display}. Nothing was promoted.`);
    }
    // Signatures and provenance are verified here, before anything is written; a failed rule stops it all.
    const evaluations = gate
        ? await gate.module.evaluateGate(gate.gate, digest, tree.top.bytes, referrers.map((r) => (0,promote_referrers/* evidenceOf */.X1)(sourceRepo, r)), deps.now())
        : [];
    for (const e of evaluations) {
        deps.info(`rule '${e.rule}' ${e.outcome === 'fail' ? 'FAILED' : e.outcome === 'waived' ? 'passed with waivers' : 'passed'} for ${digest}: ${e.found}`);
        for (const w of e.expiredWaivers ?? [])
            deps.warn(`waiver for ${w.id} in ${w.package} (owner ${w.owner}) expired on ${w.expires}: it no longer applies`);
        if (e.outcome !== 'fail')
            checks.push(`${e.rule} ${e.outcome === 'waived' ? 'passed with waivers' : 'verified'}: ${e.found}`);
    }
    if (evaluations.some((e) => e.outcome === 'fail')) {
        const refusal = new PolicyRefusedError(`Input '${constants/* INPUT */.bO.verify}': ${(0,spec/* describeFailures */.ng)(evaluations)}. Nothing was promoted.`, evaluations);
        // The decision is kept where an auditor looks: in each destination repository, on the refused
        // digest (not the image: nothing is promoted). A dry run writes nothing.
        if (!config.dryRun)
            await recordRefusal(refusal, { source: config.source.text, top: tree.top, plan: tags, checks }, deps);
        throw refusal;
    }
    if (config.immutable) {
        const taken = tags.filter((p) => p.role === 'destination' && p.previous !== null && p.previous !== digest);
        if (taken.length) {
            throw new errors/* ConfigurationError */.j1(`Input '${constants/* INPUT */.bO.destinations}': ${taken.map((t) => `${t.reference} already points at ${t.previous}`).join('; ')}, not the promoted ${digest}. With '${constants/* INPUT */.bO.immutable}: true' a taken tag is never moved: promote to a new tag, or set '${constants/* INPUT */.bO.immutable}: false'. Nothing was promoted.`);
        }
        checks.push('immutable: no destination tag points at another digest');
    }
    return { checks, evaluations };
}
function tagResults(plan, digest, outcome) {
    return plan.map((p) => ({
        reference: p.reference,
        repository: p.repo.display,
        tag: p.tag,
        role: p.role,
        previous: p.previous,
        digest,
        outcome: outcome(p),
    }));
}
function promotionRecord(source, top, plan, verified, deps) {
    return {
        kind: 'promotion',
        source,
        digest: top.descriptor.digest,
        mediaType: top.descriptor.mediaType,
        destinations: (0,promote_records/* recordedDestinations */.mS)(plan),
        checks: [...verified.checks, 'every digest verified while copying'],
        ...(verified.evaluations.length ? { evaluations: verified.evaluations } : {}),
        ...deps.run,
        time: new Date(deps.now()).toISOString(),
    };
}
/**
 * Copies the image, its promotion record and the referrers to copy into every destination
 * repository; moves no tag except cosign's legacy tags of copied referrers.
 */
async function copyPromotion(config, sourceRepo, plan, record, deps) {
    const { tree } = plan;
    const stats = (0,oci/* emptyStats */.bD)();
    const copyOptions = { concurrency: config.concurrency, stats, onRetry: deps.info };
    // Promotion records never reach findReferrers' result, so none is ever copied between repositories.
    const toCopy = plan.referrers.then((found) => (config.copyReferrers ? found : []));
    toCopy.catch(() => undefined);
    const artifact = (0,promote_records/* recordArtifact */.wY)(tree.top.descriptor, record);
    const repos = uniqueRepos(plan.tags);
    let recordDigest;
    for (const repo of repos) {
        // The record's blobs are small and independent of the image: they upload alongside it. The
        // record (a referrer of the image) is stored once the image's blobs are in place, alongside its
        // manifests (a subject need not exist before its referrer): two round trips fewer before the
        // tags. Tags still move only after both.
        const recordBlobs = (0,promote_records/* pushRecordBlobs */.It)(repo, artifact);
        recordBlobs.catch(() => undefined);
        recordDigest = await (0,oci/* copyTree */.EL)(sourceRepo, repo, tree, {
            ...copyOptions,
            alongsideManifests: async () => {
                await recordBlobs;
                return (await repo.putManifest(artifact.bytes, oci/* MediaType */.zu.OciManifest, artifact.digest)).digest;
            },
        });
        for (const referrer of await toCopy) {
            await (0,oci/* copyTree */.EL)(sourceRepo, repo, referrer.tree, copyOptions);
            if (referrer.cosignTag)
                await putTagIfChanged(repo, referrer.tree.top, referrer.cosignTag);
        }
    }
    deps.info(`content in place in ${repos.length} repositories (${stats.blobsMounted} blobs mounted, ${stats.blobsCopied} copied)`);
    return { recordDigest, referrersCopied: (await toCopy).length, stats };
}
/**
 * A promotion the gate refused, recorded as a referrer of the refused digest in every destination
 * repository. A record that cannot be stored is said in the error: the refusal stands either way.
 */
async function recordRefusal(refusal, attempt, deps) {
    const record = {
        kind: 'refusal',
        source: attempt.source,
        digest: attempt.top.descriptor.digest,
        mediaType: attempt.top.descriptor.mediaType,
        destinations: (0,promote_records/* recordedDestinations */.mS)(attempt.plan),
        checks: attempt.checks,
        evaluations: refusal.evaluations,
        ...deps.run,
        time: new Date(deps.now()).toISOString(),
    };
    const failed = [];
    for (const repo of uniqueRepos(attempt.plan)) {
        try {
            const digest = await (0,promote_records/* attachRecord */.LL)(repo, attempt.top.descriptor, record);
            deps.info(`refusal recorded in ${repo.display} as ${digest}`);
        }
        catch (error) {
            failed.push(`${repo.display} (${error.message})`);
        }
    }
    if (failed.length)
        refusal.message += ` The refusal could not be recorded in ${failed.join(', ')}.`;
}
/** A promotion the policy refused: a user-facing error that carries each rule's evaluation. */
class PolicyRefusedError extends errors/* ConfigurationError */.j1 {
    evaluations;
    constructor(message, evaluations) {
        super(message);
        this.evaluations = evaluations;
    }
}

;// CONCATENATED MODULE: ./src/promote/rollback.ts
/**
 * Rollback: each tag goes back to the digest a trusted promotion record says it held before
 * (judgeRecord is the trust rule), and the rollback is itself recorded.
 */





/** Clocks of the runners that wrote records and of this one may differ by this much. */
const CLOCK_SKEW_MS = 5 * 60_000;
/**
 * Whether a promotion record on the digest a tag holds may say what the tag held before. It must be
 * consistent with this destination's history: it records the digest it is attached to, names this
 * destination repository (a record made for another repository, or copied from one, is not
 * trusted), is not dated in the future, and its previous digest is what the tag held: an image
 * (not an artifact) in this repository, and when records on that digest show it was put on the tag
 * by a promotion or a rollback, one of them is older than this record. A digest with no record of its
 * own at this tag is taken as what the tag held before promote first moved it.
 */
function judgeRecord(record, target, history) {
    const entries = record.destinations.filter((d) => d?.tag === target.tag);
    if (entries.length === 0)
        return undefined;
    if (record.digest !== target.current)
        return {
            trusted: false,
            reason: `it records ${record.digest}, not ${target.current}, the digest it is attached to`,
        };
    const here = entries.filter((d) => d.repository === target.repository);
    if (here.length === 0)
        return {
            trusted: false,
            reason: `it was made for ${entries[0].repository}, not this repository (${target.repository})`,
        };
    const time = Date.parse(record.time);
    if (!Number.isFinite(time))
        return { trusted: false, reason: `its time ${JSON.stringify(record.time)} is not a date` };
    if (time > target.now + CLOCK_SKEW_MS)
        return { trusted: false, reason: `it is dated ${record.time}, in the future` };
    const entry = here.find((d) => d.previous !== null && d.previous !== target.current);
    if (!entry)
        return undefined;
    const previous = entry.previous;
    if (typeof previous !== 'string' || !(0,oci/* isDigest */.Bc)(previous))
        return { trusted: false, reason: `its previous digest ${JSON.stringify(previous)} is not a digest` };
    const known = history(previous);
    if (!known.exists)
        return { trusted: false, reason: `${previous} is not in ${target.repository}` };
    if (known.artifact)
        return {
            trusted: false,
            reason: `${previous} is an artifact attached to another manifest (a signature, an SBOM, a record), never an image a tag held`,
        };
    const placed = known.records.filter((r) => r.digest === previous &&
        r.destinations.some((d) => d?.repository === target.repository && d.tag === target.tag));
    if (placed.length > 0 && !placed.some((r) => Date.parse(r.time) <= time))
        return {
            trusted: false,
            reason: `the records on ${previous} put ${target.tag} there only after this record was written`,
        };
    return { trusted: true, previous };
}
/**
 * Rollback: each destination tag (or, when a stable tag is set, the stable tag of each destination
 * repository) goes back to the digest it held before the latest trusted promotion recorded on its
 * current digest (see judgeRecord; each record not trusted is a warning saying why). The rollback
 * is itself recorded, on the digest the tag returns to.
 */
async function rollback(config, deps) {
    const targets = (await planTags(config, deps)).filter((p) => config.stableTag ? p.role === 'stable' : p.role === 'destination');
    const steps = [];
    for (const p of targets) {
        if (p.previous === null)
            throw errors/* ConfigurationError */.j1.forInput(constants/* INPUT */.bO.destinations, p.reference, 'a tag that exists (there is nothing to roll back)');
        const current = p.previous;
        // A refusal moved nothing, so it says nothing about what a tag held.
        const records = (await (0,promote_records/* readRecords */.T3)(p.repo, current, deps.warn)).filter((r) => r.kind !== 'refusal');
        const known = new Map();
        const learn = async (digest) => {
            if (known.has(digest) || !(0,oci/* isDigest */.Bc)(digest))
                return;
            const found = await p.repo.resolve(digest);
            if (!found) {
                known.set(digest, { info: { exists: false, artifact: false, records: [] } });
                return;
            }
            const manifest = await p.repo.getManifest(digest);
            known.set(digest, {
                manifest,
                info: {
                    exists: true,
                    artifact: manifest.json.subject !== undefined || (0,promote_records/* isPromotionRecord */.jM)(manifest),
                    records: (await (0,promote_records/* readRecords */.T3)(p.repo, digest, deps.warn)).filter((r) => r.kind !== 'refusal'),
                },
            });
        };
        const target = {
            repository: p.repo.display,
            tag: p.tag,
            current,
            now: deps.now(),
        };
        let chosen;
        const rejected = [];
        for (const record of records) {
            for (const d of record.destinations ?? [])
                if (d?.tag === p.tag && d.repository === target.repository && typeof d.previous === 'string')
                    await learn(d.previous);
            const verdict = judgeRecord(record, target, (digest) => known.get(digest)?.info ?? {
                exists: false,
                artifact: false,
                records: [],
            });
            if (!verdict)
                continue;
            if (!verdict.trusted) {
                const why = `the promotion record of ${record.time} on ${p.reference} (${current}) is not trusted: ${verdict.reason}`;
                rejected.push(verdict.reason);
                deps.warn(why);
                continue;
            }
            chosen = verdict.previous;
            break;
        }
        if (!chosen) {
            throw new errors/* ConfigurationError */.j1(`Input '${constants/* INPUT */.bO.rollback}': no trusted promotion record on ${p.reference} (${current}) names an earlier digest for it, so there is nothing to roll back to${rejected.length ? ` (records not trusted: ${rejected.join('; ')})` : ''}.`);
        }
        steps.push({ plan: p, target: known.get(chosen).manifest, current });
    }
    const stats = (0,oci/* emptyStats */.bD)();
    const results = steps.map(({ plan: p, target }) => ({
        reference: p.reference,
        repository: p.repo.display,
        tag: p.tag,
        role: p.role,
        previous: p.previous,
        digest: target.descriptor.digest,
        outcome: config.dryRun ? 'planned' : 'rolled-back',
    }));
    if (config.dryRun || steps.length === 0)
        return {
            digest: steps[0]?.target.descriptor.digest ?? '',
            tags: results,
            referrersCopied: 0,
            stats,
            dryRun: config.dryRun,
        };
    // One record per tag, on the digest that tag returns to; the result reports the first tag's
    // digest with its own record.
    const recorded = [];
    for (const step of steps) {
        try {
            recorded.push(await rollBackTag(step, deps));
        }
        catch (error) {
            throw await reportRollback(error, steps);
        }
    }
    // Read back: a rollback that reports success has every tag where it says.
    for (const { plan: p, target } of steps) {
        const now = (await p.repo.resolve(p.tag))?.digest ?? null;
        if (now !== target.descriptor.digest)
            throw await reportRollback(new Error(`${p.reference} points at ${now ?? 'nothing'} after the rollback, not ${target.descriptor.digest}`), steps);
    }
    return {
        digest: steps[0].target.descriptor.digest,
        tags: results,
        record: recorded[0].record,
        recordDigest: recorded[0].recordDigest,
        referrersCopied: 0,
        stats,
        dryRun: false,
    };
}
/** Records the rollback on the digest the tag returns to, then moves the tag there. */
async function rollBackTag({ plan: p, target, current }, deps) {
    const record = {
        kind: 'rollback',
        source: `${p.repo.display}@${current}`,
        digest: target.descriptor.digest,
        mediaType: target.descriptor.mediaType,
        destinations: [
            { reference: p.reference, repository: p.repo.display, tag: p.tag, role: p.role, previous: current },
        ],
        checks: [`promotion record on ${current} names ${target.descriptor.digest} as the previous digest`],
        ...deps.run,
        time: new Date(deps.now()).toISOString(),
    };
    const recordDigest = await (0,promote_records/* attachRecord */.LL)(p.repo, target.descriptor, record);
    await p.repo.putManifest(target.bytes, target.descriptor.mediaType, p.tag);
    return { record, recordDigest };
}
/**
 * After a failed rollback: what every tag holds. Tags already rolled back stay rolled back (putting
 * them forward again would restore the digest being rolled away from); a tag whose PUT had an
 * unknown outcome is read, not assumed.
 */
async function reportRollback(error, steps) {
    const states = [];
    for (const { plan: p, target, current } of steps) {
        let holds;
        try {
            holds = (await p.repo.resolve(p.tag))?.digest ?? null;
        }
        catch {
            holds = undefined;
        }
        const note = holds === target.descriptor.digest
            ? 'rolled back'
            : holds === current
                ? 'not rolled back'
                : holds === undefined
                    ? 'check it by hand'
                    : 'written by someone else meanwhile';
        states.push({ reference: p.reference, role: p.role, holds, note });
    }
    return new TagsSettledError(error, states);
}

// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
;// CONCATENATED MODULE: ./src/promote/summary.ts

const summary_short = (digest) => (digest ? `\`${digest.slice(0, 19)}…\`` : '—');
/** The job summary: what moved where, how the content travelled, and the promotion record. */
function renderSummary(result, source) {
    const title = result.record?.kind === 'rollback'
        ? 'Rollback'
        : result.dryRun
            ? 'Promotion plan (dry run)'
            : 'Promotion';
    const lines = [`### ${title}: \`${result.digest}\`\n`];
    if (source)
        lines.push(`Source: ${(0,runtime_text/* escapeMarkdown */.FV)(source)}\n`);
    lines.push((0,runtime_text/* markdownTable */.Qj)(['tag', 'role', 'before', 'after', 'outcome'], result.tags.map((t) => [
        (0,runtime_text/* escapeMarkdown */.FV)(t.reference),
        t.role,
        summary_short(t.previous),
        summary_short(t.digest),
        t.outcome,
    ])));
    if (!result.dryRun && result.record?.kind !== 'rollback') {
        const s = result.stats;
        lines.push(`\nBlobs: ${s.blobsMounted} mounted, ${s.blobsCopied} copied (${s.bytesCopied} bytes), ${s.blobsPresent} already present; ${result.referrersCopied} referrers copied.\n`);
    }
    if (result.record) {
        const checks = result.record.checks.map((c) => `- ${(0,runtime_text/* escapeMarkdown */.FV)(c)}`).join('\n');
        lines.push(`\n**Record** \`${result.recordDigest}\` attached to \`${result.record.digest}\`:\n\n${checks}\n`);
        lines.push((0,runtime_text/* details */.zH)('Promotion record', `\`\`\`json\n${JSON.stringify(result.record, null, 2).replace(/```/g, '`\u200b``')}\n\`\`\``));
    }
    return lines.join('\n');
}
/** After a failure while tags moved: what each destination tag holds now. */
function renderFailureSummary(tags) {
    return [
        '### Promotion failed: what each tag holds now\n',
        (0,runtime_text/* markdownTable */.Qj)(['tag', 'role', 'holds', 'how'], tags.map((t) => [
            (0,runtime_text/* escapeMarkdown */.FV)(t.reference),
            t.role,
            t.holds === undefined ? 'could not be read' : t.holds === null ? 'does not exist' : `\`${t.holds}\``,
            (0,runtime_text/* escapeMarkdown */.FV)(t.note),
        ])),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/promote/adapter.ts








const main = async (ctx) => {
    const { runtime, log } = ctx;
    // Masked before anything can print it, even a parse error about another input.
    const password = runtime.getInput(constants/* INPUT */.bO.password).trim();
    if (password)
        runtime.setSecret(password);
    // Files named by inputs (trusted-root, public-key) are read relative to the working directory, as the runner sets it.
    const readers = ctx.inputs.optional(constants/* INPUT */.bO.policy) || ctx.inputs.optional(constants/* INPUT */.bO.waivers)
        ? await __webpack_require__.e(/* import() */ 462).then(__webpack_require__.bind(__webpack_require__, 6462))
        : undefined;
    const config = (0,promote_config/* readConfig */.X)(ctx.inputs, (path) => (0,external_node_fs_.readFileSync)(path, 'utf8'), readers);
    // username/password serve the destination registries; everything else uses the Docker config file.
    const explicit = Object.fromEntries(config.credentials
        ? config.destinations
            .filter((d) => d.ref.kind === 'registry')
            .map((d) => [d.ref.registry, config.credentials])
        : []);
    const client = (0,oci/* createRegistryClient */.Hn)({
        http: ctx.http(),
        env: runtime.env,
        explicit,
        insecureRegistries: config.insecureRegistries,
        onSecret: (secret) => runtime.setSecret(secret),
    });
    const deps = {
        open: (ref, role) => (0,oci/* openRepository */.h_)(ref, client, { createLayout: role === 'destination' }),
        now: () => ctx.clock.now(),
        info: (message) => runtime.info(message),
        warn: (message) => runtime.annotate({ level: 'warning', title: 'promote', message }),
        run: {
            repository: ctx.github.repository,
            commit: ctx.github.sha,
            workflowRun: ctx.github.runUrl,
            actor: ctx.github.actor,
        },
    };
    const result = await withTagsSummary(runtime, () => log.stage(config.rollback ? 'rollback' : 'promote', () => runtime.group(config.rollback ? 'Roll back' : `Promote ${config.source.text}`, () => config.rollback ? rollback(config, deps) : promote(config, deps)), (r) => ({
        digest: r.digest,
        dry_run: r.dryRun,
        tags_moved: r.tags.filter((t) => t.outcome !== 'unchanged' && t.outcome !== 'planned').length,
        blobs_mounted: r.stats.blobsMounted,
        blobs_copied: r.stats.blobsCopied,
        bytes_copied: r.stats.bytesCopied,
    })));
    runtime.setOutput(constants/* OUTPUT */.aQ.digest, result.digest);
    runtime.setOutput(constants/* OUTPUT */.aQ.promoted, JSON.stringify(result.tags));
    runtime.setOutput(constants/* OUTPUT */.aQ.record, result.record ? JSON.stringify({ ...result.record, recordDigest: result.recordDigest }) : '');
    runtime.setOutput(constants/* OUTPUT */.aQ.blobsMounted, String(result.stats.blobsMounted));
    runtime.setOutput(constants/* OUTPUT */.aQ.blobsCopied, String(result.stats.blobsCopied));
    runtime.setOutput(constants/* OUTPUT */.aQ.bytesCopied, String(result.stats.bytesCopied));
    for (const tag of result.tags)
        runtime.info(`${tag.reference}: ${tag.outcome} (${tag.previous ?? 'new'} → ${tag.digest})`);
    await runtime.appendSummary(renderSummary(result, config.source ? (0,oci/* formatReference */.FH)(config.source.ref) : undefined));
};
/** A promotion that failed while tags moved still says, in the job summary, what every tag holds. */
async function withTagsSummary(runtime, fn) {
    try {
        return await fn();
    }
    catch (error) {
        if (error instanceof TagsSettledError)
            await runtime.appendSummary(renderFailureSummary(error.tags)).catch(() => undefined);
        throw error;
    }
}


/***/ })

};
