export const id = 227;
export const ids = [227];
export const modules = {

/***/ 155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* reexport safe */ _breaker_js__WEBPACK_IMPORTED_MODULE_0__.C),
/* harmony export */   Dr: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_2__.Dr),
/* harmony export */   Iu: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_2__.Iu),
/* harmony export */   Pl: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_2__.Pl),
/* harmony export */   Qq: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_2__.Qq),
/* harmony export */   jw: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_2__.jw)
/* harmony export */ });
/* harmony import */ var _breaker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9103);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2881);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9663);





/***/ }),

/***/ 8227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./src/oci/index.ts + 2 modules
var oci = __webpack_require__(9109);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(9767);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/promote/constants.ts
const INPUT = {
    source: 'source',
    destinations: 'destinations',
    expectedDigest: 'expected-digest',
    require: 'require',
    copyReferrers: 'copy-referrers',
    immutable: 'immutable',
    stableTag: 'stable-tag',
    rollback: 'rollback',
    username: 'username',
    password: 'password',
    insecureRegistries: 'insecure-registries',
    concurrency: 'concurrency',
    dryRun: 'dry-run',
};
const OUTPUT = {
    digest: 'digest',
    promoted: 'promoted',
    record: 'record',
    blobsMounted: 'blobs-mounted',
    blobsCopied: 'blobs-copied',
    bytesCopied: 'bytes-copied',
};
/** The artifact type of Gantry's promotion records (an OCI artifact whose subject is the promoted digest). */
const PROMOTION_ARTIFACT_TYPE = 'application/vnd.gantry.promotion.v1+json';
/** The record manifest's annotation saying whether it records a promotion or a rollback. */
const PROMOTION_KIND_ANNOTATION = 'dev.gantry.promotion.kind';
/**
 * Short names for `require`, each satisfied by any of its artifact types, or by one of cosign's
 * legacy tags (`sha256-<hex>.sig` / `.sbom` / `.att`).
 */
const REQUIRE_ALIASES = {
    signature: {
        types: [
            'application/vnd.dev.cosign.artifact.sig.v1+json',
            'application/vnd.dev.sigstore.bundle.v0.3+json',
            'application/vnd.dev.sigstore.bundle+json;version=0.3',
        ],
        cosign: 'sig',
    },
    sbom: {
        types: [
            'application/spdx+json',
            'application/vnd.cyclonedx+json',
            'text/spdx',
            'application/vnd.syft+json',
        ],
        cosign: 'sbom',
    },
    spdx: { types: ['application/spdx+json', 'text/spdx'] },
    cyclonedx: { types: ['application/vnd.cyclonedx+json', 'application/vnd.cyclonedx+xml'] },
    attestation: {
        types: ['application/vnd.in-toto+json', 'application/vnd.dev.sigstore.bundle.v0.3+json'],
        cosign: 'att',
    },
    provenance: {
        types: ['application/vnd.in-toto+json', 'application/vnd.dev.sigstore.bundle.v0.3+json'],
        cosign: 'att',
    },
};

;// CONCATENATED MODULE: ./src/promote/config.ts




const REFERENCE_EXAMPLE = 'an image reference such as ghcr.io/acme/app:1.4.2, ghcr.io/acme/app@sha256:<64 hex>, or oci-layout:<dir>[:tag|@digest]';
function config_reference(input, text) {
    try {
        return (0,oci/* parseReference */.F2)(text);
    }
    catch (error) {
        if (error instanceof oci/* InvalidReferenceError */.x_)
            throw errors/* ConfigurationError */.j1.forInput(input, text, `${REFERENCE_EXAMPLE} (${error.reason})`);
        throw error;
    }
}
/** Items given one per line or separated by commas. */
function list(inputs, name) {
    return inputs.lines(name).flatMap((line) => line
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean));
}
/**
 * Every input parsed and checked against the others before anything touches a registry. `password`
 * must already be registered as a secret by the caller.
 */
function readConfig(inputs) {
    const rollback = inputs.boolean(INPUT.rollback, false);
    const sourceText = inputs.optional(INPUT.source);
    let source;
    if (sourceText) {
        const ref = config_reference(INPUT.source, sourceText);
        if (!ref.tag && !ref.digest) {
            throw errors/* ConfigurationError */.j1.forInput(INPUT.source, sourceText, 'a reference with a tag or a digest (…:1.4.2 or …@sha256:…): the image to promote must be named exactly');
        }
        source = { text: sourceText, ref };
    }
    else if (!rollback) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.source}' is required (the image to promote, by digest or by tag), unless '${INPUT.rollback}' is true.`);
    }
    const destinationTexts = inputs.lines(INPUT.destinations);
    if (destinationTexts.length === 0) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.destinations}' is required: one destination reference per line, such as ghcr.io/acme/app:prod.`);
    }
    const destinations = [];
    const seen = new Set();
    for (const text of destinationTexts) {
        const ref = config_reference(INPUT.destinations, text);
        if (ref.digest) {
            throw errors/* ConfigurationError */.j1.forInput(INPUT.destinations, text, 'a repository and tag (…/app:prod): a destination names the tag to point at the promoted digest, not a digest');
        }
        if (!ref.tag)
            throw errors/* ConfigurationError */.j1.forInput(INPUT.destinations, text, 'a repository and tag such as ghcr.io/acme/app:prod');
        const key = (0,oci/* formatReference */.FH)(ref);
        if (seen.has(key))
            throw errors/* ConfigurationError */.j1.forInput(INPUT.destinations, text, 'each destination once (this one is listed twice)');
        seen.add(key);
        destinations.push({ text, ref: ref });
    }
    const expected = inputs.optional(INPUT.expectedDigest);
    if (expected !== undefined && !(0,oci/* isDigest */.Bc)(expected)) {
        throw errors/* ConfigurationError */.j1.forInput(INPUT.expectedDigest, expected, 'a digest such as sha256:<64 lowercase hex> (the digest CI recorded at build time; a tag cannot pin what was built)');
    }
    const require = list(inputs, INPUT.require).map((name) => {
        const alias = REQUIRE_ALIASES[name.toLowerCase()];
        if (alias)
            return { name, ...alias };
        if (/^[a-z0-9][\w.+-]*\/[\w.+-]+(;.*)?$/i.test(name))
            return { name, types: [name] };
        throw errors/* ConfigurationError */.j1.forInput(INPUT.require, name, `one of ${Object.keys(REQUIRE_ALIASES).join(', ')}, or an artifact media type such as application/spdx+json`);
    });
    const stableTag = inputs.optional(INPUT.stableTag);
    if (stableTag !== undefined) {
        if (!(0,reference/* isValidTag */.r_)(stableTag))
            throw errors/* ConfigurationError */.j1.forInput(INPUT.stableTag, stableTag, 'a tag name such as stable (letters, digits, _ . -; at most 128)');
        const clash = destinations.find((d) => d.ref.tag === stableTag);
        if (clash)
            throw errors/* ConfigurationError */.j1.forInput(INPUT.stableTag, stableTag, `a tag other than the destination tag of ${clash.text}`);
    }
    const username = inputs.optional(INPUT.username);
    const password = inputs.optional(INPUT.password);
    if ((username === undefined) !== (password === undefined)) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUT.username}' and '${INPUT.password}' go together: ${username === undefined ? `'${INPUT.password}' was given without '${INPUT.username}'` : `'${INPUT.username}' was given without '${INPUT.password}'`}.`);
    }
    const insecureRegistries = list(inputs, INPUT.insecureRegistries);
    for (const host of insecureRegistries) {
        if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host))
            throw errors/* ConfigurationError */.j1.forInput(INPUT.insecureRegistries, host, 'registry hosts such as registry.internal:5000, one per line or comma-separated');
    }
    return {
        source,
        destinations,
        expectedDigest: expected,
        require,
        copyReferrers: inputs.boolean(INPUT.copyReferrers, true),
        immutable: inputs.boolean(INPUT.immutable, true),
        stableTag,
        rollback,
        credentials: username !== undefined && password !== undefined ? { username, password } : undefined,
        insecureRegistries,
        concurrency: inputs.integer(INPUT.concurrency, { min: 1, max: 64, fallback: 6 }),
        dryRun: inputs.boolean(INPUT.dryRun, false),
    };
}

// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(8321);
// EXTERNAL MODULE: ./src/net/index.ts
var net = __webpack_require__(155);
;// CONCATENATED MODULE: ./src/promote/promote.ts





/** A registry that cannot be reached is a user mistake in the reference (or a missing insecure-registries entry). */
async function reach(input, where, fn) {
    try {
        return await fn();
    }
    catch (error) {
        if (error instanceof net/* NetworkError */.Dr ||
            error instanceof net/* HttpTimeoutError */.Iu ||
            error instanceof net/* CircuitOpenError */.Ch) {
            throw new errors/* ConfigurationError */.j1(`Input '${input}': cannot reach ${where} (${error.message}). Check the registry name; a registry that speaks plain HTTP must be listed in '${INPUT.insecureRegistries}'.`);
        }
        if (error instanceof oci/* RegistryError */.gl && error.code === 'NAME_INVALID') {
            throw new errors/* ConfigurationError */.j1(`Input '${input}': ${where} rejected the repository name (${error.message}).`);
        }
        throw error;
    }
}
/**
 * Promote one digest: resolve the source once, check it (expected digest, required referrers,
 * immutable destination tags) before writing anything, then copy blobs → child manifests → the
 * manifest (with the promotion record alongside) → referrers → destination tags → the stable tag.
 * A failure while tags move puts the tags already moved back where they were.
 */
async function promote(config, deps) {
    const source = config.source;
    const sourceRepo = deps.open(source.ref, 'source');
    const ref = source.ref.digest ?? source.ref.tag;
    // The source is read and the destinations are checked side by side; nothing is written before both end.
    let referrersRead = Promise.resolve([]);
    // Every read of the source (an index's children, the referrers and theirs) shares one limit: an
    // index of thousands of children never opens more than `concurrency` connections at once.
    const limit = (0,oci/* createLimiter */.zm)(config.concurrency);
    const [tree, plan] = await Promise.all([
        reach(INPUT.source, sourceRepo.display, async () => {
            const top = await readSource(sourceRepo, ref, source.text, () => sourceRepo.getManifest(ref));
            // The children and the referrers hang off the top manifest: both are read from here at once.
            if (config.copyReferrers || config.require.length > 0) {
                referrersRead = reach(INPUT.source, sourceRepo.display, () => findReferrers(sourceRepo, top, limit, deps));
                referrersRead.catch(() => undefined);
            }
            return readSource(sourceRepo, ref, source.text, () => (0,oci/* readTree */.Zc)(sourceRepo, top, { limit }));
        }),
        planTags(config, deps),
    ]);
    // Required referrers gate the promotion, so they are read before anything is written. Referrers
    // that are only copied are needed after the image: their lookup runs alongside its copy.
    const referrers = config.require.length > 0 ? await referrersRead : [];
    // The tag was read once; from here on everything is addressed by this digest.
    const digest = tree.top.descriptor.digest;
    deps.info(`${source.text} is ${digest}`);
    const checks = [];
    if (config.expectedDigest) {
        if (config.expectedDigest !== digest) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.expectedDigest}': the source ${source.text} is ${digest}, but CI recorded ${config.expectedDigest}. Nothing was promoted.`);
        }
        checks.push(`expected digest ${digest} matched`);
    }
    checks.push(`source verified: ${1 + tree.children.length} manifest(s), ${tree.blobs.length} blob(s)`);
    for (const required of config.require)
        checks.push(`${required.name} attached: ${satisfying(required, referrers)}`);
    const missing = config.require.filter((required) => satisfying(required, referrers) === undefined);
    if (missing.length) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.require}': ${digest} has no ${missing.map(describeRequirement).join('; no ')} attached in ${sourceRepo.display}. Nothing was promoted.`);
    }
    // Promotion records never reach findReferrers' result, so none is ever copied between repositories.
    const toCopy = referrersRead.then((found) => (config.copyReferrers ? found : []));
    toCopy.catch(() => undefined);
    const repos = uniqueRepos(plan);
    if (config.immutable) {
        const taken = plan.filter((p) => p.role === 'destination' && p.previous !== null && p.previous !== digest);
        if (taken.length) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.destinations}': ${taken.map((t) => `${t.reference} already points at ${t.previous}`).join('; ')}, not the promoted ${digest}. With '${INPUT.immutable}: true' a taken tag is never moved: promote to a new tag, or set '${INPUT.immutable}: false'. Nothing was promoted.`);
        }
        checks.push('immutable: no destination tag points at another digest');
    }
    const stats = (0,oci/* emptyStats */.bD)();
    const tags = (outcome) => plan.map((p) => ({
        reference: p.reference,
        repository: p.repo.display,
        tag: p.tag,
        role: p.role,
        previous: p.previous,
        digest,
        outcome: outcome(p),
    }));
    const unchanged = (p) => p.previous === digest;
    if (config.dryRun) {
        // A dry run reads what a promotion would read, so a source a promotion would fail on fails here too.
        await referrersRead;
        return {
            digest,
            tags: tags((p) => (unchanged(p) ? 'unchanged' : 'planned')),
            referrersCopied: 0,
            stats,
            dryRun: true,
        };
    }
    const record = {
        kind: 'promotion',
        source: source.text,
        digest,
        mediaType: tree.top.descriptor.mediaType,
        destinations: plan.map((p) => ({
            reference: p.reference,
            repository: p.repo.display,
            tag: p.tag,
            role: p.role,
            previous: p.previous,
        })),
        checks: [...checks, 'every digest verified while copying'],
        ...deps.run,
        time: new Date(deps.now()).toISOString(),
    };
    let recordDigest;
    const copyOptions = { concurrency: config.concurrency, stats, onRetry: deps.info };
    const artifact = recordArtifact(tree.top.descriptor, record);
    for (const repo of repos) {
        // The record's blobs are small and independent of the image: they upload alongside it. The
        // record (a referrer of the image) is stored once the image's blobs are in place, alongside its
        // manifests (a subject need not exist before its referrer): two round trips fewer before the
        // tags. Tags still move only after both.
        const recordBlobs = pushRecordBlobs(repo, artifact);
        recordBlobs.catch(() => undefined);
        await (0,oci/* copyTree */.EL)(sourceRepo, repo, tree, {
            ...copyOptions,
            alongsideManifests: async () => {
                await recordBlobs;
                recordDigest = (await repo.putManifest(artifact.bytes, oci/* MediaType */.zu.OciManifest, artifact.digest))
                    .digest;
            },
        });
        for (const referrer of await toCopy) {
            await (0,oci/* copyTree */.EL)(sourceRepo, repo, referrer.tree, copyOptions);
            if (referrer.cosignTag)
                await putTagIfChanged(repo, referrer.tree.top, referrer.cosignTag);
        }
    }
    deps.info(`content in place in ${repos.length} repositories (${stats.blobsMounted} blobs mounted, ${stats.blobsCopied} copied)`);
    // Every tag whose PUT was sent, before it is sent: a PUT the registry stored but answered with an
    // error (or never answered) has an unknown outcome, and counts as moved.
    const written = [];
    try {
        const destinations = plan.filter((p) => p.role === 'destination');
        const toMove = destinations.filter((p) => !unchanged(p));
        if (config.immutable) {
            // Checked again just before writing: another promotion may have taken a tag since planning.
            await Promise.all(toMove.map(async (p) => {
                const now = (await p.repo.resolve(p.tag))?.digest ?? null;
                if (now !== p.previous)
                    throw takenMeanwhile(p, now, digest);
            }));
        }
        for (const p of toMove) {
            written.push(p);
            await p.repo.putManifest(tree.top.bytes, tree.top.descriptor.mediaType, p.tag);
        }
        // Every destination tag is read back: a tag holding another digest was written by someone else
        // between this promotion's check and its write (two promotions at once: see the README).
        // The last-known-good pointer moves only once every destination tag is verified.
        await readBack(destinations, digest);
        const stable = plan.filter((p) => p.role === 'stable' && !unchanged(p));
        for (const p of stable) {
            written.push(p);
            await p.repo.putManifest(tree.top.bytes, tree.top.descriptor.mediaType, p.tag);
        }
        await readBack(stable, digest);
    }
    catch (error) {
        throw await settleAfterFailure(error, plan, written, digest, deps);
    }
    return {
        digest,
        tags: tags((p) => (unchanged(p) ? 'unchanged' : p.previous === null ? 'created' : 'moved')),
        record,
        recordDigest,
        referrersCopied: (await toCopy).length,
        stats,
        dryRun: false,
    };
}
/** A read of the source, with a clear error when the reference (or a manifest under it) names nothing. */
async function readSource(repo, ref, text, read) {
    try {
        return await read();
    }
    catch (error) {
        if ((error instanceof oci/* RegistryError */.gl && error.notFound) || error instanceof oci/* LayoutError */.Rd) {
            throw errors/* ConfigurationError */.j1.forInput(INPUT.source, text, `an image that exists (${repo.display} has no manifest ${ref}: ${error.message})`);
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
        const previous = await reach(INPUT.destinations, current.display, () => current.resolve(destination.ref.tag));
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
    return new errors/* ConfigurationError */.j1(`Input '${INPUT.destinations}': ${p.reference} ${now === null ? 'no longer exists' : `now points at ${now}`}, not the ${p.previous ?? 'absent tag'} it was when this promotion began: another promotion moved it meanwhile. With '${INPUT.immutable}: true' it is not moved to ${digest}; run promotions to one destination one at a time (a 'concurrency:' group, see the promote README).`);
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
/**
 * Whether a manifest is a promotion record, by what it says itself: its artifact type, its config's
 * media type, a layer of the record's type, or the record's annotation. Whatever a referrers index
 * or a tag calls it.
 */
function isPromotionRecord(manifest) {
    const json = manifest.json;
    // Media types compare without case or parameters (RFC 6838), so no spelling slips through.
    const isRecordType = (type) => typeof type === 'string' && type.split(';')[0].trim().toLowerCase() === PROMOTION_ARTIFACT_TYPE;
    if (isRecordType((0,oci/* artifactTypeOf */.Gh)(json)))
        return true;
    if (json.annotations?.[PROMOTION_KIND_ANNOTATION] !== undefined)
        return true;
    const parts = 'layers' in json ? [json.config, ...(json.layers ?? [])] : [];
    return parts.some((part) => isRecordType(part?.mediaType));
}
/**
 * Referrers of the digest (API or tag schema), their own referrers, and cosign's legacy tags. A
 * referrer's kind is what its manifest declares; a listed manifest whose `subject` is not the digest
 * is not its referrer; promotion records are left out (with a warning when one was listed as
 * something else): records belong to the repository that wrote them and are never copied.
 */
async function findReferrers(repo, top, limit, deps) {
    const found = [];
    const seen = new Set();
    const isRecord = (tree) => [tree.top, ...tree.children].some(isPromotionRecord);
    const visit = async (subject, depth) => {
        const [listed, cosign] = await Promise.all([
            limit(() => repo.referrers(subject)),
            Promise.all(oci/* COSIGN_SUFFIXES */.gG.map(async (suffix) => {
                const tag = `${(0,oci/* digestTag */.t9)(subject)}.${suffix}`;
                return { suffix, tag, descriptor: await limit(() => repo.resolve(tag)) };
            })),
        ]);
        for (const descriptor of listed) {
            if (seen.has(descriptor.digest))
                continue;
            seen.add(descriptor.digest);
            const tree = await (0,oci/* readTree */.Zc)(repo, descriptor.digest, { limit });
            const own = (0,oci/* artifactTypeOf */.Gh)(tree.top.json);
            if (tree.top.json.subject?.digest !== subject) {
                deps.warn(`${repo.display}: ${descriptor.digest} is listed as a referrer of ${subject} but its manifest names ${tree.top.json.subject?.digest ?? 'no subject'}; it is not copied and counts for no requirement`);
                continue;
            }
            if (isRecord(tree)) {
                if (descriptor.artifactType !== undefined && descriptor.artifactType !== own)
                    deps.warn(`${repo.display}: referrer ${descriptor.digest} of ${subject} is listed as ${descriptor.artifactType} but is a promotion record; promotion records are never copied between repositories`);
                continue;
            }
            if (descriptor.artifactType !== undefined && descriptor.artifactType !== own)
                deps.warn(`${repo.display}: referrer ${descriptor.digest} of ${subject} is listed as ${descriptor.artifactType} but declares ${own ?? 'no type'}; its own type counts`);
            found.push({ tree, artifactType: own });
            if (depth < 2)
                await visit(descriptor.digest, depth + 1);
        }
        for (const { suffix, tag, descriptor } of cosign) {
            if (!descriptor || seen.has(descriptor.digest))
                continue;
            seen.add(descriptor.digest);
            const tree = await (0,oci/* readTree */.Zc)(repo, descriptor.digest, { limit });
            if (isRecord(tree)) {
                deps.warn(`${repo.display}: cosign tag ${tag} points at a promotion record; promotion records are never copied between repositories`);
                continue;
            }
            found.push({ tree, artifactType: `cosign:${suffix}`, cosignTag: tag });
        }
    };
    await visit(top.descriptor.digest, 0);
    return found;
}
/** The referrer that satisfies a requirement, described, or undefined. */
function satisfying(required, referrers) {
    const hit = referrers.find((r) => (r.artifactType !== undefined && required.types.includes(r.artifactType)) ||
        (required.cosign && r.artifactType === `cosign:${required.cosign}`));
    return hit
        ? `${hit.cosignTag ? `cosign tag ${hit.cosignTag}` : hit.artifactType} (${hit.tree.top.descriptor.digest})`
        : undefined;
}
function describeRequirement(required) {
    const ways = [
        ...required.types,
        ...(required.cosign ? [`cosign tag sha256-<hex>.${required.cosign}`] : []),
    ];
    return ways.length === 1 && ways[0] === required.name
        ? required.name
        : `${required.name} (${ways.join(', ')})`;
}
/** The promotion record as an OCI artifact whose subject is the promoted digest. */
function recordArtifact(subject, record) {
    const payload = new TextEncoder().encode(JSON.stringify(record, null, 2));
    const empty = new TextEncoder().encode('{}');
    const layer = {
        mediaType: PROMOTION_ARTIFACT_TYPE,
        digest: (0,oci/* sha256 */.sc)(payload),
        size: payload.byteLength,
    };
    const config = { mediaType: oci/* MediaType */.zu.OciEmpty, digest: (0,oci/* sha256 */.sc)(empty), size: empty.byteLength };
    const manifest = {
        schemaVersion: 2,
        mediaType: oci/* MediaType */.zu.OciManifest,
        artifactType: PROMOTION_ARTIFACT_TYPE,
        config,
        layers: [layer],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: {
            'org.opencontainers.image.created': record.time,
            [PROMOTION_KIND_ANNOTATION]: record.kind,
        },
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    return {
        blobs: [
            { descriptor: config, bytes: empty },
            { descriptor: layer, bytes: payload },
        ],
        bytes,
        digest: (0,oci/* sha256 */.sc)(bytes),
    };
}
/** A few hundred bytes each: uploading them again costs what asking whether they are there would. */
async function pushRecordBlobs(repo, artifact) {
    await Promise.all(artifact.blobs.map(({ descriptor, bytes }) => repo.pushBlob(descriptor, bytes)));
}
async function attachRecord(repo, subject, record) {
    const artifact = recordArtifact(subject, record);
    await pushRecordBlobs(repo, artifact);
    return (await repo.putManifest(artifact.bytes, oci/* MediaType */.zu.OciManifest, artifact.digest)).digest;
}
/**
 * Records attached to a digest in a repository, newest first. Every referrer is read and judged by
 * its own manifest (its artifact type, and a subject that is this digest), not by the label a
 * referrers index gives it; a listed record that is malformed is skipped with a warning.
 */
async function readRecords(repo, digest, warn = () => undefined) {
    const records = [];
    const limit = (0,oci/* createLimiter */.zm)(6);
    const listed = await repo.referrers(digest);
    await Promise.all(listed.map((descriptor) => limit(async () => {
        const manifest = await repo.getManifest(descriptor.digest);
        if ((0,oci/* artifactTypeOf */.Gh)(manifest.json) !== PROMOTION_ARTIFACT_TYPE)
            return;
        const skip = (why) => warn(`${repo.display}: promotion record ${descriptor.digest} on ${digest} is not read: ${why}`);
        if (manifest.json.subject?.digest !== digest)
            return skip(`its subject is not ${digest}`);
        const layer = manifest.json.layers?.[0];
        if (!layer || layer.mediaType !== PROMOTION_ARTIFACT_TYPE)
            return skip('it has no record layer');
        if (layer.size > 1024 * 1024)
            return skip('its record is over 1 MiB');
        let record;
        try {
            record = JSON.parse(await (0,consumers_.text)(await repo.openBlob(layer)));
        }
        catch (error) {
            return skip(error.message);
        }
        if (typeof record !== 'object' ||
            record === null ||
            typeof record.digest !== 'string' ||
            typeof record.time !== 'string' ||
            !Array.isArray(record.destinations))
            return skip('it is not a promotion record');
        records.push(record);
    })));
    return records.sort((a, b) => b.time.localeCompare(a.time));
}
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
            throw errors/* ConfigurationError */.j1.forInput(INPUT.destinations, p.reference, 'a tag that exists (there is nothing to roll back)');
        const current = p.previous;
        const records = await readRecords(p.repo, current, deps.warn);
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
                    artifact: manifest.json.subject !== undefined || isPromotionRecord(manifest),
                    records: await readRecords(p.repo, digest, deps.warn),
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
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.rollback}': no trusted promotion record on ${p.reference} (${current}) names an earlier digest for it, so there is nothing to roll back to${rejected.length ? ` (records not trusted: ${rejected.join('; ')})` : ''}.`);
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
    let record;
    let recordDigest;
    for (const { plan: p, target, current } of steps) {
        record = {
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
        try {
            recordDigest = await attachRecord(p.repo, target.descriptor, record);
            await p.repo.putManifest(target.bytes, target.descriptor.mediaType, p.tag);
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
        record,
        recordDigest,
        referrersCopied: 0,
        stats,
        dryRun: false,
    };
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

;// CONCATENATED MODULE: ./src/promote/run.ts





const main = async (ctx) => {
    const { runtime, log } = ctx;
    // Masked before anything can print it, even a parse error about another input.
    const password = runtime.getInput(INPUT.password).trim();
    if (password)
        runtime.setSecret(password);
    const config = readConfig(ctx.inputs);
    // username/password serve the destination registries; everything else uses the Docker config file.
    const explicit = Object.fromEntries(config.credentials
        ? config.destinations
            .filter((d) => d.ref.kind === 'registry')
            .map((d) => [d.ref.registry, config.credentials])
        : []);
    const client = new oci/* RegistryClient */.bP({
        http: ctx.http(),
        credentials: (0,oci/* credentialChain */.VU)(explicit, (0,oci/* dockerConfigCredentials */.D)(runtime.env)),
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
    runtime.setOutput(OUTPUT.digest, result.digest);
    runtime.setOutput(OUTPUT.promoted, JSON.stringify(result.tags));
    runtime.setOutput(OUTPUT.record, result.record ? JSON.stringify({ ...result.record, recordDigest: result.recordDigest }) : '');
    runtime.setOutput(OUTPUT.blobsMounted, String(result.stats.blobsMounted));
    runtime.setOutput(OUTPUT.blobsCopied, String(result.stats.blobsCopied));
    runtime.setOutput(OUTPUT.bytesCopied, String(result.stats.bytesCopied));
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
