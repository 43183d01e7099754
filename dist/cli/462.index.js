export const id = 462;
export const ids = [462];
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
