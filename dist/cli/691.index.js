export const id = 691;
export const ids = [691];
export const modules = {

/***/ 155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* reexport safe */ _breaker_js__WEBPACK_IMPORTED_MODULE_0__.C),
/* harmony export */   Dr: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_2__.Dr),
/* harmony export */   Iu: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_2__.Iu),
/* harmony export */   Pl: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_2__.Pl),
/* harmony export */   Qq: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_2__.Qq)
/* harmony export */ });
/* harmony import */ var _breaker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9103);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2881);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9663);





/***/ }),

/***/ 5691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  post: () => (/* binding */ post)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/runtime/annotations.ts
var annotations = __webpack_require__(4822);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
// EXTERNAL MODULE: ./src/net/index.ts
var net = __webpack_require__(155);
;// CONCATENATED MODULE: ./src/vault-secrets/vault-client.ts


class VaultClient {
    http;
    namespace;
    debug;
    base;
    constructor(http, url, namespace, debug = () => undefined) {
        this.http = http;
        this.namespace = namespace;
        this.debug = debug;
        this.base = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
    }
    get address() {
        return (0,net/* safeUrl */.Pl)(this.base);
    }
    /** Sends one call; returns any status (callers decide what a 404 means). Network failures throw a ConfigurationError. */
    async call(call) {
        const url = new URL(`v1/${call.path.split('/').map(encodeURIComponent).join('/')}`, this.base);
        for (const [name, value] of Object.entries(call.query ?? {}))
            url.searchParams.set(name, value);
        const headers = { 'x-vault-request': 'true', accept: 'application/json' };
        if (this.namespace)
            headers['x-vault-namespace'] = this.namespace;
        if (call.token)
            headers['x-vault-token'] = call.token;
        if (call.body !== undefined)
            headers['content-type'] = 'application/json';
        let response;
        try {
            response = await this.http.request({
                url,
                method: call.method,
                headers,
                body: call.body === undefined ? undefined : JSON.stringify(call.body),
                retrySafe: call.retrySafe,
            });
        }
        catch (error) {
            throw unreachable(this.address, call.path, error);
        }
        const text = await response.text();
        let body;
        try {
            body = text ? JSON.parse(text) : undefined;
        }
        catch {
            body = undefined;
        }
        this.debug(`${call.method} ${call.path}${call.query?.version ? ` (version ${call.query.version})` : ''}: HTTP ${response.status}`);
        return { status: response.status, body };
    }
    /** A call that must succeed (2xx); anything else becomes a VaultError for `what`. */
    async expect(call, what) {
        const response = await this.call(call);
        if (response.status >= 200 && response.status < 300)
            return response.body;
        throw vaultError(what, response);
    }
}
/** A failure reported by Vault: what was attempted, the status, and what to do. */
class VaultError extends Error {
    status;
    name = 'VaultError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
function isSealed(response) {
    return (response.status === 503 &&
        (response.body?.errors ?? []).some((e) => typeof e === 'string' && /sealed/i.test(e)));
}
function vaultError(what, response) {
    const status = response.status;
    const hint = (() => {
        if (isSealed(response))
            return 'Vault is sealed: unseal it (or point url at an unsealed node) and re-run';
        switch (status) {
            case 400:
                return 'Vault rejected the request: check the role, the credentials and what the role binds (audience, subject, claims)';
            case 403:
                return "permission denied: the token's policies do not allow this, or the token is invalid or revoked";
            case 404:
                return 'not found: check the path and the mount (or set ignore-not-found)';
            case 405:
                return 'method not allowed: the path is not a readable secret';
            case 412:
                return 'not yet consistent on this node: re-run, or read from the active node';
            case 429:
                return 'rate limited by a Vault quota after the configured retries: raise the quota or the retries';
            case 503:
                return 'Vault is unavailable (standby without forwarding, or in maintenance)';
            default:
                return status >= 500 ? 'Vault failed internally after the configured retries' : 'unexpected answer';
        }
    })();
    return new VaultError(`${what}: HTTP ${status} (${hint}).`, status);
}
function unreachable(address, path, error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof net/* NetworkError */.Dr ? (error.causeCode ?? '') : '';
    if (/CERT|SELF_SIGNED|SSL|TLS|UNABLE_TO_VERIFY|ALERT/i.test(code)) {
        return new errors/* ConfigurationError */.j1(`Input 'ca-certificate': TLS to ${address} failed (${code}); give the CA that signed Vault's certificate (and client-certificate/client-key if Vault requires one).`);
    }
    if (error instanceof net/* NetworkError */.Dr ||
        error instanceof net/* HttpTimeoutError */.Iu ||
        error instanceof net/* CircuitOpenError */.Ch) {
        return new errors/* ConfigurationError */.j1(`Input 'url': Vault at ${address} could not be reached for ${path} (${message}) after the configured retries; check url and the network.`);
    }
    return error instanceof Error ? error : new Error(message);
}

;// CONCATENATED MODULE: ./src/vault-secrets/auth.ts


async function login(client, auth, sources) {
    if (auth.method === 'token') {
        const body = await client.expect({ method: 'GET', path: 'auth/token/lookup-self', token: auth.token }, "Input 'token': looking the token up (auth/token/lookup-self) failed");
        const data = body?.data ?? {};
        return {
            token: auth.token,
            issued: false,
            ttlSeconds: Number(data.ttl ?? 0),
            policies: asStrings(data.policies),
        };
    }
    const { path, body } = await loginRequest(auth, sources);
    const response = await client.call({ method: 'POST', path, body, retrySafe: true });
    const clientToken = response.body?.auth?.client_token;
    // The token is masked before anything else can see it, even when the status says failure.
    if (typeof clientToken === 'string' && clientToken !== '')
        sources.mask(clientToken);
    if (response.status !== 200 || typeof clientToken !== 'string' || clientToken === '') {
        if (response.status === 200)
            throw new VaultError(`Login with method ${auth.method} at ${path}: Vault returned no token.`, 200);
        throw vaultError(`Login with method ${auth.method} at ${path} (role ${describeRole(auth)})`, response);
    }
    const authBlock = response.body.auth;
    return {
        token: clientToken,
        issued: true,
        ttlSeconds: Number(authBlock.lease_duration ?? 0),
        policies: asStrings(authBlock.policies),
    };
}
async function loginRequest(auth, sources) {
    switch (auth.method) {
        case 'jwt': {
            const jwt = await sources.githubIdToken(auth.audience);
            sources.mask(jwt);
            return { path: `auth/${auth.mount}/login`, body: { role: auth.role, jwt } };
        }
        case 'kubernetes': {
            const jwt = (await sources.kubernetesToken(auth.tokenPath)).trim();
            sources.mask(jwt);
            return { path: `auth/${auth.mount}/login`, body: { role: auth.role, jwt } };
        }
        case 'approle':
            return { path: `auth/${auth.mount}/login`, body: { role_id: auth.roleId, secret_id: auth.secretId } };
        case 'userpass':
            return { path: `auth/${auth.mount}/login/${auth.username}`, body: { password: auth.password } };
    }
}
function describeRole(auth) {
    switch (auth.method) {
        case 'jwt':
        case 'kubernetes':
            return `'${auth.role}'`;
        case 'approle':
            return 'from role-id';
        case 'userpass':
            return `user '${auth.username}'`;
    }
}
/**
 * Asks the runner for a GitHub OIDC ID token for `audience`, exactly as @actions/core does:
 * GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=… with the request token as a bearer.
 */
async function requestGithubIdToken(http, requestUrl, requestToken, audience) {
    const url = new URL(requestUrl);
    url.searchParams.set('audience', audience);
    let response;
    try {
        response = await http.request({
            url,
            headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
        });
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Input 'method': the runner's ID-token endpoint could not be reached (${error.message}).`);
    }
    const body = (await response.json().catch(() => undefined));
    if (response.status === 401 || response.status === 403) {
        throw new errors/* ConfigurationError */.j1(`Input 'method': jwt needs an ID token, and the runner refused one (HTTP ${response.status}); give the job 'permissions: id-token: write'.`);
    }
    if (!response.ok || typeof body?.value !== 'string' || body.value === '') {
        throw new Error(`The runner's ID-token endpoint answered HTTP ${response.status} without a token.`);
    }
    return body.value;
}
function asStrings(value) {
    return Array.isArray(value) ? value.map(String) : [];
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/vault-secrets/command.ts

/**
 * `run`: the command gets the secrets in its environment and nothing else does; they leave with
 * its process tree. Under the runner its output goes straight to the step log (the runner masks
 * it); in the CLI it is redacted line by line on the way to stderr.
 */
async function runWithSecrets(runtime, command, secrets, cwd) {
    const env = {};
    for (const [name, value] of Object.entries(runtime.env)) {
        // The action's own inputs and state (credentials among them) are not the command's business.
        if (value !== undefined && !name.startsWith('INPUT_') && !name.startsWith('STATE_'))
            env[name] = value;
    }
    Object.assign(env, secrets);
    const piped = runtime.kind === 'cli';
    const child = (0,external_node_child_process_.spawn)('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
        cwd,
        env,
        stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'],
    });
    if (piped) {
        for (const stream of [child.stdout, child.stderr]) {
            let pending = '';
            stream?.setEncoding('utf8');
            stream?.on('data', (chunk) => {
                const lines = (pending + chunk).split('\n');
                pending = lines.pop() ?? '';
                for (const line of lines)
                    runtime.info(line);
            });
            stream?.on('end', () => pending && runtime.info(pending));
        }
    }
    return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
}

;// CONCATENATED MODULE: ./src/vault-secrets/constants.ts
/** Input, output and state names of vault-secrets, in one place. */
const INPUT = {
    url: 'url',
    namespace: 'namespace',
    caCertificate: 'ca-certificate',
    clientCertificate: 'client-certificate',
    clientKey: 'client-key',
    tlsSkipVerify: 'tls-skip-verify',
    method: 'method',
    role: 'role',
    authPath: 'auth-path',
    jwtAudience: 'jwt-audience',
    roleId: 'role-id',
    secretId: 'secret-id',
    username: 'username',
    password: 'password',
    token: 'token',
    kubernetesTokenPath: 'kubernetes-token-path',
    secrets: 'secrets',
    exportEnv: 'export-env',
    run: 'run',
    revoke: 'revoke',
    exportToken: 'export-token',
    ignoreNotFound: 'ignore-not-found',
    retries: 'retries',
    timeout: 'timeout',
};
const OUTPUT = {
    secretNames: 'secret-names',
    leaseCount: 'lease-count',
    vaultToken: 'vault-token',
};
/** What main hands to post: never a secret value; the token only when post must revoke it. */
const STATE = {
    token: 'vault-token',
    leases: 'vault-leases',
};
const METHODS = ['jwt', 'approle', 'kubernetes', 'userpass', 'token'];
/** The inputs only one method uses: giving one with another method is a mistake worth naming. */
const METHOD_INPUTS = {
    jwt: [INPUT.role, INPUT.jwtAudience],
    approle: [INPUT.roleId, INPUT.secretId],
    kubernetes: [INPUT.role, INPUT.kubernetesTokenPath],
    userpass: [INPUT.username, INPUT.password],
    token: [INPUT.token],
};
const DEFAULT_KUBERNETES_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';
/** Values shorter than this are masked anyway, with a warning (masking them garbles the log). */
const SHORT_SECRET_LENGTH = 4;

;// CONCATENATED MODULE: ./src/vault-secrets/secrets-spec.ts


const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENTRY = /^(\S+)\s+(\S+)(?:\s*\|\s*(\S*))?$/;
function parseSecrets(text) {
    const requests = [];
    text.split(/\r?\n/).forEach((rawLine, index) => {
        const line = index + 1;
        const trimmedLine = rawLine.trim();
        if (trimmedLine === '' || trimmedLine.startsWith('#'))
            return;
        for (const part of trimmedLine.split(';')) {
            const entry = part.trim();
            if (entry === '')
                continue;
            requests.push(parseEntry(entry, line));
        }
    });
    return requests;
}
function fail(line, entry, why) {
    throw new errors/* ConfigurationError */.j1(`Input '${INPUT.secrets}', line ${line}: ${why}; got ${(0,errors/* quoteGiven */.k9)(entry)}.`);
}
function parseEntry(entry, line) {
    const match = ENTRY.exec(entry);
    if (!match) {
        if (!/\s/.test(entry.replace(/\s*\|.*$/, ''))) {
            fail(line, entry, "a path needs a key after it: write 'path key | NAME', 'path *' or 'path **'");
        }
        fail(line, entry, "expected 'path key', 'path key | NAME', 'path * | PREFIX_' or 'path **'");
    }
    const [, rawPath, selector, name] = match;
    if (name === '')
        fail(line, entry, "nothing after '|': name the output, or drop the '|'");
    if (selector.includes('|'))
        fail(line, entry, "put spaces around '|'");
    if (name !== undefined && !NAME.test(name)) {
        fail(line, entry, `'${name}' is not a valid name: use letters, digits and _ and do not start with a digit`);
    }
    const [pathPart, query, ...more] = rawPath.split('?');
    if (more.length)
        fail(line, entry, "a path has at most one '?'");
    const path = pathPart.replace(/^\/+/, '').replace(/\/+$/, '');
    if (path === '' || path.includes('://'))
        fail(line, entry, "the path is a Vault path such as 'secret/app', not a URL");
    if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
        fail(line, entry, "the path has an empty, '.' or '..' segment");
    }
    let version;
    if (query !== undefined) {
        const versionMatch = /^version=(\d+)$/.exec(query);
        if (!versionMatch || Number(versionMatch[1]) < 1)
            fail(line, entry, "the only query is '?version=N' with N a positive integer");
        version = Number(versionMatch[1]);
    }
    return { path, version, selector: selector, name, line };
}
/** Distinct paths, keyed by path and version: one request each. */
function pathKey(request) {
    return request.version === undefined ? request.path : `${request.path}?version=${request.version}`;
}
/** A key as a name: characters other than letters, digits and _ become _, never a leading digit. */
function normalizeName(key, upper) {
    let name = key.replace(/[^A-Za-z0-9_]/g, '_');
    if (/^\d/.test(name) || name === '')
        name = `_${name}`;
    return upper ? name.toUpperCase() : name;
}
/**
 * Variables a secret must never set: whoever can write a key into a Vault path read with `*` would
 * otherwise choose what later steps execute (NODE_OPTIONS, BASH_ENV, LD_PRELOAD, PATH…) or forge
 * the runner's own variables.
 */
const RESERVED_ENV = new Set([
    'PATH',
    'HOME',
    'SHELL',
    'ENV',
    'BASH_ENV',
    'IFS',
    'CDPATH',
    'PS4',
    'NODE_OPTIONS',
    'NODE_PATH',
    'NODE_EXTRA_CA_CERTS',
    'LD_PRELOAD',
    'LD_LIBRARY_PATH',
    'DYLD_INSERT_LIBRARIES',
    'PYTHONPATH',
    'PYTHONSTARTUP',
    'PERL5OPT',
    'RUBYOPT',
    'JAVA_TOOL_OPTIONS',
    'GIT_SSH_COMMAND',
    'GIT_CONFIG_GLOBAL',
    'CI',
    'VAULT_TOKEN',
]);
const RESERVED_ENV_PREFIXES = ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_', 'GIT_CONFIG_'];
function isReservedEnvName(name) {
    const upper = name.toUpperCase();
    return RESERVED_ENV.has(upper) || RESERVED_ENV_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

;// CONCATENATED MODULE: ./src/vault-secrets/config.ts



/** Credential inputs, masked before anything is parsed (a parse error must not be the first to print one). */
const CREDENTIAL_INPUTS = [INPUT.secretId, INPUT.password, INPUT.token, INPUT.clientKey];
function parseConnection(inputs) {
    const rawUrl = inputs.required(INPUT.url);
    let url;
    try {
        url = new URL(rawUrl);
    }
    catch {
        throw errors/* ConfigurationError */.j1.forInput(INPUT.url, rawUrl, "Vault's address such as https://vault.example.com:8200");
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw errors/* ConfigurationError */.j1.forInput(INPUT.url, rawUrl, 'an http:// or https:// address');
    if (url.username || url.password)
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.url}': remove the credentials from the URL; use method and its inputs instead.`);
    if (url.search || url.hash)
        throw errors/* ConfigurationError */.j1.forInput(INPUT.url, `${url.origin}${url.pathname}…`, 'an address without ?query or #fragment');
    const namespace = inputs.optional(INPUT.namespace)?.replace(/^\/+|\/+$/g, '');
    if (namespace !== undefined && !/^[A-Za-z0-9_.\-/]+$/.test(namespace)) {
        throw errors/* ConfigurationError */.j1.forInput(INPUT.namespace, namespace, 'a namespace path such as admin/team-a');
    }
    const cert = pem(inputs, INPUT.clientCertificate);
    const key = pem(inputs, INPUT.clientKey);
    if ((cert === undefined) !== (key === undefined)) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUT.clientCertificate}' and '${INPUT.clientKey}' go together: give both or neither.`);
    }
    return {
        url,
        namespace: namespace || undefined,
        tls: {
            ca: pem(inputs, INPUT.caCertificate),
            cert,
            key,
            skipVerify: inputs.boolean(INPUT.tlsSkipVerify, false),
        },
        retries: inputs.integer(INPUT.retries, { min: 0, max: 10, fallback: 3 }),
        timeoutMs: inputs.duration(INPUT.timeout, 30_000),
    };
}
function parseAuth(inputs, url) {
    const method = inputs.oneOf(INPUT.method, METHODS, 'jwt');
    for (const [other, names] of Object.entries(METHOD_INPUTS)) {
        if (other === method)
            continue;
        for (const name of names) {
            if (METHOD_INPUTS[method].includes(name))
                continue;
            if (inputs.optional(name) !== undefined) {
                throw new errors/* ConfigurationError */.j1(`Input '${name}' is used only with method ${other}, but method is ${method}; remove it or change method.`);
            }
        }
    }
    const mount = (inputs.optional(INPUT.authPath) ?? method).replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
    if (method !== 'token' && !/^[A-Za-z0-9_.\-/]+$/.test(mount))
        throw errors/* ConfigurationError */.j1.forInput(INPUT.authPath, mount, 'the auth mount path, such as jwt or github-actions');
    const need = (name) => {
        const value = inputs.optional(name);
        if (value === undefined)
            throw new errors/* ConfigurationError */.j1(`Input '${name}' is required with method ${method}.`);
        return value;
    };
    switch (method) {
        case 'token':
            return { method, token: need(INPUT.token) };
        case 'jwt':
            return {
                method,
                mount,
                role: need(INPUT.role),
                audience: inputs.optional(INPUT.jwtAudience) ?? url.hostname,
            };
        case 'approle':
            return { method, mount, roleId: need(INPUT.roleId), secretId: need(INPUT.secretId) };
        case 'kubernetes':
            return {
                method,
                mount,
                role: need(INPUT.role),
                tokenPath: inputs.optional(INPUT.kubernetesTokenPath) ?? DEFAULT_KUBERNETES_TOKEN_PATH,
            };
        case 'userpass': {
            const username = need(INPUT.username);
            if (username.includes('/'))
                throw errors/* ConfigurationError */.j1.forInput(INPUT.username, username, 'a user name without /');
            return { method, mount, username, password: need(INPUT.password) };
        }
    }
}
function parseConfig(inputs) {
    const connection = parseConnection(inputs);
    const auth = parseAuth(inputs, connection.url);
    const secrets = parseSecrets(inputs.string(INPUT.secrets));
    const exportToken = inputs.boolean(INPUT.exportToken, false);
    const run = inputs.optional(INPUT.run);
    const exportEnv = inputs.boolean(INPUT.exportEnv, false);
    if (secrets.length === 0 && !exportToken) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.secrets}' is empty: list what to read ('secret/app key | NAME'), or set ${INPUT.exportToken}: true to only log in.`);
    }
    if (run !== undefined && exportEnv) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUT.run}' and '${INPUT.exportEnv}' contradict each other: run keeps the secrets inside the command; export-env hands them to every later step. Choose one.`);
    }
    return {
        ...connection,
        auth,
        secrets,
        exportEnv,
        run,
        revoke: inputs.boolean(INPUT.revoke, true),
        exportToken,
        ignoreNotFound: inputs.boolean(INPUT.ignoreNotFound, false),
    };
}
/** PEM text, or base64 of PEM as vault-action takes it. */
function pem(inputs, name) {
    const value = inputs.optional(name);
    if (value === undefined)
        return undefined;
    if (value.includes('-----BEGIN '))
        return value;
    const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
    if (decoded.includes('-----BEGIN '))
        return decoded;
    throw new errors/* ConfigurationError */.j1(`Input '${name}': expected PEM text (-----BEGIN …) or base64 of it; the value given is neither.`);
}

;// CONCATENATED MODULE: ./src/vault-secrets/fetch-secrets.ts



async function fetchSecrets(client, requests, options) {
    const byPath = new Map();
    for (const request of requests)
        byPath.set(pathKey(request), [...(byPath.get(pathKey(request)) ?? []), request]);
    const mounts = new MountResolver(client, options.token);
    const settled = await Promise.allSettled([...byPath.values()].map(async (group) => readPath(client, mounts, group, options)));
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure)
        throw failure.reason;
    const results = settled.map((s) => s.value);
    const secrets = [];
    const seen = new Map();
    for (const result of results) {
        for (const secret of result.secrets) {
            const clash = seen.get(secret.outputName);
            if (clash) {
                throw new errors/* ConfigurationError */.j1(`Input 'secrets': line ${clash.line} (${clash.path}) and line ${secret.line} (${secret.path}) both produce the name '${secret.outputName}'; rename one with '| NAME' or a prefix.`);
            }
            seen.set(secret.outputName, secret);
            secrets.push(secret);
        }
    }
    return {
        secrets,
        paths: results.map((r) => r.report),
        leases: results.flatMap((r) => (r.lease ? [r.lease] : [])),
    };
}
async function readPath(client, mounts, group, options) {
    const { path, version } = group[0];
    const shown = pathKey(group[0]);
    const mount = await mounts.resolve(path);
    const kv2 = mount?.type === 'kv' && mount.version === 2;
    if (version !== undefined && !kv2) {
        throw new errors/* ConfigurationError */.j1(`Input 'secrets', line ${group[0].line}: '${shown}' asks for a version, but ${path} is not on a KV v2 mount; drop '?version=${version}'.`);
    }
    const apiPath = kv2 ? kv2DataPath(mount, path) : path;
    const response = await client.call({
        method: 'GET',
        path: apiPath,
        query: version === undefined ? undefined : { version: String(version) },
        token: options.token,
    });
    const engine = mount ? (mount.type === 'kv' ? `kv v${mount.version}` : mount.type) : 'unknown mount';
    if (response.status === 404) {
        const deleted = kv2 && isDeletedVersion(response.body);
        if (options.ignoreNotFound) {
            options.warn(`${shown} was not found${deleted ? ' (the version is deleted or destroyed)' : ''}; skipped because ignore-not-found is true.`);
            return { secrets: [], report: { path: shown, engine, keys: 0, outcome: 'not found (ignored)' } };
        }
        const what = deleted
            ? `Reading ${shown} (line ${group[0].line}): that version is deleted or destroyed; read another version or undelete it`
            : `Reading ${shown} (line ${group[0].line})`;
        throw vaultError(what, response);
    }
    if (response.status !== 200)
        throw vaultError(`Reading ${shown} (line ${group[0].line})`, response);
    const envelope = response.body;
    const raw = kv2 ? envelope?.data?.data : envelope?.data;
    const data = raw && typeof raw === 'object' ? raw : {};
    // Mask every value the path returned, selected or not, before anything else looks at them.
    for (const value of Object.values(data))
        options.mask(value);
    let lease;
    if (envelope?.lease_id) {
        lease = {
            id: envelope.lease_id,
            durationSeconds: Number(envelope.lease_duration ?? 0),
            renewable: envelope.renewable === true,
        };
        options.onLease(lease);
    }
    const secrets = group.flatMap((request) => fetch_secrets_select(request, data, options));
    return {
        secrets,
        lease,
        report: {
            path: shown,
            engine,
            keys: Object.keys(data).length,
            leaseSeconds: lease?.durationSeconds,
            outcome: 'read',
        },
    };
}
function fetch_secrets_select(request, data, options) {
    const base = { path: pathKey(request), line: request.line };
    if (request.selector === '*' || request.selector === '**') {
        const upper = request.selector === '*';
        const prefix = request.name ?? '';
        return Object.entries(data).map(([key, value]) => {
            const name = prefix + normalizeName(key, upper);
            return { ...base, outputName: name, envName: name, value };
        });
    }
    if (!(request.selector in data)) {
        if (options.ignoreNotFound) {
            options.warn(`${base.path} has no key '${request.selector}' (line ${request.line}); skipped because ignore-not-found is true.`);
            return [];
        }
        throw new VaultError(`Reading ${base.path} (line ${request.line}): the secret has no key '${request.selector}'; it has ${Object.keys(data).length} other key(s). Check the key name.`, 404);
    }
    const value = data[request.selector];
    if (request.name)
        return [{ ...base, outputName: request.name, envName: request.name, value }];
    return [
        {
            ...base,
            outputName: normalizeName(request.selector, false),
            envName: normalizeName(request.selector, true),
            value,
        },
    ];
}
/** `secret/app` on KV v2 mount `secret/` is read at `secret/data/app`; vault-action's `secret/data/app` is kept. */
function kv2DataPath(mount, path) {
    const rest = path.slice(mount.path.length);
    return rest.startsWith('data/') ? path : `${mount.path}data/${rest}`;
}
function isDeletedVersion(body) {
    const metadata = body?.data?.metadata;
    return Boolean(metadata && (metadata.deletion_time || metadata.destroyed));
}
/**
 * Finds a path's mount with one sys/internal/ui/mounts lookup per mount: Vault forbids nested
 * mounts, so every path under a found mount shares it. Paths are grouped by their first segment
 * while a lookup is in flight. A lookup that is refused or finds nothing means "read the path as
 * given", as the vault CLI does.
 */
class MountResolver {
    client;
    token;
    known = [];
    pending = new Map();
    constructor(client, token) {
        this.client = client;
        this.token = token;
    }
    async resolve(path) {
        const found = this.covering(path);
        if (found)
            return found;
        const first = path.split('/')[0];
        const inFlight = this.pending.get(first);
        if (inFlight) {
            await inFlight;
            const after = this.covering(path);
            if (after)
                return after;
        }
        const lookup = this.lookup(path);
        if (!inFlight)
            this.pending.set(first, lookup);
        return lookup;
    }
    covering(path) {
        return this.known.find((mount) => `${path}/`.startsWith(mount.path));
    }
    async lookup(path) {
        const response = await this.client.call({
            method: 'GET',
            path: `sys/internal/ui/mounts/${path}`,
            token: this.token,
        });
        if (response.status !== 200) {
            if ([400, 403, 404].includes(response.status))
                return undefined;
            throw vaultError(`Looking up the mount of ${path} (sys/internal/ui/mounts)`, response);
        }
        const data = (response.body?.data ?? {});
        if (typeof data.path !== 'string' || data.path === '')
            return undefined;
        const mount = {
            path: data.path.endsWith('/') ? data.path : `${data.path}/`,
            type: String(data.type ?? ''),
            version: String(data.options?.version ?? '1') === '2' ? 2 : 1,
        };
        if (!this.covering(mount.path))
            this.known.push(mount);
        return mount;
    }
}

;// CONCATENATED MODULE: ./src/vault-secrets/masking.ts

/**
 * Everything that must be registered as a mask for one value read from Vault: the value, each of
 * its lines (the runner masks line by line), and when it is JSON, each string or number leaf and
 * their lines (the runner never looks inside a JSON value registered whole). Booleans and null are
 * not secrets and masking them would garble every log line that says "true".
 */
function maskParts(value) {
    const parts = new Set();
    const addText = (text) => {
        if (text.trim() === '')
            return;
        parts.add(text);
        for (const line of text.split(/\r?\n/))
            if (line.trim() !== '')
                parts.add(line.trim());
    };
    const walk = (node) => {
        if (typeof node === 'string') {
            addText(node);
            const parsed = parseJsonContainer(node);
            if (parsed !== undefined)
                walk(parsed);
        }
        else if (typeof node === 'number' && Number.isFinite(node))
            addText(String(node));
        else if (Array.isArray(node))
            node.forEach(walk);
        else if (node && typeof node === 'object')
            Object.values(node).forEach(walk);
    };
    if (typeof value === 'string' || typeof value === 'number')
        walk(value);
    else if (value && typeof value === 'object') {
        addText(JSON.stringify(value));
        walk(value);
    }
    return [...parts];
}
/** The value as it is handed on (outputs, env): strings as they are, anything else as JSON. */
function valueText(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function isShort(part) {
    return part.length < SHORT_SECRET_LENGTH;
}
function parseJsonContainer(text) {
    const trimmed = text.trim();
    if (!(trimmed.startsWith('{') || trimmed.startsWith('[')))
        return undefined;
    try {
        return JSON.parse(trimmed);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/vault-secrets/tls.ts
/**
 * Vault's TLS as src/net takes it: a custom CA, a client certificate, or (warned about) no
 * verification. Proxies are not set here: src/net reads HTTP(S)_PROXY and NO_PROXY from the
 * environment it is given, for Vault and for the runner's ID-token endpoint alike.
 */
function vaultTls(tls) {
    return { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: !tls.skipVerify };
}

;// CONCATENATED MODULE: ./src/vault-secrets/run.ts













const masked = new WeakMap();
/** Registers each part of a value once (a value's lines and JSON leaves overlap). */
function maskValue(ctx, value) {
    const seen = masked.get(ctx) ?? new Set();
    masked.set(ctx, seen);
    for (const part of maskParts(value)) {
        if (seen.has(part))
            continue;
        ctx.runtime.setSecret(part);
        // setSecret registers the part's lines too.
        for (const registered of (0,annotations/* secretParts */.B)(part))
            seen.add(registered);
    }
}
function vaultClient(ctx, connection) {
    const http = ctx.http({
        retries: connection.retries,
        timeoutMs: connection.timeoutMs,
        tls: vaultTls(connection.tls),
        proxyEnv: ctx.runtime.env,
    });
    return new VaultClient(http, connection.url, connection.namespace, (message) => ctx.runtime.debug(message));
}
const main = async (ctx) => {
    const { runtime } = ctx;
    // Credentials are masks before anything is parsed or printed.
    for (const name of CREDENTIAL_INPUTS)
        maskValue(ctx, runtime.getInput(name).trim());
    if (runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        runtime.setSecret(runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const config = parseConfig(ctx.inputs);
    // A base64 client-key input is masked above as given; its decoded PEM is masked too.
    if (config.tls.key)
        maskValue(ctx, config.tls.key);
    if (config.tls.skipVerify) {
        runtime.annotate({
            level: 'warning',
            message: `${INPUT.tlsSkipVerify} is true: Vault's certificate is not checked, so anyone on the path can read the secrets. Give ca-certificate instead.`,
        });
    }
    if (config.url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(config.url.hostname)) {
        runtime.annotate({
            level: 'warning',
            message: `${INPUT.url} uses plain http: tokens and secrets cross the network unencrypted.`,
        });
    }
    const client = vaultClient(ctx, config);
    const sources = {
        mask: (value) => maskValue(ctx, value),
        githubIdToken: (audience) => {
            const url = runtime.env.ACTIONS_ID_TOKEN_REQUEST_URL;
            const token = runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
            if (!url || !token) {
                throw new errors/* ConfigurationError */.j1(`Input '${INPUT.method}': jwt needs GitHub's OIDC token, and this job cannot request one; add 'permissions: id-token: write' to the job (or choose another method).`);
            }
            // The runner's endpoint is not Vault: the proxy applies, Vault's CA and client certificate do not.
            return requestGithubIdToken(ctx.http({ retries: config.retries, timeoutMs: config.timeoutMs, proxyEnv: runtime.env }), url, token, audience);
        },
        kubernetesToken: async (path) => {
            try {
                return await (0,promises_.readFile)(path, 'utf8');
            }
            catch {
                throw new errors/* ConfigurationError */.j1(`Input '${INPUT.kubernetesTokenPath}': cannot read the service-account token at ${path}; set the path or run inside the pod.`);
            }
        },
    };
    const session = await ctx.log.stage('login', () => login(client, config.auth, sources), (s) => ({
        method: config.auth.method,
        issued: s.issued,
        ttl_seconds: s.ttlSeconds,
        policies: s.policies,
    }));
    // Post needs the token to revoke it (revoke-self also revokes its leases); saved now so a failing
    // fetch is still cleaned up. A token the user gave us is theirs: post re-reads it from the input and
    // revokes only the leases this step created.
    if (config.revoke && session.issued)
        runtime.saveState(STATE.token, session.token);
    const leaseIds = [];
    let result = { secrets: [], paths: [], leases: [] };
    try {
        if (config.secrets.length) {
            result = await ctx.log.stage('fetch', () => fetchSecrets(client, config.secrets, {
                token: session.token,
                ignoreNotFound: config.ignoreNotFound,
                mask: (value) => maskValue(ctx, value),
                onLease: (lease) => leaseIds.push(lease.id),
                warn: (message) => runtime.annotate({ level: 'warning', message }),
            }), (r) => ({ paths: r.paths.length, secrets: r.secrets.length, leases: r.leases.length }));
        }
    }
    finally {
        if (config.revoke && !session.issued && leaseIds.length)
            runtime.saveState(STATE.leases, JSON.stringify(leaseIds));
    }
    warnShort(ctx, result.secrets);
    await deliver(ctx, config, result.secrets, session.token);
    runtime.setOutput(OUTPUT.secretNames, JSON.stringify(result.secrets.map((s) => s.outputName)));
    runtime.setOutput(OUTPUT.leaseCount, String(result.leases.length));
    await runtime.appendSummary(summary(config, client.address, session, result));
};
function warnShort(ctx, secrets) {
    for (const secret of secrets) {
        if (maskParts(secret.value).some(isShort)) {
            ctx.runtime.annotate({
                level: 'warning',
                message: `Secret '${secret.outputName}' (${secret.path}) is, or contains, a value shorter than 4 characters. It is masked, so those characters show as *** wherever they appear in this job's log.`,
            });
        }
    }
}
async function deliver(ctx, config, secrets, token) {
    const { runtime } = ctx;
    if (config.run !== undefined || config.exportEnv) {
        const reserved = secrets.find((s) => isReservedEnvName(s.envName));
        if (reserved) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.secrets}', line ${reserved.line}: ${reserved.path} yields the variable ${reserved.envName}, which would change how later commands run; give it another name with '| NAME' or a prefix ('* | PREFIX_').`);
        }
    }
    if (config.run !== undefined) {
        const env = Object.fromEntries(secrets.map((s) => [s.envName, valueText(s.value)]));
        if (config.exportToken)
            env.VAULT_TOKEN = token;
        const code = await ctx.log.stage('run', () => runWithSecrets(runtime, config.run, env, ctx.workspace), (c) => ({ exit_code: c }));
        if (code !== 0)
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.run}': the command exited with code ${code}.`);
        return;
    }
    for (const secret of secrets) {
        runtime.setOutput(secret.outputName, valueText(secret.value));
        if (config.exportEnv)
            runtime.exportVariable(secret.envName, valueText(secret.value));
    }
    if (config.exportToken) {
        runtime.setOutput(OUTPUT.vaultToken, token);
        if (config.exportEnv)
            runtime.exportVariable('VAULT_TOKEN', token);
    }
}
function summary(config, address, session, result) {
    const where = config.run !== undefined
        ? "the 'run' command's environment only"
        : config.exportEnv
            ? 'step outputs and the environment of later steps'
            : 'step outputs';
    const revoke = !config.revoke
        ? 'not revoked (revoke: false): it lives until its TTL'
        : session.issued
            ? 'revoked with its leases by the post step'
            : 'not revoked (it was given to this step); leases issued here are revoked by the post step';
    const rows = result.paths.map((p) => [
        `\`${(0,runtime_text/* escapeMarkdown */.FV)(p.path)}\``,
        (0,runtime_text/* escapeMarkdown */.FV)(p.engine),
        String(p.keys),
        p.leaseSeconds === undefined ? '—' : `${p.leaseSeconds} s`,
        p.outcome,
    ]);
    return [
        '### Vault secrets',
        '',
        `Vault ${(0,runtime_text/* escapeMarkdown */.FV)(address)}${config.namespace ? ` (namespace \`${(0,runtime_text/* escapeMarkdown */.FV)(config.namespace)}\`)` : ''}, method \`${config.auth.method}\`; token TTL ${session.ttlSeconds} s, ${revoke}.`,
        `${result.secrets.length} secret(s) from ${result.paths.length} path(s) delivered to ${where}.`,
        '',
        rows.length ? (0,runtime_text/* markdownTable */.Qj)(['path', 'engine', 'keys', 'lease', 'outcome'], rows) : '',
    ].join('\n');
}
const post = async (ctx) => {
    const { runtime } = ctx;
    const token = runtime.getState(STATE.token);
    if (token)
        runtime.setSecret(token);
    const leases = parseLeases(runtime.getState(STATE.leases));
    if (!token && leases.length === 0) {
        runtime.info('vault-secrets: nothing to revoke.');
        return;
    }
    const connection = parseConnection(ctx.inputs);
    const client = vaultClient(ctx, connection);
    if (token) {
        await ctx.log.stage('revoke', async () => {
            const response = await client.call({
                method: 'POST',
                path: 'auth/token/revoke-self',
                token,
                retrySafe: true,
            });
            // 403: the token is already revoked or expired, which is what post wants.
            if (response.status === 403)
                runtime.info('vault-secrets: the token was already revoked or expired.');
            else if (response.status >= 300)
                throw vaultError('Revoking the token (auth/token/revoke-self)', response);
            else
                runtime.info('vault-secrets: revoked the token and the leases it created.');
        });
        return;
    }
    // A token the user gave: it is theirs to keep; revoke only the leases this job created.
    const userToken = runtime.getInput(INPUT.token).trim();
    if (!userToken)
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.token}' is empty in the post step; leases ${leases.length} cannot be revoked.`);
    runtime.setSecret(userToken);
    await ctx.log.stage('revoke', async () => {
        await Promise.all(leases.map(async (lease) => {
            const response = await client.call({
                method: 'PUT',
                path: 'sys/leases/revoke',
                body: { lease_id: lease },
                token: userToken,
            });
            if (response.status >= 300)
                throw vaultError(`Revoking lease ${lease} (sys/leases/revoke)`, response);
        }));
        runtime.info(`vault-secrets: revoked ${leases.length} lease(s).`);
    }, () => ({ leases: leases.length }));
};
function parseLeases(text) {
    if (!text)
        return [];
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((id) => typeof id === 'string') : [];
}


/***/ })

};
