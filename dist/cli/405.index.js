export const id = 405;
export const ids = [405];
export const modules = {

/***/ 6405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/oci/index.ts + 2 modules
var oci = __webpack_require__(9109);
// EXTERNAL MODULE: ./src/promote/config.ts
var promote_config = __webpack_require__(6176);
// EXTERNAL MODULE: ./src/promote/constants.ts
var constants = __webpack_require__(5778);
// EXTERNAL MODULE: ./src/promote/promote.ts
var promote = __webpack_require__(432);
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
    const result = await withTagsSummary(runtime, () => log.stage(config.rollback ? 'rollback' : 'promote', () => runtime.group(config.rollback ? 'Roll back' : `Promote ${config.source.text}`, () => config.rollback ? (0,promote/* rollback */.dU)(config, deps) : (0,promote/* promote */.pt)(config, deps)), (r) => ({
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
        if (error instanceof promote/* TagsSettledError */.x0)
            await runtime.appendSummary(renderFailureSummary(error.tags)).catch(() => undefined);
        throw error;
    }
}


/***/ })

};
