export const id = 108;
export const ids = [108,462];
export const modules = {

/***/ 952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _d: () => (/* binding */ isExpired),
/* harmony export */   sC: () => (/* binding */ readOwnedEntries)
/* harmony export */ });
/* unused harmony exports endOfDay, partitionByExpiry */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);


const BASE = ['id', 'reason', 'owner', 'expires'];
function readOwnedEntries(text, fileName, kind) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const lineOf = (offset) => offset === undefined ? 1 : lineCounter.linePos(offset).line;
    const fail = (offset, message) => new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${fileName}, line ${lineOf(offset)}: ${message}`);
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        throw fail(first.pos[0], `not valid YAML: ${first.message.split('\n')[0]}`);
    }
    if (doc.contents === null)
        return [];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents))
        throw fail(doc.contents.range?.[0], `expected a mapping with a '${kind.listKey}:' list; ${kind.hint}`);
    for (const pair of doc.contents.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        if (key !== kind.listKey)
            throw fail((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.range?.[0] : undefined, `unknown key '${key}'; the file has one key, '${kind.listKey}'`);
    }
    const list = doc.contents.get(kind.listKey, true);
    if (list === undefined || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(list) && list.value === null))
        return [];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list))
        throw fail(list.range?.[0], `'${kind.listKey}' must be a list of entries; ${kind.hint}`);
    const fields = [...BASE, ...Object.keys(kind.extra)];
    const required = [...BASE, ...Object.keys(kind.extra).filter((f) => kind.extra[f].required)];
    return list.items.map((item) => {
        const at = item.range?.[0];
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item))
            throw fail(at, `each ${kind.noun} entry must be a mapping with ${required.join(', ')}; ${kind.hint}`);
        return readEntry(item, lineOf(at), fields, required, kind, (offset, message) => fail(offset ?? at, message));
    });
}
function readEntry(map, line, fields, required, kind, fail) {
    const values = {};
    for (const pair of map.items) {
        const keyOffset = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.range?.[0] : undefined;
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        if (!fields.includes(key))
            throw fail(keyOffset, `unknown field '${key}' (fields: ${fields.join(', ')})`);
        const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.value) ? pair.value.value : undefined;
        if (value === null || value === undefined || typeof value === 'object' || String(value).trim() === '')
            throw fail(keyOffset, `'${key}' must be a non-empty text value`);
        values[key] = String(value).trim();
    }
    const named = values.id ? `'${values.id}' ` : '';
    for (const field of required) {
        if (values[field] === undefined) {
            const why = field === 'expires' ? ' (a date such as 2026-12-31: an exception without an end never ends)' : '';
            throw fail(undefined, `entry ${named}is missing '${field}'${why}`);
        }
    }
    const expires = values.expires;
    const until = endOfDay(expires);
    if (until === undefined)
        throw fail(undefined, `'expires' is '${expires}'; expected a date as YYYY-MM-DD`);
    const extra = {};
    for (const [field, rule] of Object.entries(kind.extra)) {
        const value = values[field];
        if (value === undefined)
            continue;
        const problem = rule.check?.(value);
        if (problem)
            throw fail(undefined, `'${field}' is '${value}'; ${problem}`);
        extra[field] = value;
    }
    return { id: values.id, reason: values.reason, owner: values.owner, expires, until, line, extra };
}
/** The end of a `YYYY-MM-DD` day (UTC) in milliseconds, or undefined when it is not a calendar date. */
function endOfDay(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return undefined;
    const start = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(start) || !new Date(start).toISOString().startsWith(value))
        return undefined;
    return start + 86_400_000 - 1;
}
/** An entry applies through the whole of its `expires` day (UTC). */
function isExpired(entry, now) {
    return now > entry.until;
}
/** Entries in force and entries past their date (listed, never applied). */
function partitionByExpiry(entries, now) {
    const active = [];
    const expired = [];
    for (const entry of entries)
        (isExpired(entry, now) ? expired : active).push(entry);
    return { active, expired };
}


/***/ }),

/***/ 2108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   policyCommand: () => (/* binding */ policyCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _net_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(155);
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8350);
/* harmony import */ var _promote_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6176);
/* harmony import */ var _promote_records_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8242);
/* harmony import */ var _promote_referrers_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2048);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9541);
/* harmony import */ var _file_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6462);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6909);










const USAGE = `Usage:
  gantry policy test --policy <file> --corpus <dir> [--environment <name> …] [--now <date>]
      Evaluates each environment of the policy against <dir>/<environment>/good/* and bad/*: OCI
      layouts whose image is tagged 'image'. Every good one must pass and every bad one must fail.
  gantry policy log <image> [--insecure-registry host:port …]
      Lists every policy evaluation recorded in the promotion records attached to the image's digest.
`;
/** `gantry policy …`: policies tested before they are enforced, and the log of what they decided. */
async function policyCommand(args, env = process.env, out = (t) => process.stdout.write(t)) {
    const [sub, ...rest] = args;
    try {
        if (sub === 'test')
            return await policyTest(flags(rest), out);
        if (sub === 'log')
            return await policyLog(rest, env, out);
        out(USAGE);
        return sub === '--help' || sub === 'help' ? 0 : 2;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .gJ)(error)}\n`);
        return 1;
    }
}
function flags(args) {
    const found = {};
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!arg.startsWith('--') || i + 1 >= args.length)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`Unexpected argument ${JSON.stringify(arg)}.\n${USAGE}`);
        const name = arg.slice(2);
        found[name] = [...(found[name] ?? []), args[++i]];
    }
    return found;
}
function subdirs(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir)
            .filter((name) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name)).isDirectory())
            .sort();
    }
    catch {
        return [];
    }
}
async function policyTest(options, out) {
    const file = options.policy?.[0];
    const corpus = options.corpus?.[0];
    if (!file || !corpus)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`gantry policy test needs --policy and --corpus.\n${USAGE}`);
    const environments = options.environment ?? subdirs(corpus);
    if (environments.length === 0)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`${corpus} has no environment directories.`);
    const now = options.now?.[0] ? Date.parse(options.now[0]) : Date.now();
    if (!Number.isFinite(now))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`--now ${options.now?.[0]}: expected a date such as 2026-12-01T00:00:00Z.`);
    const rows = [];
    let wrong = 0;
    let cases = 0;
    for (const environment of environments) {
        const gate = (0,_gate_js__WEBPACK_IMPORTED_MODULE_9__.loadGate)((0,_promote_config_js__WEBPACK_IMPORTED_MODULE_4__/* .gateFromPolicy */ .Y)(file, environment, (path) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'), _file_js__WEBPACK_IMPORTED_MODULE_8__));
        for (const expected of ['good', 'bad']) {
            for (const name of subdirs((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(corpus, environment, expected))) {
                cases++;
                const repo = _oci_index_js__WEBPACK_IMPORTED_MODULE_3__/* .LayoutRepository */ .RT.open((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(corpus, environment, expected, name));
                const top = await repo.getManifest('image');
                const warnings = [];
                const evaluations = await (0,_gate_js__WEBPACK_IMPORTED_MODULE_9__.evaluateGate)(gate, top.descriptor.digest, top.bytes, await (0,_promote_referrers_js__WEBPACK_IMPORTED_MODULE_6__/* .gateEvidence */ .bK)(repo, top, (w) => warnings.push(w)), now);
                const passed = evaluations.every((e) => e.outcome !== 'fail');
                const ok = passed === (expected === 'good');
                if (!ok)
                    wrong++;
                const failed = evaluations.filter((e) => e.outcome === 'fail');
                rows.push(`${ok ? 'ok  ' : 'FAIL'} ${environment}/${expected}/${name}: ${passed ? 'passes' : 'refused'}${failed.length ? ` (${failed.map((e) => `${e.rule}: expected ${e.expected}; found ${e.found}`).join('; ')})` : ''}`);
            }
        }
    }
    if (cases === 0)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`${corpus}: no cases under <environment>/good or <environment>/bad.`);
    out(`${rows.join('\n')}\n${cases - wrong}/${cases} as expected\n`);
    return wrong === 0 ? 0 : 1;
}
async function policyLog(args, env, out) {
    const [image, ...rest] = args;
    if (!image)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`gantry policy log needs an image reference.\n${USAGE}`);
    const options = flags(rest);
    let ref;
    try {
        ref = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(image);
    }
    catch (error) {
        if (error instanceof _oci_index_js__WEBPACK_IMPORTED_MODULE_3__/* .InvalidReferenceError */ .x_)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`${image} is not an image reference (${error.reason}).`);
        throw error;
    }
    const client = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_3__/* .createRegistryClient */ .Hn)({
        http: new _net_index_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpClient */ .Qq({}),
        env,
        insecureRegistries: options['insecure-registry'] ?? [],
    });
    const repo = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_3__/* .openRepository */ .h_)(ref, client);
    // A digest names its records even where the image is absent: a refused promotion is recorded in
    // the destination it never reached.
    const digest = ref.digest ?? (await repo.resolve(ref.tag ?? 'latest'))?.digest;
    if (!digest)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`${image}: no such manifest in ${repo.display}.`);
    const records = await (0,_promote_records_js__WEBPACK_IMPORTED_MODULE_5__/* .readRecords */ .T3)(repo, digest, (w) => process.stderr.write(`warning: ${w}\n`));
    const lines = [`${image} is ${digest}: ${records.length} promotion record(s)`];
    for (const record of [...records].reverse()) {
        const where = record.destinations.map((d) => d.reference).join(', ');
        lines.push(`${record.time} ${record.kind} to ${where} by ${record.actor || '?'} (${record.workflowRun || 'no run'})`);
        if (!record.evaluations?.length)
            lines.push('  no policy rules evaluated');
        for (const e of record.evaluations ?? [])
            lines.push(`  ${e.outcome.toUpperCase()} ${e.rule}: expected ${e.expected}; found ${e.found}; evidence ${e.evidence.join(', ') || 'none'}${(e.waivers ?? []).map((w) => `; waived ${w.id} in ${w.package} by ${w.owner} until ${w.expires}`).join('')}`);
    }
    out(`${lines.join('\n')}\n`);
    return 0;
}


/***/ }),

/***/ 6462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   POLICY_KEYS: () => (/* reexport safe */ _spec_js__WEBPACK_IMPORTED_MODULE_3__.cN),
/* harmony export */   WAIVER_KIND: () => (/* binding */ WAIVER_KIND),
/* harmony export */   parseWaivers: () => (/* binding */ parseWaivers),
/* harmony export */   readPolicy: () => (/* binding */ readPolicy)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _expiring_entries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(952);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1227);





/** The gate inputs one environment of a policy file sets, as input strings. */
function readPolicy(text, file, environment) {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (error) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Policy ${file}: not YAML (${error.message.split('\n')[0]}).`);
    }
    const environments = doc?.environments;
    if (typeof environments !== 'object' || environments === null || Array.isArray(environments))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Policy ${file}: expected a mapping 'environments:' of environment names to checks.`);
    const env = environments[environment];
    if (env === undefined)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Policy ${file}: no environment '${environment}' (it has ${Object.keys(environments).join(', ') || 'none'}).`);
    if (typeof env !== 'object' || env === null || Array.isArray(env))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Policy ${file}: environment '${environment}' must be a mapping of checks.`);
    const values = {};
    for (const [key, value] of Object.entries(env)) {
        if (!_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .POLICY_KEYS */ .cN.includes(key))
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Policy ${file}: environment '${environment}' has unknown key '${key}'; expected ${_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .POLICY_KEYS */ .cN.join(', ')}.`);
        if (Array.isArray(value))
            values[key] = value.map(String).join('\n');
        else if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
            values[key] = String(value);
        else
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Policy ${file}: '${environment}.${key}' must be a string or a list.`);
    }
    return values;
}
const WAIVER_KIND = {
    noun: 'waiver',
    listKey: 'waivers',
    hint: 'each waiver needs id, package, reason, owner and expires (see actions/promote/README.md)',
    extra: { package: { required: true } },
};
/**
 * A waivers file: `waivers: [{id, package, reason, owner, expires}]`, every field required, read by
 * the suite's one reader of owned, expiring entries (src/expiring, as quarantine's file is): strict
 * YYYY-MM-DD dates in force through that day (UTC), lines named, expired waivers kept to be listed.
 */
function parseWaivers(text, file) {
    return (0,_expiring_entries_js__WEBPACK_IMPORTED_MODULE_1__/* .readOwnedEntries */ .sC)(text, file, WAIVER_KIND).map((entry) => ({
        id: entry.id,
        package: entry.extra.package,
        reason: entry.reason,
        owner: entry.owner,
        expires: entry.expires,
        until: entry.until,
    }));
}


/***/ })

};
