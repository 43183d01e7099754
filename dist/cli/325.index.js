export const id = 325;
export const ids = [325];
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
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9109);
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

/***/ 432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T3: () => (/* binding */ readRecords),
/* harmony export */   bK: () => (/* binding */ gateEvidence),
/* harmony export */   dU: () => (/* binding */ rollback),
/* harmony export */   pt: () => (/* binding */ promote),
/* harmony export */   x0: () => (/* binding */ TagsSettledError)
/* harmony export */ });
/* unused harmony exports PolicyRefusedError, isPromotionRecord, judgeRecord */
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8321);
/* harmony import */ var node_stream_consumers__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream_consumers__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _net_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(155);
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9109);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9541);
/* harmony import */ var _policy_spec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1227);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5778);






/** A registry that cannot be reached is a user mistake in the reference (or a missing insecure-registries entry). */
async function reach(input, where, fn) {
    try {
        return await fn();
    }
    catch (error) {
        if (error instanceof _net_index_js__WEBPACK_IMPORTED_MODULE_1__/* .NetworkError */ .Dr ||
            error instanceof _net_index_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpTimeoutError */ .Iu ||
            error instanceof _net_index_js__WEBPACK_IMPORTED_MODULE_1__/* .CircuitOpenError */ .Ch) {
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input '${input}': cannot reach ${where} (${error.message}). Check the registry name; a registry that speaks plain HTTP must be listed in '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.insecureRegistries}'.`);
        }
        if (error instanceof _oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl && error.code === 'NAME_INVALID') {
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input '${input}': ${where} rejected the repository name (${error.message}).`);
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
    // The verifier (and sigstore-js) loads only when a rule is set; its trust material is parsed
    // before any registry is read, so a malformed trusted root or key fails first.
    const gatePolicy = config.gate.rules.length ? await Promise.all(/* import() */[__webpack_require__.e(323), __webpack_require__.e(909)]).then(__webpack_require__.bind(__webpack_require__, 6909)) : undefined;
    const gate = gatePolicy?.loadGate(config.gate);
    const sourceRepo = deps.open(source.ref, 'source');
    const ref = source.ref.digest ?? source.ref.tag;
    // The source is read and the destinations are checked side by side; nothing is written before both end.
    let referrersRead = Promise.resolve([]);
    // Every read of the source (an index's children, the referrers and theirs) shares one limit: an
    // index of thousands of children never opens more than `concurrency` connections at once.
    const limit = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .createLimiter */ .zm)(config.concurrency);
    const [tree, plan] = await Promise.all([
        reach(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.source, sourceRepo.display, async () => {
            const top = await readSource(sourceRepo, ref, source.text, () => sourceRepo.getManifest(ref));
            // The children and the referrers hang off the top manifest: both are read from here at once.
            if (config.copyReferrers || config.require.length > 0 || config.gate.rules.length > 0) {
                referrersRead = reach(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.source, sourceRepo.display, () => findReferrers(sourceRepo, top, limit, deps));
                referrersRead.catch(() => undefined);
            }
            return readSource(sourceRepo, ref, source.text, () => (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .readTree */ .Zc)(sourceRepo, top, { limit }));
        }),
        planTags(config, deps),
    ]);
    // Required referrers gate the promotion, so they are read before anything is written. Referrers
    // that are only copied are needed after the image: their lookup runs alongside its copy.
    const gated = config.require.length > 0 || config.gate.rules.length > 0;
    const referrers = gated ? await referrersRead : [];
    // The tag was read once; from here on everything is addressed by this digest.
    const digest = tree.top.descriptor.digest;
    deps.info(`${source.text} is ${digest}`);
    const checks = [];
    if (config.expectedDigest) {
        if (config.expectedDigest !== digest) {
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.expectedDigest}': the source ${source.text} is ${digest}, but CI recorded ${config.expectedDigest}. Nothing was promoted.`);
        }
        checks.push(`expected digest ${digest} matched`);
    }
    checks.push(`source verified: ${1 + tree.children.length} manifest(s), ${tree.blobs.length} blob(s)`);
    for (const required of config.require)
        checks.push(`${required.name} attached: ${satisfying(required, referrers)}`);
    const missing = config.require.filter((required) => satisfying(required, referrers) === undefined);
    if (missing.length) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.require}': ${digest} has no ${missing.map(describeRequirement).join('; no ')} attached in ${sourceRepo.display}. Nothing was promoted.`);
    }
    // Signatures and provenance are verified here, before anything is written; a failed rule stops it all.
    const evaluations = await (gatePolicy && gate ? gatePolicy.evaluateGate : noGate)(gate, digest, tree.top.bytes, referrers.map((r) => evidenceOf(sourceRepo, r)), deps.now());
    for (const e of evaluations) {
        deps.info(`rule '${e.rule}' ${e.outcome === 'fail' ? 'FAILED' : e.outcome === 'waived' ? 'passed with waivers' : 'passed'} for ${digest}: ${e.found}`);
        for (const w of e.expiredWaivers ?? [])
            deps.warn(`waiver for ${w.id} in ${w.package} (owner ${w.owner}) expired on ${w.expires}: it no longer applies`);
        if (e.outcome !== 'fail')
            checks.push(`${e.rule} ${e.outcome === 'waived' ? 'passed with waivers' : 'verified'}: ${e.found}`);
    }
    if (evaluations.some((e) => e.outcome === 'fail'))
        throw new PolicyRefusedError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.verify}': ${(0,_policy_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .describeFailures */ .ng)(evaluations)}. Nothing was promoted.`, evaluations);
    // Promotion records never reach findReferrers' result, so none is ever copied between repositories.
    const toCopy = referrersRead.then((found) => (config.copyReferrers ? found : []));
    toCopy.catch(() => undefined);
    const repos = uniqueRepos(plan);
    if (config.immutable) {
        const taken = plan.filter((p) => p.role === 'destination' && p.previous !== null && p.previous !== digest);
        if (taken.length) {
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.destinations}': ${taken.map((t) => `${t.reference} already points at ${t.previous}`).join('; ')}, not the promoted ${digest}. With '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.immutable}: true' a taken tag is never moved: promote to a new tag, or set '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.immutable}: false'. Nothing was promoted.`);
        }
        checks.push('immutable: no destination tag points at another digest');
    }
    const stats = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyStats */ .bD)();
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
        ...(evaluations.length ? { evaluations } : {}),
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
        await (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .copyTree */ .EL)(sourceRepo, repo, tree, {
            ...copyOptions,
            alongsideManifests: async () => {
                await recordBlobs;
                recordDigest = (await repo.putManifest(artifact.bytes, _oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciManifest, artifact.digest))
                    .digest;
            },
        });
        for (const referrer of await toCopy) {
            await (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .copyTree */ .EL)(sourceRepo, repo, referrer.tree, copyOptions);
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
/** No rules, no evaluations (and no verifier loaded). */
async function noGate() {
    return [];
}
/**
 * What the gate sees attached to a manifest in a repository (referrers and cosign tags, promotion
 * records left out), for `gantry policy test` on layouts kept in the repository.
 */
async function gateEvidence(repo, top, warn) {
    const found = await findReferrers(repo, top, (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .createLimiter */ .zm)(6), { warn });
    return found.map((r) => evidenceOf(repo, r));
}
/** A promotion the policy refused: a user-facing error that carries each rule's evaluation. */
class PolicyRefusedError extends _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1 {
    evaluations;
    constructor(message, evaluations) {
        super(message);
        this.evaluations = evaluations;
    }
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
/** A read of the source, with a clear error when the reference (or a manifest under it) names nothing. */
async function readSource(repo, ref, text, read) {
    try {
        return await read();
    }
    catch (error) {
        if ((error instanceof _oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl && error.notFound) || error instanceof _oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .LayoutError */ .Rd) {
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.source, text, `an image that exists (${repo.display} has no manifest ${ref}: ${error.message})`);
        }
        throw error;
    }
}
async function planTags(config, deps) {
    const plan = [];
    const repos = new Map();
    for (const destination of config.destinations) {
        const repoRef = { ...destination.ref, tag: undefined, digest: undefined };
        const key = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(repoRef);
        let repo = repos.get(key);
        if (!repo) {
            repo = deps.open(destination.ref, 'destination');
            repos.set(key, repo);
        }
        const current = repo;
        const previous = await reach(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.destinations, current.display, () => current.resolve(destination.ref.tag));
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
        this.name = (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isConfigurationError */ .p0)(cause) ? 'ConfigurationError' : 'TagsSettledError';
    }
}
function describeHolding(holds) {
    return holds === undefined ? 'could not be read' : holds === null ? 'does not exist' : `holds ${holds}`;
}
function takenMeanwhile(p, now, digest) {
    return new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.destinations}': ${p.reference} ${now === null ? 'no longer exists' : `now points at ${now}`}, not the ${p.previous ?? 'absent tag'} it was when this promotion began: another promotion moved it meanwhile. With '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.immutable}: true' it is not moved to ${digest}; run promotions to one destination one at a time (a 'concurrency:' group, see the promote README).`);
}
/** Read tags back (side by side) and fail naming every one that does not hold the digest. */
async function readBack(tags, digest) {
    const now = await Promise.all(tags.map(async (p) => (await p.repo.resolve(p.tag))?.digest ?? null));
    const wrong = tags.flatMap((p, i) => (now[i] === digest ? [] : [{ p, holds: now[i] }]));
    if (wrong.length === 0)
        return;
    throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${wrong.map(({ p, holds }) => `${p.reference} ${holds === null ? 'does not exist' : `points at ${holds}`}`).join('; ')} after this promotion wrote ${digest}: another promotion wrote it meanwhile. Run promotions to one destination one at a time (a 'concurrency:' group, see the promote README).`);
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
    const isRecordType = (type) => typeof type === 'string' && type.split(';')[0].trim().toLowerCase() === _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PROMOTION_ARTIFACT_TYPE */ .yz;
    if (isRecordType((0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactTypeOf */ .Gh)(json)))
        return true;
    if (json.annotations?.[_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PROMOTION_KIND_ANNOTATION */ .pD] !== undefined)
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
            Promise.all(_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .COSIGN_SUFFIXES */ .gG.map(async (suffix) => {
                const tag = `${(0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .digestTag */ .t9)(subject)}.${suffix}`;
                return { suffix, tag, descriptor: await limit(() => repo.resolve(tag)) };
            })),
        ]);
        for (const descriptor of listed) {
            if (seen.has(descriptor.digest))
                continue;
            seen.add(descriptor.digest);
            const tree = await (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .readTree */ .Zc)(repo, descriptor.digest, { limit });
            const own = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactTypeOf */ .Gh)(tree.top.json);
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
            const tree = await (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .readTree */ .Zc)(repo, descriptor.digest, { limit });
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
        mediaType: _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PROMOTION_ARTIFACT_TYPE */ .yz,
        digest: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256 */ .sc)(payload),
        size: payload.byteLength,
    };
    const config = { mediaType: _oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciEmpty, digest: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256 */ .sc)(empty), size: empty.byteLength };
    const manifest = {
        schemaVersion: 2,
        mediaType: _oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciManifest,
        artifactType: _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PROMOTION_ARTIFACT_TYPE */ .yz,
        config,
        layers: [layer],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: {
            'org.opencontainers.image.created': record.time,
            [_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PROMOTION_KIND_ANNOTATION */ .pD]: record.kind,
        },
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    return {
        blobs: [
            { descriptor: config, bytes: empty },
            { descriptor: layer, bytes: payload },
        ],
        bytes,
        digest: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256 */ .sc)(bytes),
    };
}
/** A few hundred bytes each: uploading them again costs what asking whether they are there would. */
async function pushRecordBlobs(repo, artifact) {
    await Promise.all(artifact.blobs.map(({ descriptor, bytes }) => repo.pushBlob(descriptor, bytes)));
}
async function attachRecord(repo, subject, record) {
    const artifact = recordArtifact(subject, record);
    await pushRecordBlobs(repo, artifact);
    return (await repo.putManifest(artifact.bytes, _oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.OciManifest, artifact.digest)).digest;
}
/**
 * Records attached to a digest in a repository, newest first. Every referrer is read and judged by
 * its own manifest (its artifact type, and a subject that is this digest), not by the label a
 * referrers index gives it; a listed record that is malformed is skipped with a warning.
 */
async function readRecords(repo, digest, warn = () => undefined) {
    const records = [];
    const limit = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .createLimiter */ .zm)(6);
    const listed = await repo.referrers(digest);
    await Promise.all(listed.map((descriptor) => limit(async () => {
        const manifest = await repo.getManifest(descriptor.digest);
        if ((0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactTypeOf */ .Gh)(manifest.json) !== _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PROMOTION_ARTIFACT_TYPE */ .yz)
            return;
        const skip = (why) => warn(`${repo.display}: promotion record ${descriptor.digest} on ${digest} is not read: ${why}`);
        if (manifest.json.subject?.digest !== digest)
            return skip(`its subject is not ${digest}`);
        const layer = manifest.json.layers?.[0];
        if (!layer || layer.mediaType !== _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .PROMOTION_ARTIFACT_TYPE */ .yz)
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
    if (typeof previous !== 'string' || !(0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .isDigest */ .Bc)(previous))
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
            throw _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1.forInput(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.destinations, p.reference, 'a tag that exists (there is nothing to roll back)');
        const current = p.previous;
        const records = await readRecords(p.repo, current, deps.warn);
        const known = new Map();
        const learn = async (digest) => {
            if (known.has(digest) || !(0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .isDigest */ .Bc)(digest))
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
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .INPUT */ .bO.rollback}': no trusted promotion record on ${p.reference} (${current}) names an earlier digest for it, so there is nothing to roll back to${rejected.length ? ` (records not trusted: ${rejected.join('; ')})` : ''}.`);
        }
        steps.push({ plan: p, target: known.get(chosen).manifest, current });
    }
    const stats = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyStats */ .bD)();
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


/***/ })

};
