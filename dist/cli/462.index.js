export const id = 462;
export const ids = [462];
export const modules = {

/***/ 6462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   POLICY_KEYS: () => (/* reexport safe */ _spec_js__WEBPACK_IMPORTED_MODULE_2__.cN),
/* harmony export */   parseWaivers: () => (/* binding */ parseWaivers),
/* harmony export */   readPolicy: () => (/* binding */ readPolicy)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1227);




/** The gate inputs one environment of a policy file sets, as input strings. */
function readPolicy(text, file, environment) {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (error) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Policy ${file}: not YAML (${error.message.split('\n')[0]}).`);
    }
    const environments = doc?.environments;
    if (typeof environments !== 'object' || environments === null || Array.isArray(environments))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Policy ${file}: expected a mapping 'environments:' of environment names to checks.`);
    const env = environments[environment];
    if (env === undefined)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Policy ${file}: no environment '${environment}' (it has ${Object.keys(environments).join(', ') || 'none'}).`);
    if (typeof env !== 'object' || env === null || Array.isArray(env))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Policy ${file}: environment '${environment}' must be a mapping of checks.`);
    const values = {};
    for (const [key, value] of Object.entries(env)) {
        if (!_spec_js__WEBPACK_IMPORTED_MODULE_2__/* .POLICY_KEYS */ .cN.includes(key))
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Policy ${file}: environment '${environment}' has unknown key '${key}'; expected ${_spec_js__WEBPACK_IMPORTED_MODULE_2__/* .POLICY_KEYS */ .cN.join(', ')}.`);
        if (Array.isArray(value))
            values[key] = value.map(String).join('\n');
        else if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
            values[key] = String(value);
        else
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Policy ${file}: '${environment}.${key}' must be a string or a list.`);
    }
    return values;
}
/** A waivers file: `waivers: [{id, package, reason, owner, expires}]`, every field required. */
function parseWaivers(text, file) {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (error) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Waivers ${file}: not YAML (${error.message.split('\n')[0]}).`);
    }
    const list = doc?.waivers ?? [];
    if (!Array.isArray(list))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Waivers ${file}: expected 'waivers:' to be a list.`);
    return list.map((entry, i) => {
        const w = (entry ?? {});
        for (const key of ['id', 'package', 'reason', 'owner', 'expires'])
            if (w[key] === undefined || w[key] === null || String(w[key]).trim() === '')
                throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Waivers ${file}: entry ${i + 1}${w.id ? ` (${String(w.id)})` : ''} has no '${key}'; every waiver needs id, package, reason, owner and expires.`);
        const expires = w.expires instanceof Date ? w.expires.toISOString().slice(0, 10) : String(w.expires);
        const date = /^\d{4}-\d{2}-\d{2}$/.test(expires)
            ? Date.parse(`${expires}T23:59:59.999Z`)
            : Date.parse(expires);
        if (!Number.isFinite(date))
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Waivers ${file}: entry ${i + 1} (${String(w.id)}) expires ${JSON.stringify(expires)}, not a date such as 2026-12-31.`);
        return {
            id: String(w.id),
            package: String(w.package),
            reason: String(w.reason),
            owner: String(w.owner),
            expires,
            until: date,
        };
    });
}


/***/ })

};
