export const id = 642;
export const ids = [642];
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

/***/ 4642:
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
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/runtime.ts
var runtime_runtime = __webpack_require__(2536);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
// EXTERNAL MODULE: ./src/net/index.ts
var net = __webpack_require__(155);
;// CONCATENATED MODULE: ./src/vault-secrets/vault-client.ts


class VaultClient {
    http;
    namespace;
    debug;
    mask;
    extraHeaders;
    base;
    constructor(http, url, namespace, debug = () => undefined, 
    /** Registers a credential found in an answer (a wrapping token) as a mask. */
    mask = () => undefined, 
    /** extra-headers: sent on every call, treated as credentials by src/net. */
    extraHeaders = {}) {
        this.http = http;
        this.namespace = namespace;
        this.debug = debug;
        this.mask = mask;
        this.extraHeaders = extraHeaders;
        this.base = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
    }
    get address() {
        return (0,net/* safeUrl */.Pl)(this.base);
    }
    /** Sends one call; returns any status (callers decide what a 404 means). Network failures throw a ConfigurationError. */
    async call(call) {
        // URL resolution would apply '.' and '..' segments: a path with one reaches another endpoint.
        // Inputs are checked with their names in config; this guards paths built from Vault's answers.
        const segments = call.path.split('/');
        if (segments.some((segment) => segment === '' || segment === '.' || segment === '..'))
            throw new Error(`Refusing a Vault path with an empty, '.' or '..' segment (${call.path.split('/')[0]}/…).`);
        const url = new URL(`v1/${segments.map(encodeURIComponent).join('/')}`, this.base);
        for (const [name, value] of Object.entries(call.query ?? {}))
            url.searchParams.set(name, value);
        const headers = {
            ...this.extraHeaders,
            'x-vault-request': 'true',
            accept: 'application/json',
        };
        if (this.namespace)
            headers['x-vault-namespace'] = this.namespace;
        if (call.token)
            headers['x-vault-token'] = call.token;
        if (call.body !== undefined)
            headers['content-type'] = 'application/json';
        let response;
        let text;
        try {
            response = await this.http.request({
                url,
                method: call.method,
                headers,
                body: call.body === undefined ? undefined : JSON.stringify(call.body),
                retrySafe: call.retrySafe,
                // A Vault that redirects elsewhere is a standby pointing at its active node, or someone on
                // the path: either way the token must not follow, and another server's answer is no secret.
                redirect: 'same-origin',
                // Vault answers 412 when a performance standby has not yet caught up with the token or the
                // secret (its replication is eventually consistent): vault-action retries it, so do we.
                retryStatuses: [412],
                sensitive: {
                    headers: ['x-vault-token', ...Object.keys(this.extraHeaders)],
                    body: call.sensitive === true,
                },
            });
            text = await response.text();
        }
        catch (error) {
            throw unreachable(this.address, call.path, error);
        }
        let body;
        try {
            body = text ? JSON.parse(text) : undefined;
        }
        catch {
            body = undefined;
        }
        this.debug(`${call.method} ${call.path}${call.query?.version ? ` (version ${call.query.version})` : ''}: HTTP ${response.status}`);
        if (body?.wrap_info) {
            // The wrapping token unwraps to the answer: a credential like the answer itself.
            if (typeof body.wrap_info.token === 'string' && body.wrap_info.token)
                this.mask(body.wrap_info.token);
            throw new VaultError(`${call.method} ${call.path}: Vault answered with a response-wrapped token (wrap_info) instead of the answer. Something asks Vault to wrap this path's responses (an X-Vault-Wrap-TTL header added by a proxy or Vault Agent, a control group, or a policy's min_wrapping_ttl); vault-secrets reads secrets directly, so exempt this path from wrapping, or unwrap the token yourself (vault unwrap) in a step of your own.`, response.status);
        }
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
    if (error instanceof net/* RedirectRefusedError */.jw) {
        return new errors/* ConfigurationError */.j1(`Input 'url': Vault at ${address} redirected ${path} elsewhere, and the redirect was refused (${message}). Credentials never follow a redirect to another address or to plain http: set url to the address that answers (the active node, or the one Vault advertises as api_addr).`);
    }
    const code = error instanceof net/* NetworkError */.Dr ? (error.causeCode ?? '') : '';
    if (/CERT|SELF_SIGNED|SSL|TLS|UNABLE_TO_VERIFY|ALERT/i.test(code)) {
        return new errors/* ConfigurationError */.j1(`Input 'ca-certificate': TLS to ${address} failed (${code}); give the CA that signed Vault's certificate (and client-certificate/client-key if Vault requires one).`);
    }
    if (error instanceof net/* NetworkError */.Dr ||
        error instanceof net/* HttpTimeoutError */.Iu ||
        error instanceof net/* CircuitOpenError */.Ch) {
        return new errors/* ConfigurationError */.j1(`Input 'url': Vault at ${address} could not be reached for ${path} (${message}) after the configured retries; check url and the network (and the timeout input if Vault is slow).`);
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
    // The body is a credential (role_id/secret_id, a JWT, a password): never resent to another origin.
    const response = await client.call({ method: 'POST', path, body, retrySafe: true, sensitive: true });
    const clientToken = response.body?.auth?.client_token;
    // The token is masked before anything else can see it, even when the status says failure.
    if (typeof clientToken === 'string' && clientToken !== '')
        sources.mask(clientToken);
    if (response.status !== 200 || typeof clientToken !== 'string' || clientToken === '') {
        if (response.status === 200)
            throw new VaultError(`Login with method ${auth.method} at ${path}: Vault returned no token.`, 200);
        throw vaultError(`Login with method ${auth.method === 'custom' ? auth.name : auth.method} at ${path} (role ${describeRole(auth)})`, response);
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
        case 'ldap':
            return { path: `auth/${auth.mount}/login/${auth.username}`, body: { password: auth.password } };
        case 'github':
            return { path: `auth/${auth.mount}/login`, body: { token: auth.token } };
        case 'custom':
            return { path: `auth/${auth.mount}/login`, body: auth.payload };
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
        case 'ldap':
            return `user '${auth.username}'`;
        case 'github':
            return 'from github-token';
        case 'custom':
            return `method ${auth.name}, from auth-payload`;
    }
}
function asStrings(value) {
    return Array.isArray(value) ? value.map(String) : [];
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
    githubToken: 'github-token',
    authPayload: 'auth-payload',
    extraHeaders: 'extra-headers',
    secretEncodingType: 'secret-encoding-type',
    compat: 'compat',
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
    /** vault-action's name for the token output (outputToken), set in the vault-action surface. */
    vaultActionToken: 'vault_token',
};
/** What main hands to post: never a secret value; the token only when post must revoke it. */
const STATE = {
    token: 'vault-token',
    leases: 'vault-leases',
};
const METHODS = ['jwt', 'approle', 'kubernetes', 'userpass', 'ldap', 'github', 'token'];
/** The inputs only one method uses: giving one with another method is a mistake worth naming. */
const METHOD_INPUTS = {
    jwt: [INPUT.role, INPUT.jwtAudience],
    approle: [INPUT.roleId, INPUT.secretId],
    kubernetes: [INPUT.role, INPUT.kubernetesTokenPath],
    userpass: [INPUT.username, INPUT.password],
    ldap: [INPUT.username, INPUT.password],
    github: [INPUT.githubToken],
    token: [INPUT.token],
    custom: [INPUT.authPayload],
};
/** The value encodings vault-action's secretEncodingType decodes. */
const ENCODINGS = ['base64', 'hex', 'utf8'];
const DEFAULT_KUBERNETES_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';
/** Values shorter than this are masked anyway, with a warning (masking them garbles the log). */
const SHORT_SECRET_LENGTH = 4;
/**
 * The most one Vault request may take in main, retries and body included (the timeout input bounds
 * each silence; this bounds a server that trickles). Vault's answers are small: minutes are plenty.
 */
const MAIN_REQUEST_DEADLINE_MS = 2 * 60_000;
/** Post only revokes: it gives up quickly rather than hold a job that has finished its work. */
const POST_DEADLINE_MS = 30_000;
const POST_TIMEOUT_MS = 10_000;
const POST_RETRIES = 1;

;// CONCATENATED MODULE: ./src/vault-secrets/command.ts





/**
 * An environment variable cannot hold a NUL byte. Checked before anything is spawned or exported,
 * with an error that names the variable only: Node's own refusal quotes the value in an escaped
 * form no mask matches.
 */
function assertEnvironmentValues(entries) {
    for (const [name, value] of entries) {
        if (name.includes('\0') || value.includes('\0'))
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.secrets}': the secret for ${name.replace(/\0/g, '\\0')} contains a NUL byte, which an environment variable cannot hold; deliver it as an output instead, or store it encoded (for example base64).`);
    }
}
/**
 * The platform's default shell for `run`, as a workflow's `run:` step gets it: bash (`-eo
 * pipefail`) where it is on PATH, otherwise `sh -e` on Linux and macOS, and pwsh (else Windows
 * PowerShell, else cmd) on Windows. A command given with CRLF line ends (an input edited on
 * Windows) runs with LF for the POSIX shells, where a trailing CR would be part of each word.
 */
function defaultShell(env, platform = process.platform) {
    const find = (name) => onPath(name, env, platform);
    const bash = find('bash');
    const posix = (command) => command.replace(/\r\n/g, '\n');
    if (bash)
        return { file: bash, args: (c) => ['--noprofile', '--norc', '-eo', 'pipefail', '-c', posix(c)] };
    if (platform !== 'win32')
        return { file: find('sh') ?? '/bin/sh', args: (c) => ['-e', '-c', posix(c)] };
    const pwsh = find('pwsh') ?? find('powershell');
    if (pwsh)
        return {
            file: pwsh,
            args: (c) => [
                '-NoLogo',
                '-NoProfile',
                '-NonInteractive',
                '-Command',
                `$ErrorActionPreference = 'stop'; ${c}; if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }`,
            ],
        };
    return { file: find('cmd') ?? 'cmd.exe', args: (c) => ['/D', '/E:ON', '/V:OFF', '/S', '/C', c] };
}
function onPath(name, env, platform) {
    const path = env.PATH ?? env.Path ?? '';
    const separator = platform === 'win32' ? ';' : external_node_path_.delimiter;
    const extensions = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
    for (const dir of path.split(separator).filter(Boolean))
        for (const extension of extensions) {
            const candidate = (0,external_node_path_.join)(dir, `${name}${extension.toLowerCase()}`);
            if ((0,external_node_fs_.statSync)(candidate, { throwIfNoEntry: false })?.isFile())
                return candidate;
        }
    return undefined;
}
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
    assertEnvironmentValues(Object.entries(secrets));
    Object.assign(env, secrets);
    const piped = runtime.kind === 'cli';
    const shell = defaultShell(env);
    let child;
    try {
        child = (0,external_node_child_process_.spawn)(shell.file, shell.args(command), {
            cwd,
            env,
            stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'],
        });
    }
    catch (error) {
        // Node's message may quote the environment (values included): keep only its code.
        throw new Error(`Input '${INPUT.run}': the command could not be started (${error.code ?? 'spawn failed'}).`);
    }
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

// EXTERNAL MODULE: ./src/runtime/inputs.ts
var runtime_inputs = __webpack_require__(2291);
;// CONCATENATED MODULE: ./src/vault-secrets/compat.ts



/**
 * hashicorp/vault-action's inputs (v3.4.0 action.yml), so a step switches by changing its `uses:`
 * line. Each alias stands for one Gantry input; the vault-action surface (see `detectSurface`) also
 * takes vault-action's defaults and naming, so `env.X` references and Vault roles keep working.
 */
const VAULT_ACTION_ALIASES = {
    path: INPUT.authPath,
    roleId: INPUT.roleId,
    secretId: INPUT.secretId,
    githubToken: INPUT.githubToken,
    kubernetesTokenPath: INPUT.kubernetesTokenPath,
    authPayload: INPUT.authPayload,
    extraHeaders: INPUT.extraHeaders,
    exportEnv: INPUT.exportEnv,
    outputToken: INPUT.exportToken,
    caCertificate: INPUT.caCertificate,
    clientCertificate: INPUT.clientCertificate,
    clientKey: INPUT.clientKey,
    tlsSkipVerify: INPUT.tlsSkipVerify,
    jwtGithubAudience: INPUT.jwtAudience,
    secretEncodingType: INPUT.secretEncodingType,
    ignoreNotFound: INPUT.ignoreNotFound,
};
/** vault-action's exportToken: VAULT_TOKEN in the environment of later steps (no Gantry input of its own). */
const EXPORT_TOKEN_ALIAS = 'exportToken';
/** vault-action inputs Gantry refuses, and why (checked before anything else). */
const REFUSED_VAULT_ACTION_INPUTS = {
    jwtPrivateKey: "self-signed JWTs (jwtPrivateKey) are not supported: a long-lived signing key kept as a repository secret is what GitHub's OIDC token replaces. Remove jwtPrivateKey, jwtKeyPassword and jwtTtl and log in with method jwt (GitHub OIDC, 'permissions: id-token: write'), or with approle",
    jwtKeyPassword: 'it goes with jwtPrivateKey, which is not supported',
    jwtTtl: 'it goes with jwtPrivateKey, which is not supported',
    pki: "issuing PKI certificates (pki) is not supported: read them with 'secrets' from pki/issue/<role> in a step of your own, or keep hashicorp/vault-action for that step",
};
/** Gantry inputs whose value is a boolean: 'True' and 'true' agree when an alias and its input are compared. */
const BOOLEAN_INPUTS = new Set([
    INPUT.exportEnv,
    INPUT.exportToken,
    INPUT.tlsSkipVerify,
    INPUT.ignoreNotFound,
]);
/**
 * Which surface is active, and the inputs with aliases folded in.
 *
 * The vault-action surface is on when `compat: vault-action` is given, or (without `compat`) when
 * any vault-action-only input name is used, or `token` is given without `method` (vault-action's
 * default method is token; Gantry's surface always needed `method: token`). `compat: gantry` turns
 * it off and refuses the aliases.
 */
function resolveInputs(runtime) {
    const raw = (name) => runtime.getInput(name).trim();
    for (const [name, why] of Object.entries(REFUSED_VAULT_ACTION_INPUTS)) {
        if (raw(name) !== '')
            throw new errors/* ConfigurationError */.j1(`Input '${name}': ${why}.`);
    }
    const aliasesUsed = [...Object.keys(VAULT_ACTION_ALIASES), EXPORT_TOKEN_ALIAS].filter((alias) => raw(alias) !== '');
    const compat = raw(INPUT.compat);
    if (compat !== '' && compat !== 'vault-action' && compat !== 'gantry')
        throw errors/* ConfigurationError */.j1.forInput(INPUT.compat, compat, "'vault-action' or 'gantry' (or empty: automatic)");
    if (compat === 'gantry' && aliasesUsed.length) {
        const alias = aliasesUsed[0];
        throw new errors/* ConfigurationError */.j1(`Input '${alias}' is hashicorp/vault-action's name, and compat is gantry: write ${gantryName(alias)} instead, or remove compat.`);
    }
    const surface = compat === 'vault-action' ||
        (compat === '' && (aliasesUsed.length > 0 || (raw(INPUT.token) !== '' && raw(INPUT.method) === '')))
        ? 'vault-action'
        : 'gantry';
    const fromAlias = new Set();
    const aliasOf = new Map(Object.entries(VAULT_ACTION_ALIASES).map(([alias, name]) => [name, alias]));
    const resolve = (name) => {
        const value = runtime.getInput(name);
        const alias = aliasOf.get(name);
        if (alias === undefined)
            return value;
        const aliasValue = runtime.getInput(alias);
        if (aliasValue.trim() === '')
            return value;
        if (value.trim() !== '' && !sameValue(name, value.trim(), aliasValue.trim())) {
            throw new errors/* ConfigurationError */.j1(`Inputs '${name}' and '${alias}' (its hashicorp/vault-action name) are both given, with different values: keep one.`);
        }
        fromAlias.add(name);
        return aliasValue;
    };
    const shown = (name) => (fromAlias.has(name) ? aliasOf.get(name) : name);
    const base = (0,runtime_inputs/* inputReader */.cN)({ getInput: resolve });
    // Errors name what the user wrote: the alias when the value came from it.
    const named = (fn) => (name, ...rest) => {
        try {
            return fn(name, ...rest);
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1 && fromAlias.has(name))
                throw new errors/* ConfigurationError */.j1(error.message.replaceAll(`'${name}'`, `'${shown(name)}'`));
            throw error;
        }
    };
    const inputs = {
        string: named(base.string),
        required: named(base.required),
        optional: named(base.optional),
        boolean: named(base.boolean),
        oneOf: named(base.oneOf),
        integer: named(base.integer),
        lines: named(base.lines),
        duration: named(base.duration),
        size: named(base.size),
    };
    return { inputs, surface, aliasesUsed, shown };
}
function sameValue(name, a, b) {
    return BOOLEAN_INPUTS.has(name) ? a.toLowerCase() === b.toLowerCase() : a === b;
}
/** vault-action's name for a Gantry input (the Gantry name when the two are the same). */
function vaultActionNameOf(name) {
    return Object.entries(VAULT_ACTION_ALIASES).find(([, gantry]) => gantry === name)?.[0] ?? name;
}
function gantryName(alias) {
    if (alias === EXPORT_TOKEN_ALIAS)
        return `${INPUT.exportToken} with ${INPUT.exportEnv}`;
    return VAULT_ACTION_ALIASES[alias] ?? alias;
}
/**
 * The one warning line of the vault-action surface: what the step uses, and the same step in
 * Gantry's inputs with the safer defaults.
 */
function switchWarning(resolved, method) {
    const used = resolved.aliasesUsed.length
        ? `vault-action inputs (${resolved.aliasesUsed.join(', ')})`
        : 'vault-action defaults';
    const renames = resolved.aliasesUsed
        .filter((alias) => alias !== EXPORT_TOKEN_ALIAS)
        .map((alias) => `${alias} → ${gantryName(alias)}`);
    return [
        `vault-secrets runs this step with ${used}: method ${method}, secrets exported to every later step's environment, vault-action's names, GitHub's default JWT audience.`,
        `With Gantry's inputs and safer defaults: ${[
            ...renames,
            `method: ${method === 'token' ? 'jwt (GitHub OIDC) instead of a stored token' : method}`,
            'export-env: false (read steps.<id>.outputs.<NAME>) or run',
            'jwt-audience: defaults to the Vault host',
            "'path * | PREFIX_' for key-derived names",
        ].join('; ')}.`,
        'See "Switching from hashicorp/vault-action" in the vault-secrets README.',
    ].join(' ');
}

;// CONCATENATED MODULE: ./src/vault-secrets/env-names.ts


/**
 * Which environment variable names a secret may take with `run` or `export-env`. The one rule, in
 * one place (documented in actions/vault-secrets/README.md, "Environment names"):
 *
 * 1. A name derived from Vault's keys by `*` or `**` needs a prefix (`path * | APP_`): whoever can
 *    write a key into the path otherwise chooses a variable that runs code (GIT_EXTERNAL_DIFF,
 *    LD_AUDIT, BASH_ENV…), and no list of such variables is complete. The prefix is letters, digits
 *    and `_`, ends with `_`, and is not the start of a dangerous family (`GIT_`, `LD_`, `NODE_`…).
 * 2. Every name (explicit `| NAME`, a key written in the input, or prefix + key) is checked against
 *    the denylist below: the loader, shells, git, package managers, language runtimes, the JVM,
 *    proxies and TLS trust, and the runner's own variables.
 *
 * Names are compared upper-cased (the runner's Windows side and many tools ignore case).
 */
/** Exact names a secret never sets. */
const DENIED_ENV_NAMES = new Set([
    // shells and the process
    'PATH',
    'HOME',
    'SHELL',
    'ENV',
    'BASH_ENV',
    'SHELLOPTS',
    'BASHOPTS',
    'IFS',
    'CDPATH',
    'GLOBIGNORE',
    'PS1',
    'PS2',
    'PS3',
    'PS4',
    'PROMPT_COMMAND',
    'HISTFILE',
    'ZDOTDIR',
    'TMPDIR',
    'TMP',
    'TEMP',
    'EDITOR',
    'VISUAL',
    'PAGER',
    'MANPAGER',
    'BROWSER',
    'LESSOPEN',
    'LESSCLOSE',
    'SSH_ASKPASS',
    'SUDO_ASKPASS',
    'SSH_AUTH_SOCK',
    'TERMINFO',
    // glibc: tunables, charset converters, locales, resolver
    'GLIBC_TUNABLES',
    'GCONV_PATH',
    'LOCPATH',
    'NLSPATH',
    'HOSTALIASES',
    'RES_OPTIONS',
    'LOCALDOMAIN',
    // proxies and TLS trust
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'ALL_PROXY',
    'NO_PROXY',
    'FTP_PROXY',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'CURL_CA_BUNDLE',
    'REQUESTS_CA_BUNDLE',
    'CURL_HOME',
    'WGETRC',
    // language runtimes
    'NODE_OPTIONS',
    'NODE_PATH',
    'NODE_EXTRA_CA_CERTS',
    'NODE_TLS_REJECT_UNAUTHORIZED',
    'NODE_REPL_EXTERNAL_MODULE',
    'RUBYOPT',
    'RUBYLIB',
    'CLASSPATH',
    '_JAVA_OPTIONS',
    'JDK_JAVA_OPTIONS',
    'GOFLAGS',
    'GOPROXY',
    'GOPRIVATE',
    'GONOSUMDB',
    'GONOSUMCHECK',
    'GOINSECURE',
    'GOENV',
    'GOTOOLCHAIN',
    'GOROOT',
    'GOPATH',
    'RUSTFLAGS',
    'RUSTC_WRAPPER',
    'RUSTDOCFLAGS',
    'KUBECONFIG',
    'CI',
]);
/** Families: every name starting with one of these. */
const DENIED_ENV_PREFIXES = [
    // the loader
    'LD_',
    'DYLD_',
    'MALLOC_',
    // shells (exported functions are BASH_FUNC_…)
    'BASH_',
    'ZSH_',
    // git (GIT_EXTERNAL_DIFF, GIT_SSH, GIT_ASKPASS, GIT_CONFIG_*, GIT_EXEC_PATH…)
    'GIT_',
    'XDG_',
    // package managers and build tools
    'NPM_CONFIG_',
    'YARN_',
    'PNPM_',
    'COREPACK_',
    'PIP_',
    'UV_',
    'POETRY_',
    'PIPENV_',
    'CONDA_',
    'GEM_',
    'BUNDLE_',
    'CARGO_',
    'RUSTUP_',
    'COMPOSER_',
    'NUGET_',
    'DOTNET_',
    'CORECLR_',
    'COMPLUS_',
    'MAVEN_',
    'GRADLE_',
    'SBT_',
    'ANT_',
    // language runtimes
    'PYTHON',
    'PERL5',
    'PERL_',
    'PERLLIB',
    'JAVA_',
    'JDK_',
    'RUBY_',
    'OPENSSL_',
    // containers and the Vault CLI a later command may run
    'DOCKER_',
    'BUILDKIT_',
    'VAULT_',
    // the runner's own
    'GITHUB_',
    'RUNNER_',
    'ACTIONS_',
    'INPUT_',
    'STATE_',
];
/** Why `name` may not carry a secret into an environment, or undefined when it may. */
function deniedEnvName(name) {
    const upper = name.toUpperCase();
    if (DENIED_ENV_NAMES.has(upper))
        return `${name} changes how programs run or where they connect`;
    const family = DENIED_ENV_PREFIXES.find((prefix) => upper.startsWith(prefix));
    if (family)
        return `${name} is in the ${family}* family, which changes how programs run`;
    return undefined;
}
const PREFIX_SHAPE = /^[A-Za-z][A-Za-z0-9_]*_$/;
/** Why `prefix` cannot stand before names derived from Vault keys, or undefined when it can. */
function wildcardPrefixProblem(prefix) {
    if (prefix === undefined || prefix === '')
        return "names taken from Vault's keys need a prefix: write 'path * | PREFIX_' (for example APP_)";
    if (!PREFIX_SHAPE.test(prefix))
        return `the prefix '${prefix}' must be letters, digits and _, start with a letter and end with _ (for example APP_)`;
    const upper = prefix.toUpperCase();
    const exact = [...DENIED_ENV_NAMES].find((name) => name.startsWith(upper));
    const family = DENIED_ENV_PREFIXES.find((f) => upper.startsWith(f) || f.startsWith(upper));
    if (exact || family)
        return `the prefix '${prefix}' starts names such as ${exact ?? `${family}…`} that change how programs run; choose another (for example APP_)`;
    return undefined;
}
/** Throws a ConfigurationError for the first use the rule refuses. */
function checkEnvNames(uses) {
    for (const use of uses) {
        const problem = (use.wildcard ? wildcardPrefixProblem(use.prefix) : undefined) ?? deniedEnvName(use.name);
        if (problem) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUT.secrets}', line ${use.line}: with '${INPUT.run}' or '${INPUT.exportEnv}', ${problem}. ${use.wildcard ? '' : "Give it another name with '| NAME'. "}See "Environment names" in the vault-secrets README.`.trimEnd());
        }
    }
}

;// CONCATENATED MODULE: ./src/vault-secrets/paths.ts
/**
 * Vault paths from inputs (auth-path, namespace, secret paths, user names in a login path). A path
 * is sent as URL segments, and URL resolution applies `.` and `..`: `approle/../../sys/tools/hash`
 * would post the credentials to another endpoint. So a segment is never empty, `.` or `..`, and
 * carries no percent-escape (`%2e%2e`, `%2f`), backslash or control character that a server or a
 * proxy could turn into one.
 */
function pathTraversal(path) {
    if (path === '')
        return 'it is empty';
    for (const segment of path.split('/')) {
        if (segment === '')
            return "it has an empty segment ('//', or a leading or trailing '/')";
        if (segment === '.' || segment === '..')
            return `it has a '${segment}' segment`;
        if (/%[0-9a-f]{2}/i.test(segment))
            return 'it has a percent-escaped character';
        if (segment.includes('\\'))
            return 'it has a backslash';
        if (/[\u0000-\u001f\u007f]/.test(segment))
            return 'it has a control character';
    }
    return undefined;
}

// EXTERNAL MODULE: ./node_modules/jsonata/jsonata.js
var jsonata = __webpack_require__(9132);
var jsonata_default = /*#__PURE__*/__webpack_require__.n(jsonata);
;// CONCATENATED MODULE: ./src/vault-secrets/secrets-spec.ts




const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENTRY = /^(\S+)\s+(\S+)(?:\s*\|\s*(\S*))?$/;
/** `surface`: 'vault-action' reads vault-action's syntax; anything else (by default) Gantry's. */
function parseSecrets(text, surface) {
    const requests = [];
    const parse = surface === 'vault-action' ? parseVaultActionEntry : parseEntry;
    text.split(/\r?\n/).forEach((rawLine, index) => {
        const line = index + 1;
        const trimmedLine = rawLine.trim();
        // A blank line gives one empty entry, skipped below.
        if (trimmedLine.startsWith('#'))
            return;
        for (const part of trimmedLine.split(';')) {
            const entry = part.trim();
            if (entry === '')
                continue;
            requests.push(parse(entry, line));
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
        // Stryker: equivalent — the regex without `$`: `.` stops only at a line terminator, which is
        // whitespace itself, so what is left has whitespace either way.
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
    // Stryker: equivalent — without `name !== undefined`, NAME.test(undefined) tests the string
    // 'undefined', a valid name: nothing is refused either way.
    if (name !== undefined && !NAME.test(name)) {
        fail(line, entry, `'${name}' is not a valid name: use letters, digits and _ and do not start with a digit`);
    }
    return { ...parsePath(rawPath, line, entry), selector: selector, name, line };
}
/**
 * One entry as hashicorp/vault-action's parseSecretsInput reads it: the last '|' starts the name
 * (spaces optional), the rest is exactly a path and a selector; double quotes are removed from the
 * selector; a selector is a JSONata expression, and one that is not a plain key, a quoted key or a
 * wildcard needs a name. Syntax errors are reported here, before any login.
 */
function parseVaultActionEntry(entry, line) {
    let spec = entry;
    let name;
    const bar = entry.lastIndexOf('|');
    if (bar > -1) {
        spec = entry.slice(0, bar).trim();
        name = entry.slice(bar + 1).trim();
        if (name === '')
            fail(line, entry, "nothing after '|': name the output, or drop the '|'");
        if (!VAULT_ACTION_NAME.test(name))
            fail(line, entry, `'${name}' cannot name an output or a variable: no spaces, quotes, '=', '<', '>' or control characters`);
    }
    // `spec` is trimmed: splitting at runs of whitespace leaves no empty part.
    const parts = spec.split(/\s+/);
    if (parts.length !== 2)
        fail(line, entry, "expected 'path key', 'path key|NAME', 'path * | PREFIX_' or 'path **'");
    const [rawPath, quoted] = parts;
    let ast;
    try {
        ast = jsonata_default()(quoted).ast();
    }
    catch (error) {
        fail(line, entry, `the selector ${(0,errors/* quoteGiven */.k9)(quoted)} is not a valid JSONata expression (${error.message}); quote a key that has JSONata operators in it, as "my-key"`);
    }
    const selector = quoted.replaceAll('"', '');
    const wildcard = selector === '*' || selector === '**';
    if (!wildcard &&
        name === undefined &&
        // Stryker: equivalent — `?.` before [0] and .stages: a path AST always has a first step.
        (ast.type !== 'path' || ast.steps?.[0]?.stages) &&
        ast.type !== 'string')
        fail(line, entry, "a JSONata selector needs a name: add '| NAME'");
    if (selector === '')
        fail(line, entry, 'the key is empty');
    return {
        ...parsePath(rawPath, line, entry),
        selector,
        name,
        line,
        expression: !wildcard && selector.includes('.') ? selector : undefined,
    };
}
/** Names from '| NAME' in the vault-action surface: anything the runner's output and env files read back as one name. */
const VAULT_ACTION_NAME = /^[^\s"'`=<>\u0000-\u001f\u007f]+$/u;
function parsePath(rawPath, line, entry) {
    const [pathPart, query, ...more] = rawPath.split('?');
    if (more.length)
        fail(line, entry, "a path has at most one '?'");
    const path = pathPart.replace(/^\/+/, '').replace(/\/+$/, '');
    if (path === '' || path.includes('://'))
        fail(line, entry, "the path is a Vault path such as 'secret/app', not a URL");
    const traversal = pathTraversal(path);
    if (traversal)
        fail(line, entry, `the path is not a plain Vault path: ${traversal}`);
    let version;
    if (query !== undefined) {
        const versionMatch = /^version=(\d+)$/.exec(query);
        if (!versionMatch || Number(versionMatch[1]) < 1)
            fail(line, entry, "the only query is '?version=N' with N a positive integer");
        version = Number(versionMatch[1]);
    }
    return { path, version };
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
 * hashicorp/vault-action's normalizeOutputKey: '.' becomes '__', '-' is removed, then everything
 * but letters, digits (any script) and '_' is removed; upper-cased for environment names.
 */
function vaultActionName(key, upper) {
    const name = key
        .replaceAll('.', '__')
        .replaceAll('-', '')
        .replace(/[^\p{L}\p{N}_-]/gu, '');
    return upper ? name.toUpperCase() : name;
}
/** `path *` or `path **`: every key of the path, named after the keys. */
function isWildcard(request) {
    return request.selector === '*' || request.selector === '**';
}
/** The output and environment names of an explicit request (not `*`/`**`) in a surface. */
function explicitNames(request, surface) {
    if (request.name)
        return { output: request.name, env: request.name };
    return surface === 'vault-action'
        ? { output: vaultActionName(request.selector, false), env: vaultActionName(request.selector, true) }
        : { output: normalizeName(request.selector, false), env: normalizeName(request.selector, true) };
}
/**
 * The names one key takes under `*` / `**` in a surface. Gantry: prefix + key with characters
 * other than letters, digits and _ as _, upper-cased for `*`, the same for output and env.
 * vault-action: normalizeOutputKey(prefix + key), upper-cased for the environment only under `*`.
 */
function wildcardNames(request, key, surface) {
    const upper = request.selector === '*';
    if (surface === 'gantry') {
        const name = (request.name ?? '') + normalizeName(key, upper);
        return { output: name, env: name };
    }
    // vault-action: a name equal to the selector ('path * | *') means no prefix; the naming removes
    // the '*' such a name would put in front of the key.
    const raw = (request.name ?? '') + key;
    return { output: vaultActionName(raw, false), env: vaultActionName(raw, upper) };
}

;// CONCATENATED MODULE: ./src/vault-secrets/config.ts






/**
 * Credential inputs, under both names, masked before anything is parsed (a parse error must not be
 * the first to print one).
 */
const CREDENTIAL_INPUTS = [
    INPUT.secretId,
    INPUT.password,
    INPUT.token,
    INPUT.clientKey,
    INPUT.githubToken,
    INPUT.authPayload,
    'secretId',
    'clientKey',
    'githubToken',
    'authPayload',
    'jwtPrivateKey',
    'jwtKeyPassword',
];
/** Headers extra-headers may not set: Vault's own, and what the HTTP layer decides. */
const RESERVED_HEADERS = new Set([
    'x-vault-token',
    'x-vault-namespace',
    'x-vault-request',
    'x-vault-wrap-ttl',
    'host',
    'content-length',
    'content-type',
    'transfer-encoding',
    'connection',
    'upgrade',
    'expect',
    'te',
    'trailer',
    'keep-alive',
    'proxy-authorization',
    'proxy-connection',
]);
/**
 * vault-action's extraHeaders: 'Name: value' per line, names lower-cased, a repeated name joined
 * with ', '. A line without ':' or a name that is not an HTTP token is refused (vault-action sends
 * it as it comes); so is a header Vault or the HTTP layer owns.
 */
function parseHeaders(text, input) {
    const headers = {};
    text.split(/\r?\n/).forEach((rawLine, index) => {
        const line = rawLine.trim();
        if (line === '')
            return;
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
        if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name))
            throw new errors/* ConfigurationError */.j1(`Input '${input}', line ${index + 1}: expected 'Header-Name: value' (a header name, then ':').`);
        if (RESERVED_HEADERS.has(name))
            throw new errors/* ConfigurationError */.j1(`Input '${input}', line ${index + 1}: ${name} is set by vault-secrets itself (namespace, token, the HTTP layer); remove it${name === 'x-vault-namespace' ? ' and use namespace' : ''}.`);
        const value = line.slice(colon + 1).trim();
        headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    });
    return headers;
}
const asWritten = (name) => name;
function parseConnection(inputs, shown = asWritten) {
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
    if (namespace !== undefined)
        checkPath(INPUT.namespace, namespace, 'a namespace path such as admin/team-a');
    const cert = pem(inputs, INPUT.clientCertificate, shown);
    const key = pem(inputs, INPUT.clientKey, shown);
    if ((cert === undefined) !== (key === undefined)) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${shown(INPUT.clientCertificate)}' and '${shown(INPUT.clientKey)}' go together: give both or neither.`);
    }
    return {
        url,
        namespace: namespace || undefined,
        headers: parseHeaders(inputs.string(INPUT.extraHeaders), shown(INPUT.extraHeaders)),
        tls: {
            ca: pem(inputs, INPUT.caCertificate, shown),
            cert,
            key,
            skipVerify: inputs.boolean(INPUT.tlsSkipVerify, false),
        },
        retries: inputs.integer(INPUT.retries, { min: 0, max: 10, fallback: 3 }),
        timeoutMs: inputs.duration(INPUT.timeout, 30_000),
    };
}
function parseAuth(inputs, url, surface = 'gantry', shown = asWritten) {
    // vault-action's default method is token; its unknown methods log in with authPayload.
    const givenMethod = inputs.optional(INPUT.method)?.toLowerCase();
    const method = givenMethod === undefined
        ? surface === 'vault-action'
            ? 'token'
            : 'jwt'
        : METHODS.includes(givenMethod)
            ? givenMethod
            : inputs.optional(INPUT.authPayload) !== undefined
                ? 'custom'
                : inputs.oneOf(INPUT.method, METHODS);
    for (const [other, names] of Object.entries(METHOD_INPUTS)) {
        if (other === method)
            continue;
        for (const name of names) {
            if (METHOD_INPUTS[method].includes(name))
                continue;
            if (inputs.optional(name) !== undefined) {
                throw new errors/* ConfigurationError */.j1(`Input '${shown(name)}' is used only with method ${other}, but method is ${givenMethod ?? method}; remove it or change method.`);
            }
        }
    }
    const mount = (inputs.optional(INPUT.authPath) ?? givenMethod ?? method)
        .replace(/^\/+|\/+$/g, '')
        .replace(/^auth\//, '');
    if (method !== 'token')
        checkPath(shown(INPUT.authPath), mount, 'the auth mount path, such as jwt or github-actions');
    const need = (name) => {
        const value = inputs.optional(name);
        if (value === undefined)
            throw new errors/* ConfigurationError */.j1(`Input '${name}'${surface === 'vault-action' ? ` (vault-action: ${vaultActionNameOf(name)})` : ''} is required with method ${givenMethod ?? method}.`);
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
                // vault-action asks for GitHub's default audience (https://github.com/OWNER), which the roles
                // made for it are bound to; Gantry's own surface binds the token to this Vault.
                audience: inputs.optional(INPUT.jwtAudience) ?? (surface === 'vault-action' ? '' : url.hostname),
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
        case 'userpass':
        case 'ldap': {
            const username = need(INPUT.username);
            if (username.includes('/') || pathTraversal(username))
                throw errors/* ConfigurationError */.j1.forInput(INPUT.username, username, "a user name without '/', not '.' or '..'");
            return { method, mount, username, password: need(INPUT.password) };
        }
        case 'github':
            return { method, mount, token: need(INPUT.githubToken) };
        case 'custom': {
            let payload;
            try {
                payload = JSON.parse(need(INPUT.authPayload));
            }
            catch {
                // The payload is a credential: never quoted.
                throw new errors/* ConfigurationError */.j1(`Input '${shown(INPUT.authPayload)}': expected a JSON object (the body of auth/${mount}/login); the value given is not valid JSON.`);
            }
            if (!payload || typeof payload !== 'object' || Array.isArray(payload))
                throw new errors/* ConfigurationError */.j1(`Input '${shown(INPUT.authPayload)}': expected a JSON object (the body of auth/${mount}/login).`);
            return { method, name: givenMethod, mount, payload: payload };
        }
    }
}
function parseConfig(resolved) {
    const { inputs, surface, shown } = 'surface' in resolved ? resolved : { inputs: resolved, surface: 'gantry', shown: asWritten };
    const compat = surface === 'vault-action';
    const connection = parseConnection(inputs, shown);
    const auth = parseAuth(inputs, connection.url, surface, shown);
    const secrets = parseSecrets(inputs.string(INPUT.secrets), surface);
    const exportToken = inputs.boolean(INPUT.exportToken, false);
    const run = inputs.optional(INPUT.run);
    // vault-action exports to the environment by default; 'run' keeps the secrets in its command instead.
    const exportEnv = inputs.boolean(INPUT.exportEnv, compat && run === undefined);
    const exportTokenEnv = compat
        ? inputs.boolean('exportToken', false) || (exportToken && exportEnv)
        : exportToken && exportEnv;
    if (secrets.length === 0 && !exportToken && !exportTokenEnv) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.secrets}' is empty: list what to read ('secret/app key | NAME'), or set ${INPUT.exportToken}: true to only log in.`);
    }
    if (run !== undefined && exportEnv) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUT.run}' and '${INPUT.exportEnv}' contradict each other: run keeps the secrets inside the command; export-env hands them to every later step. Choose one.`);
    }
    const encoding = inputs.optional(INPUT.secretEncodingType);
    if (encoding !== undefined && !ENCODINGS.includes(encoding))
        throw errors/* ConfigurationError */.j1.forInput(shown(INPUT.secretEncodingType), encoding, `one of ${ENCODINGS.join(', ')}`);
    // Names are checked before logging in; names derived from keys again once the keys are known.
    if (run !== undefined || exportEnv) {
        checkEnvNames(secrets.map((request) => isWildcard(request)
            ? { name: request.name ?? '', line: request.line, wildcard: !compat, prefix: request.name }
            : { name: explicitNames(request, surface).env, line: request.line, wildcard: false }));
    }
    return {
        ...connection,
        surface,
        auth,
        secrets,
        exportEnv,
        run,
        revoke: inputs.boolean(INPUT.revoke, true),
        exportToken,
        exportTokenEnv,
        ignoreNotFound: inputs.boolean(INPUT.ignoreNotFound, false),
        encoding: encoding,
    };
}
/** A Vault path input: no traversal (paths.ts), and only the characters Vault's paths use. */
function checkPath(input, path, expected) {
    const traversal = pathTraversal(path);
    if (traversal)
        throw errors/* ConfigurationError */.j1.forInput(input, path, `${expected}; ${traversal}`);
    if (!/^[A-Za-z0-9_.\-/]+$/.test(path))
        throw errors/* ConfigurationError */.j1.forInput(input, path, expected);
}
/** PEM text, or base64 of PEM as vault-action takes it. */
function pem(inputs, name, shown) {
    const value = inputs.optional(name);
    if (value === undefined)
        return undefined;
    if (value.includes('-----BEGIN '))
        return value;
    const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
    if (decoded.includes('-----BEGIN '))
        return decoded;
    throw new errors/* ConfigurationError */.j1(`Input '${shown(name)}': expected PEM text (-----BEGIN …) or base64 of it; the value given is neither.`);
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
    // Two names alike from different sources is a mistake; the same source named twice (vault-action's
    // 'path *' beside 'path **' sets output 'foo' twice) is not.
    const seenOutput = new Map();
    const seenEnv = new Map();
    for (const result of results) {
        for (const secret of result.secrets) {
            for (const [seen, name] of [
                [seenOutput, secret.outputName],
                [seenEnv, secret.envName],
            ]) {
                const clash = seen.get(name);
                if (clash && clash.source !== secret.source) {
                    throw new errors/* ConfigurationError */.j1(`Input 'secrets': line ${clash.line} (${clash.path}) and line ${secret.line} (${secret.path}) both produce the name '${name}'; rename one with '| NAME' or a prefix.`);
                }
                seen.set(name, secret);
            }
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
    const secrets = [];
    for (const request of group)
        secrets.push(...(await fetch_secrets_select(request, data, options)));
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
async function fetch_secrets_select(request, data, options) {
    const surface = options.surface ?? 'gantry';
    const base = { path: pathKey(request), line: request.line, wildcard: false };
    const finish = (secret, value) => ({
        ...secret,
        value: decode(value, options),
    });
    if (isWildcard(request)) {
        return Object.entries(data).map(([key, value]) => {
            const names = wildcardNames(request, key, surface);
            return finish({
                ...base,
                outputName: names.output,
                envName: names.env,
                wildcard: true,
                prefix: request.name,
                source: `${base.path}\0${key}`,
            }, value);
        });
    }
    const names = explicitNames(request, surface);
    const source = `${base.path}\0${request.expression ?? request.selector}`;
    const named = { ...base, outputName: names.output, envName: names.env, source };
    if (request.expression !== undefined) {
        const value = await evaluate(request.expression, data);
        if (value === undefined) {
            if (options.ignoreNotFound) {
                options.warn(`${base.path}: the selector '${request.expression}' matched nothing (line ${request.line}); skipped because ignore-not-found is true.`);
                return [];
            }
            throw new VaultError(`Reading ${base.path} (line ${request.line}): the selector '${request.expression}' matched nothing in the secret's ${Object.keys(data).length} key(s). Check the key or selector.`, 404);
        }
        // A JSONata expression can compute a new value from the secret: a secret too.
        options.mask(value);
        return [finish(named, value)];
    }
    if (!(request.selector in data)) {
        if (options.ignoreNotFound) {
            options.warn(`${base.path} has no key '${request.selector}' (line ${request.line}); skipped because ignore-not-found is true.`);
            return [];
        }
        throw new VaultError(`Reading ${base.path} (line ${request.line}): the secret has no key '${request.selector}'; it has ${Object.keys(data).length} other key(s). Check the key name.`, 404);
    }
    return [finish(named, data[request.selector])];
}
/**
 * vault-action's selectData: `data.<selector>` over the secret's data; the result as JSON, a JSON
 * string unquoted. Undefined when nothing matched.
 */
async function evaluate(expression, data) {
    let result;
    try {
        result = await jsonata_default()(`data.${expression}`).evaluate({ data });
    }
    catch (error) {
        // JSONata's messages can quote the value they failed on: only its error code is shown.
        const code = error.code;
        throw new errors/* ConfigurationError */.j1(`Input 'secrets': the selector '${expression}' failed to evaluate (JSONata error ${typeof code === 'string' ? code : 'unknown'}); check it against the secret's keys.`);
    }
    const text = JSON.stringify(result);
    if (!text)
        return undefined;
    return text.startsWith('"') ? JSON.parse(text) : text;
}
/** vault-action's secretEncodingType: Buffer.from(value, encoding) as text; the decoded value is masked before it is used. */
function decode(value, options) {
    if (options.encoding === undefined)
        return value;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const decoded = Buffer.from(text, options.encoding).toString();
    options.mask(decoded);
    return decoded;
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
 * Everything that must be registered as a secret for one value read from Vault: the value, each
 * fragment the runner could print on a line of its own (secretFragments: split at CR and LF), and
 * when it is JSON, each string or number leaf and its fragments (the runner never looks inside a
 * JSON value registered whole). Booleans and null are not secrets and masking them would garble
 * every log line that says "true". The runtime's setSecret adds every form of each (escaped, …).
 */
function maskParts(value) {
    const parts = new Set();
    const addText = (text) => {
        if (text.trim() === '')
            return;
        for (const fragment of (0,runtime_text/* secretFragments */.yR)(text))
            parts.add(fragment);
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

;// CONCATENATED MODULE: ./src/vault-secrets/adapter.ts















/** Registers a value, its fragments and its JSON leaves (the runtime adds every form of each, once). */
function maskValue(ctx, value) {
    for (const part of maskParts(value))
        ctx.runtime.setSecret(part);
}
function vaultClient(ctx, connection) {
    // Post cleans up and must never hold the job: a short timeout, one retry, a short deadline.
    const post = ctx.phase === 'post';
    const http = ctx.http({
        retries: post ? Math.min(connection.retries, POST_RETRIES) : connection.retries,
        timeoutMs: post ? Math.min(connection.timeoutMs, POST_TIMEOUT_MS) : connection.timeoutMs,
        deadlineMs: post ? POST_DEADLINE_MS : MAIN_REQUEST_DEADLINE_MS,
        tls: vaultTls(connection.tls),
        proxyEnv: ctx.runtime.env,
    });
    return new VaultClient(http, connection.url, connection.namespace, (message) => ctx.runtime.debug(message), (value) => maskValue(ctx, value), connection.headers);
}
/** extra-headers often carry credentials (an access proxy's secret): each value is a mask before parsing. */
function maskHeaderValues(ctx) {
    for (const name of [INPUT.extraHeaders, 'extraHeaders']) {
        for (const line of ctx.runtime.getInput(name).split(/\r?\n/)) {
            const colon = line.indexOf(':');
            if (colon > 0)
                maskValue(ctx, line.slice(colon + 1).trim());
        }
    }
}
const main = async (ctx) => {
    const { runtime } = ctx;
    // Credentials are masks before anything is parsed or printed.
    for (const name of CREDENTIAL_INPUTS)
        maskValue(ctx, runtime.getInput(name).trim());
    maskHeaderValues(ctx);
    if (runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        runtime.setSecret(runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const resolved = resolveInputs(runtime);
    const config = parseConfig(resolved);
    if (config.surface === 'vault-action') {
        runtime.annotate({
            level: 'warning',
            message: switchWarning(resolved, config.auth.method === 'custom' ? config.auth.name : config.auth.method),
        });
    }
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
        githubIdToken: async (audience) => {
            if (!runtime.env.ACTIONS_ID_TOKEN_REQUEST_URL || !runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
                throw new errors/* ConfigurationError */.j1(`Input '${INPUT.method}': jwt needs GitHub's OIDC token, and this job cannot request one; add 'permissions: id-token: write' to the job (or choose another method).`);
            }
            // @actions/core's request (its proxy rule: HTTPS_PROXY/NO_PROXY, loopback direct).
            try {
                return await runtime.getIDToken(audience);
            }
            catch (error) {
                if (error instanceof runtime_runtime/* IdTokenError */.Z4 && (error.status === 401 || error.status === 403))
                    throw new errors/* ConfigurationError */.j1(`Input '${INPUT.method}': jwt needs an ID token, and the runner refused one (HTTP ${error.status}); give the job 'permissions: id-token: write'.`);
                throw error;
            }
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
    const session = await ctx.log.stage('login', () => login(client, config.auth, sources).catch((error) => {
        // A role made for hashicorp/vault-action is bound to GitHub's default audience.
        if (error instanceof VaultError &&
            error.status === 400 &&
            config.auth.method === 'jwt' &&
            config.surface === 'gantry' &&
            ctx.inputs.optional(INPUT.jwtAudience) === undefined)
            throw new VaultError(`${error.message} The ID token's audience was ${config.auth.audience} (Gantry's default, the Vault host); if the role was made for hashicorp/vault-action it expects GitHub's default audience: add 'compat: vault-action' or set jwt-audience to the role's bound_audiences.`, 400);
        throw error;
    }), (s) => ({
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
                surface: config.surface,
                encoding: config.encoding,
            }), (r) => ({ paths: r.paths.length, secrets: r.secrets.length, leases: r.leases.length }));
        }
    }
    finally {
        if (config.revoke && !session.issued && leaseIds.length)
            runtime.saveState(STATE.leases, JSON.stringify(leaseIds));
    }
    warnShort(ctx, result.secrets);
    await deliver(ctx, config, result.secrets, session.token);
    runtime.setOutput(OUTPUT.secretNames, JSON.stringify([...new Set(result.secrets.map((s) => s.outputName))]));
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
    // vault-action's naming removes every character of a key such as '---': no name to give it.
    const empty = secrets.find((s) => s.envName === '' || s.outputName === '');
    if (empty)
        throw new errors/* ConfigurationError */.j1(`Input '${INPUT.secrets}', line ${empty.line}: a key of ${empty.path} leaves no name once vault-action's naming removes its characters; read it with 'path "key" | NAME'.`);
    if (config.run !== undefined || config.exportEnv) {
        // The vault-action surface names key-derived variables as vault-action does (no prefix needed);
        // the denylist still holds for every name.
        const compat = config.surface === 'vault-action';
        checkEnvNames(secrets.map((s) => ({
            name: s.envName,
            line: s.line,
            wildcard: s.wildcard && !compat,
            prefix: s.prefix,
        })));
        // An environment cannot hold a NUL byte, and Node's refusal would quote the value.
        assertEnvironmentValues([
            ...secrets.map((s) => [s.envName, valueText(s.value)]),
            ...(config.exportToken || config.exportTokenEnv ? [['VAULT_TOKEN', token]] : []),
        ]);
    }
    if (config.run !== undefined) {
        const env = Object.fromEntries(secrets.map((s) => [s.envName, valueText(s.value)]));
        if (config.exportToken || config.exportTokenEnv)
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
        if (config.surface === 'vault-action')
            runtime.setOutput(OUTPUT.vaultActionToken, token);
    }
    if (config.exportTokenEnv)
        runtime.exportVariable('VAULT_TOKEN', token);
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
    maskHeaderValues(ctx);
    const resolved = resolveInputs(runtime);
    const connection = parseConnection(resolved.inputs, resolved.shown);
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
