export const id = 91;
export const ids = [91];
export const modules = {

/***/ 155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* reexport safe */ _breaker_js__WEBPACK_IMPORTED_MODULE_0__.C),
/* harmony export */   Dr: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Dr),
/* harmony export */   Iu: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Iu),
/* harmony export */   Pl: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Pl),
/* harmony export */   Qq: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Qq),
/* harmony export */   gi: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.gi),
/* harmony export */   jw: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.jw)
/* harmony export */ });
/* harmony import */ var _breaker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9103);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2881);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3688);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9663);







/***/ }),

/***/ 971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Re: () => (/* binding */ parseExpectedSource),
/* harmony export */   ch: () => (/* binding */ checkProvenance)
/* harmony export */ });
/* unused harmony exports SLSA_V1, SLSA_V02, provenanceFacts */
const SLSA_V1 = 'https://slsa.dev/provenance/v1';
const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';
/** `owner/name[@ref]` or a URL, as the `expected-source` input takes it. */
function parseExpectedSource(text) {
    const at = text.lastIndexOf('@');
    const repo = at > 0 ? text.slice(0, at) : text;
    const ref = at > 0 ? text.slice(at + 1) : undefined;
    return { repository: normaliseRepo(repo), ref };
}
function normaliseRepo(text) {
    return text
        .replace(/^git\+/, '')
        .replace(/^https?:\/\/github\.com\//i, '')
        .replace(/\.git$/, '')
        .replace(/\/$/, '')
        .toLowerCase();
}
function refOf(uri) {
    return typeof uri === 'string' && uri.includes('@') ? uri.slice(uri.lastIndexOf('@') + 1) : undefined;
}
/** What a v1 or v0.2 SLSA predicate says, as GitHub Actions (and the SLSA GitHub generator) write it. */
function provenanceFacts(statement) {
    const p = statement.predicate;
    if (typeof p !== 'object' || p === null)
        return 'the statement has no predicate';
    if (statement.predicateType === SLSA_V1) {
        const workflow = p.buildDefinition?.externalParameters?.workflow ?? {};
        const deps = Array.isArray(p.buildDefinition?.resolvedDependencies)
            ? p.buildDefinition.resolvedDependencies
            : [];
        const dep = deps.find((d) => d?.digest?.gitCommit || d?.digest?.sha1);
        return {
            builderId: p.runDetails?.builder?.id,
            repository: workflow.repository ?? dep?.uri?.replace(/@.*$/, ''),
            ref: workflow.ref ?? refOf(dep?.uri),
            commit: dep?.digest?.gitCommit ?? dep?.digest?.sha1,
        };
    }
    if (statement.predicateType === SLSA_V02) {
        const config = p.invocation?.configSource ?? {};
        return {
            builderId: p.builder?.id,
            repository: config.uri?.replace(/@.*$/, ''),
            ref: refOf(config.uri),
            commit: config.digest?.sha1 ?? config.digest?.gitCommit,
        };
    }
    return `its predicate type is ${statement.predicateType ?? 'missing'}, not ${SLSA_V1} or ${SLSA_V02}`;
}
/** undefined when the provenance satisfies the policy, else what differs (expected vs found). */
function checkProvenance(statement, policy) {
    const facts = provenanceFacts(statement);
    if (typeof facts === 'string')
        return facts;
    const problems = [];
    if (policy.repository && normaliseRepo(facts.repository ?? '') !== normaliseRepo(policy.repository))
        problems.push(`source repository expected ${policy.repository}, found ${facts.repository ?? 'none'}`);
    if (policy.ref && facts.ref !== policy.ref)
        problems.push(`ref expected ${policy.ref}, found ${facts.ref ?? 'none'}`);
    if (policy.commit && facts.commit?.toLowerCase() !== policy.commit.toLowerCase())
        problems.push(`commit expected ${policy.commit}, found ${facts.commit ?? 'none'}`);
    if (policy.builderId && facts.builderId !== policy.builderId)
        problems.push(`builder expected ${policy.builderId}, found ${facts.builderId ?? 'none'}`);
    return problems.length ? problems.join(', ') : undefined;
}


/***/ }),

/***/ 1227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cN: () => (/* binding */ POLICY_KEYS),
/* harmony export */   ng: () => (/* binding */ describeFailures),
/* harmony export */   y0: () => (/* binding */ RULES)
/* harmony export */ });
/**
 * The gate as configured, before any Sigstore code is loaded: promote imports the verifier (and
 * sigstore-js, about 0.6 MB of bundle) only when a rule is set, so a promotion without `verify`
 * starts as fast as before.
 */
const RULES = ['signature', 'provenance', 'vulnerabilities'];
/** One line per failed rule: the rule, the digest, expected and found. */
function describeFailures(evaluations) {
    return evaluations
        .filter((e) => e.outcome === 'fail')
        .map((e) => `rule '${e.rule}' refused ${e.digest}: expected ${e.expected}; found ${e.found}`)
        .join('. ');
}
/** The keys an environment of a policy file may set: the promote action's gate inputs. */
const POLICY_KEYS = [
    'verify',
    'certificate-identity',
    'certificate-identity-regexp',
    'certificate-oidc-issuer',
    'trusted-root',
    'public-key',
    'transparency-log',
    'expected-source',
    'expected-commit',
    'expected-builder',
    'max-cvss',
    'max-scan-age',
    'waivers',
];


/***/ }),

/***/ 6176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ readConfig),
/* harmony export */   Y: () => (/* binding */ gateFromPolicy)
/* harmony export */ });
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9767);
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8350);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5778);
/* harmony import */ var _policy_spec_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1227);
/* harmony import */ var _policy_slsa_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(971);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _runtime_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2291);








function needReaders(readers) {
    if (!readers)
        throw new Error('policy and waivers files need the YAML readers of src/policy/file.ts');
    return readers;
}
const REFERENCE_EXAMPLE = 'an image reference such as ghcr.io/acme/app:1.4.2, ghcr.io/acme/app@sha256:<64 hex>, or oci-layout:<dir>[:tag|@digest]';
function reference(input, text) {
    try {
        return (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(text);
    }
    catch (error) {
        if (error instanceof _oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidReferenceError */ .x_)
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(input, text, `${REFERENCE_EXAMPLE} (${error.reason})`);
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
function readConfig(inputs, readFile, readers) {
    const rollback = inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.rollback, false);
    const sourceText = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.source);
    let source;
    if (sourceText) {
        const ref = reference(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.source, sourceText);
        if (!ref.tag && !ref.digest) {
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.source, sourceText, 'a reference with a tag or a digest (…:1.4.2 or …@sha256:…): the image to promote must be named exactly');
        }
        source = { text: sourceText, ref };
    }
    else if (!rollback) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.source}' is required (the image to promote, by digest or by tag), unless '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.rollback}' is true.`);
    }
    const destinationTexts = inputs.lines(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.destinations);
    if (destinationTexts.length === 0) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.destinations}' is required: one destination reference per line, such as ghcr.io/acme/app:prod.`);
    }
    const destinations = [];
    const seen = new Set();
    for (const text of destinationTexts) {
        const ref = reference(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.destinations, text);
        if (ref.digest) {
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.destinations, text, 'a repository and tag (…/app:prod): a destination names the tag to point at the promoted digest, not a digest');
        }
        if (!ref.tag)
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.destinations, text, 'a repository and tag such as ghcr.io/acme/app:prod');
        const key = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(ref);
        if (seen.has(key))
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.destinations, text, 'each destination once (this one is listed twice)');
        seen.add(key);
        destinations.push({ text, ref: ref });
    }
    const expected = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.expectedDigest);
    if (expected !== undefined && !(0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isDigest */ .Bc)(expected)) {
        throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.expectedDigest, expected, 'a digest such as sha256:<64 lowercase hex> (the digest CI recorded at build time; a tag cannot pin what was built)');
    }
    const require = list(inputs, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.require).map((name) => {
        const alias = _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .REQUIRE_ALIASES */ .fo[name.toLowerCase()];
        if (alias)
            return { name, ...alias };
        if (/^[a-z0-9][\w.+-]*\/[\w.+-]+(;.*)?$/i.test(name))
            return { name, types: [name] };
        throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.require, name, `one of ${Object.keys(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .REQUIRE_ALIASES */ .fo).join(', ')}, or an artifact media type such as application/spdx+json`);
    });
    const stableTag = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.stableTag);
    if (stableTag !== undefined) {
        if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_)(stableTag))
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.stableTag, stableTag, 'a tag name such as stable (letters, digits, _ . -; at most 128)');
        const clash = destinations.find((d) => d.ref.tag === stableTag);
        if (clash)
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.stableTag, stableTag, `a tag other than the destination tag of ${clash.text}`);
    }
    const username = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.username);
    const password = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.password);
    if ((username === undefined) !== (password === undefined)) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Inputs '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.username}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.password}' go together: ${username === undefined ? `'${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.password}' was given without '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.username}'` : `'${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.username}' was given without '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.password}'`}.`);
    }
    const insecureRegistries = list(inputs, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.insecureRegistries);
    for (const host of insecureRegistries) {
        if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host))
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.insecureRegistries, host, 'registry hosts such as registry.internal:5000, one per line or comma-separated');
    }
    return {
        source,
        destinations,
        expectedDigest: expected,
        require,
        copyReferrers: inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.copyReferrers, true),
        immutable: inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.immutable, true),
        stableTag,
        rollback,
        credentials: username !== undefined && password !== undefined ? { username, password } : undefined,
        insecureRegistries,
        concurrency: inputs.integer(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.concurrency, { min: 1, max: 64, fallback: 6 }),
        dryRun: inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.dryRun, false),
        gate: readGateOrPolicy(inputs, readFile, readers),
    };
}
/**
 * The gate comes from the inputs, or from one environment of a policy file (then no gate input may
 * be given as well: one place says what an environment needs).
 */
function gateFromPolicy(file, environment, readFile, readers) {
    const values = { [_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.policy]: file, [_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.environment]: environment };
    return readGateOrPolicy((0,_runtime_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .inputReader */ .cN)({ getInput: (name) => values[name] ?? '' }), readFile, readers);
}
function readGateOrPolicy(inputs, readFile, readers) {
    const file = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.policy);
    const environment = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.environment);
    if (file === undefined) {
        if (environment !== undefined)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.environment}' selects an environment of '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.policy}', which was not given.`);
        return readGate(inputs, readFile, readers);
    }
    if (environment === undefined)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.policy}' needs '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.environment}': which environment's checks to apply.`);
    const both = _policy_spec_js__WEBPACK_IMPORTED_MODULE_6__/* .POLICY_KEYS */ .cN.filter((key) => inputs.optional(key) !== undefined && !(key === 'transparency-log' && inputs.optional(key) === 'true'));
    if (both.length)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.policy}' says what ${environment} needs; ${both.map((k) => `'${k}'`).join(', ')} must be set in the policy file, not as inputs.`);
    let text;
    try {
        text = (readFile ?? missingReader)(file);
    }
    catch (error) {
        throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.policy, file, `a readable policy file (${error.message})`);
    }
    const values = needReaders(readers).readPolicy(text, file, environment);
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(file);
    const fromPolicy = (0,_runtime_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .inputReader */ .cN)({ getInput: (name) => values[name] ?? '' });
    try {
        return readGate(fromPolicy, (path) => (readFile ?? missingReader)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(base, path)), readers);
    }
    catch (error) {
        if (error instanceof _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Policy ${file}, environment '${environment}': ${error.message.replace(/\bInputs? /g, 'key ')}`);
        throw error;
    }
}
function missingReader(path) {
    throw new Error(`no file reader for ${path}`);
}
function readGate(inputs, readFile, readers) {
    const rules = list(inputs, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.verify).map((rule) => {
        if (!_policy_spec_js__WEBPACK_IMPORTED_MODULE_6__/* .RULES */ .y0.includes(rule))
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.verify, rule, `one of ${_policy_spec_js__WEBPACK_IMPORTED_MODULE_6__/* .RULES */ .y0.join(', ')}`);
        return rule;
    });
    const identity = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateIdentity);
    const identityPattern = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateIdentityRegexp);
    const issuer = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateOidcIssuer);
    const rootPath = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.trustedRoot);
    const keyText = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.publicKey);
    if (identity !== undefined && identityPattern !== undefined)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Inputs '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateIdentity}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateIdentityRegexp}' exclude each other: give the exact identity or a pattern.`);
    if (identityPattern !== undefined) {
        try {
            new RegExp(identityPattern);
        }
        catch (error) {
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateIdentityRegexp, identityPattern, `a regular expression (${error.message})`);
        }
    }
    const read = (input, path) => {
        try {
            return (readFile ?? missingReader)(path);
        }
        catch (error) {
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(input, path, `a readable file (${error.message})`);
        }
    };
    const root = rootPath !== undefined ? { text: read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.trustedRoot, rootPath), name: rootPath } : undefined;
    let trust;
    if (keyText !== undefined) {
        const inline = keyText.includes('-----BEGIN');
        const pem = inline ? keyText : read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.publicKey, keyText);
        if (identity !== undefined || identityPattern !== undefined || issuer !== undefined)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.publicKey}' verifies key-signed artifacts: '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateIdentity}', '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateIdentityRegexp}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateOidcIssuer}' apply to keyless (certificate) signatures only.`);
        trust = {
            kind: 'key',
            pem,
            name: inline ? '(inline PEM)' : keyText,
            root,
            transparencyLog: inputs.boolean(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.transparencyLog, true),
        };
    }
    else {
        trust = root ? { kind: 'root', ...root } : { kind: 'default' };
    }
    const signing = rules.some((r) => r !== 'vulnerabilities');
    if (signing && trust.kind !== 'key' && identity === undefined && identityPattern === undefined)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.verify}': keyless verification needs whose signature to accept: set '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateIdentity}' (or '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateIdentityRegexp}') and '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateOidcIssuer}', or '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.publicKey}'. Without one, any Sigstore signer would pass.`);
    if (signing && trust.kind !== 'key' && issuer === undefined)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.verify}': set '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.certificateOidcIssuer}' (for GitHub Actions: https://token.actions.githubusercontent.com); an identity is only as good as the issuer that vouched for it.`);
    const sourceText = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.expectedSource);
    const source = sourceText ? (0,_policy_slsa_js__WEBPACK_IMPORTED_MODULE_7__/* .parseExpectedSource */ .Re)(sourceText) : {};
    const commit = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.expectedCommit);
    if (commit !== undefined && !/^[0-9a-f]{40}$/i.test(commit))
        throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.expectedCommit, commit, 'a full git commit SHA (40 hex)');
    const builderId = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.expectedBuilder);
    if ((sourceText || commit || builderId) && !rules.includes('provenance'))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Inputs '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.expectedSource}', '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.expectedCommit}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.expectedBuilder}' are checked against provenance: add 'provenance' to '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.verify}'.`);
    const maxCvssText = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.maxCvss);
    const maxCvss = maxCvssText === undefined ? 7.0 : Number(maxCvssText);
    if (!Number.isFinite(maxCvss) || maxCvss < 0 || maxCvss > 10)
        throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.maxCvss, maxCvssText ?? '', 'a CVSS score from 0.0 to 10.0 (findings at or above it block)');
    const maxScanAge = inputs.duration(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.maxScanAge);
    const waiversFile = inputs.optional(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.waivers);
    let waivers = [];
    if (waiversFile !== undefined)
        waivers = needReaders(readers).parseWaivers(read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.waivers, waiversFile), waiversFile);
    if ((maxCvssText !== undefined || maxScanAge !== undefined || waiversFile !== undefined) &&
        !rules.includes('vulnerabilities'))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Inputs '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.maxCvss}', '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.maxScanAge}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.waivers}' apply to the vulnerability gate: add 'vulnerabilities' to '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT */ .bO.verify}'.`);
    return {
        rules,
        trust,
        identity: { identity, identityPattern, issuer },
        source: { ...source, commit, builderId },
        vulnerabilities: { maxCvss, maxScanAge, waivers },
    };
}


/***/ }),

/***/ 5778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aQ: () => (/* binding */ OUTPUT),
/* harmony export */   bO: () => (/* binding */ INPUT),
/* harmony export */   fo: () => (/* binding */ REQUIRE_ALIASES),
/* harmony export */   pD: () => (/* binding */ PROMOTION_KIND_ANNOTATION),
/* harmony export */   yz: () => (/* binding */ PROMOTION_ARTIFACT_TYPE)
/* harmony export */ });
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
    verify: 'verify',
    certificateIdentity: 'certificate-identity',
    certificateIdentityRegexp: 'certificate-identity-regexp',
    certificateOidcIssuer: 'certificate-oidc-issuer',
    trustedRoot: 'trusted-root',
    publicKey: 'public-key',
    transparencyLog: 'transparency-log',
    expectedSource: 'expected-source',
    expectedCommit: 'expected-commit',
    expectedBuilder: 'expected-builder',
    maxCvss: 'max-cvss',
    maxScanAge: 'max-scan-age',
    waivers: 'waivers',
    policy: 'policy',
    environment: 'environment',
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


/***/ }),

/***/ 8242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ pushRecordBlobs),
/* harmony export */   LL: () => (/* binding */ attachRecord),
/* harmony export */   T3: () => (/* binding */ readRecords),
/* harmony export */   jM: () => (/* binding */ isPromotionRecord),
/* harmony export */   mS: () => (/* binding */ recordedDestinations),
/* harmony export */   wY: () => (/* binding */ recordArtifact)
/* harmony export */ });
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8321);
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8350);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5778);
/**
 * Promotion records: the OCI artifact (a referrer of the promoted digest) that records each
 * promotion, rollback and refusal, how one is recognised, and how they are read back.
 */



function recordedDestinations(plan) {
    return plan.map((p) => ({
        reference: p.reference,
        repository: p.repo.display,
        tag: p.tag,
        role: p.role,
        previous: p.previous,
    }));
}
/**
 * Whether a manifest is a promotion record, by what it says itself: its artifact type, its config's
 * media type, a layer of the record's type, or the record's annotation. Whatever a referrers index
 * or a tag calls it.
 */
function isPromotionRecord(manifest) {
    const json = manifest.json;
    // Media types compare without case or parameters (RFC 6838), so no spelling slips through.
    const isRecordType = (type) => typeof type === 'string' && type.split(';')[0].trim().toLowerCase() === _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz;
    if (isRecordType((0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .artifactTypeOf */ .Gh)(json)))
        return true;
    if (json.annotations?.[_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_KIND_ANNOTATION */ .pD] !== undefined)
        return true;
    const parts = 'layers' in json ? [json.config, ...(json.layers ?? [])] : [];
    return parts.some((part) => isRecordType(part?.mediaType));
}
/** The promotion record as an OCI artifact whose subject is the promoted digest. */
function recordArtifact(subject, record) {
    const payload = new TextEncoder().encode(JSON.stringify(record, null, 2));
    const empty = new TextEncoder().encode('{}');
    const layer = {
        mediaType: _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz,
        digest: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(payload),
        size: payload.byteLength,
    };
    const config = { mediaType: _oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciEmpty, digest: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(empty), size: empty.byteLength };
    const manifest = {
        schemaVersion: 2,
        mediaType: _oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciManifest,
        artifactType: _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz,
        config,
        layers: [layer],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: {
            'org.opencontainers.image.created': record.time,
            [_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_KIND_ANNOTATION */ .pD]: record.kind,
        },
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    return {
        blobs: [
            { descriptor: config, bytes: empty },
            { descriptor: layer, bytes: payload },
        ],
        bytes,
        digest: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(bytes),
    };
}
/** A few hundred bytes each: uploading them again costs what asking whether they are there would. */
async function pushRecordBlobs(repo, artifact) {
    await Promise.all(artifact.blobs.map(({ descriptor, bytes }) => repo.pushBlob(descriptor, bytes)));
}
async function attachRecord(repo, subject, record) {
    const artifact = recordArtifact(subject, record);
    await pushRecordBlobs(repo, artifact);
    return (await repo.putManifest(artifact.bytes, _oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciManifest, artifact.digest)).digest;
}
/**
 * Records attached to a digest in a repository, newest first. Every referrer is read and judged by
 * its own manifest (its artifact type, and a subject that is this digest), not by the label a
 * referrers index gives it; a listed record that is malformed is skipped with a warning.
 */
async function readRecords(repo, digest, warn = () => undefined) {
    const records = [];
    const limit = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .createLimiter */ .zm)(6);
    const listed = await repo.referrers(digest);
    await Promise.all(listed.map((descriptor) => limit(async () => {
        const manifest = await repo.getManifest(descriptor.digest);
        if ((0,_oci_index_js__WEBPACK_IMPORTED_MODULE_1__/* .artifactTypeOf */ .Gh)(manifest.json) !== _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz)
            return;
        const skip = (why) => warn(`${repo.display}: promotion record ${descriptor.digest} on ${digest} is not read: ${why}`);
        if (manifest.json.subject?.digest !== digest)
            return skip(`its subject is not ${digest}`);
        const layer = manifest.json.layers?.[0];
        if (!layer || layer.mediaType !== _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PROMOTION_ARTIFACT_TYPE */ .yz)
            return skip('it has no record layer');
        if (layer.size > 1024 * 1024)
            return skip('its record is over 1 MiB');
        let record;
        try {
            record = JSON.parse(await (0,node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__.text)(await repo.openBlob(layer)));
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


/***/ }),

/***/ 2048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SX: () => (/* binding */ findReferrers),
/* harmony export */   X1: () => (/* binding */ evidenceOf),
/* harmony export */   bK: () => (/* binding */ gateEvidence),
/* harmony export */   uT: () => (/* binding */ satisfying),
/* harmony export */   vo: () => (/* binding */ describeRequirement)
/* harmony export */ });
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8350);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8242);
/**
 * The referrers of a digest as promote sees them (referrers API or tag schema, their own referrers,
 * cosign's legacy tags; promotion records left out), what satisfies `require`, and what the policy
 * gate is shown.
 */


/**
 * What the gate sees attached to a manifest in a repository (referrers and cosign tags, promotion
 * records left out), for `gantry policy test` on layouts kept in the repository.
 */
async function gateEvidence(repo, top, warn) {
    const found = await findReferrers(repo, top, (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_0__/* .createLimiter */ .zm)(6), { warn });
    return found.map((r) => evidenceOf(repo, r));
}
/** What the gate needs of a referrer: its own type, its layers, and a way to read one (bounded). */
function evidenceOf(repo, referrer) {
    const json = referrer.tree.top.json;
    const layers = Array.isArray(json.layers) ? json.layers : [];
    return {
        digest: referrer.tree.top.descriptor.digest,
        artifactType: referrer.artifactType,
        created: referrer.tree.top.json.annotations?.['org.opencontainers.image.created'],
        layers: layers.map((l) => ({
            mediaType: l.mediaType,
            digest: l.digest,
            size: l.size,
            annotations: l.annotations,
        })),
        async read(layerDigest) {
            const layer = layers.find((l) => l.digest === layerDigest);
            const chunks = [];
            for await (const chunk of await repo.openBlob(layer))
                chunks.push(chunk);
            return Buffer.concat(chunks);
        },
    };
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
    const isRecord = (tree) => [tree.top, ...tree.children].some(_records_js__WEBPACK_IMPORTED_MODULE_1__/* .isPromotionRecord */ .jM);
    const visit = async (subject, depth) => {
        const [listed, cosign] = await Promise.all([
            limit(() => repo.referrers(subject)),
            Promise.all(_oci_index_js__WEBPACK_IMPORTED_MODULE_0__/* .COSIGN_SUFFIXES */ .gG.map(async (suffix) => {
                const tag = `${(0,_oci_index_js__WEBPACK_IMPORTED_MODULE_0__/* .digestTag */ .t9)(subject)}.${suffix}`;
                return { suffix, tag, descriptor: await limit(() => repo.resolve(tag)) };
            })),
        ]);
        for (const descriptor of listed) {
            if (seen.has(descriptor.digest))
                continue;
            seen.add(descriptor.digest);
            const tree = await (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_0__/* .readTree */ .Zc)(repo, descriptor.digest, { limit });
            const own = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactTypeOf */ .Gh)(tree.top.json);
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
            const tree = await (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_0__/* .readTree */ .Zc)(repo, descriptor.digest, { limit });
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


/***/ })

};
