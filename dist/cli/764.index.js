export const id = 764;
export const ids = [764];
export const modules = {

/***/ 1112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* reexport */ Git),
  XS: () => (/* reexport */ GitError),
  K5: () => (/* reexport */ splitNul)
});

// UNUSED EXPORTS: GitTimeoutError, LS_REMOTE_TIMEOUT_MS, defaultTimeoutMs

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/git/git.ts

/** How long `git ls-remote` may take before it is killed: a listing is seconds even on a slow link. */
const LS_REMOTE_TIMEOUT_MS = 60_000;
class GitError extends Error {
    args;
    code;
    stderr;
    name = 'GitError';
    constructor(args, code, stderr) {
        super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ') || 'no message'}`);
        this.args = args;
        this.code = code;
        this.stderr = stderr;
    }
}
/** git did not finish within its time limit and was killed. */
class GitTimeoutError extends GitError {
    name = 'GitTimeoutError';
    constructor(args, timeoutMs) {
        super(args, -1, `no answer within ${timeoutMs / 1000} s; killed`);
    }
}
/**
 * The only code in Gantry that spawns git. Output is read as bytes (names with any byte survive);
 * prompts are off so a missing credential fails instead of hanging; the working directory is marked
 * safe for this process only, since container jobs trip git's ownership check.
 */
class Git {
    cwd;
    binary;
    stats = { processes: 0, fetches: 0 };
    env;
    constructor(cwd, env = process.env, binary = 'git') {
        this.cwd = cwd;
        this.binary = binary;
        this.env = { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
    }
    async run(args, options = {}) {
        const fullArgs = ['-c', `safe.directory=${this.cwd}`, '-c', 'core.quotePath=false', ...args];
        this.stats.processes += 1;
        if (args[0] === 'fetch')
            this.stats.fetches += 1;
        const timeoutMs = options.timeoutMs ?? defaultTimeoutMs(args);
        const result = await new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(this.binary, fullArgs, {
                cwd: this.cwd,
                env: this.env,
                stdio: ['pipe', 'pipe', 'pipe'],
                // Its own process group when it may be killed: git's remote helper (git-remote-https) is a
                // child of git holding the same pipes, so killing git alone would leave it talking.
                detached: timeoutMs !== undefined,
            });
            let timedOut = false;
            const timer = timeoutMs === undefined
                ? undefined
                : setTimeout(() => {
                    timedOut = true;
                    try {
                        process.kill(-child.pid, 'SIGKILL');
                    }
                    catch {
                        child.kill('SIGKILL');
                    }
                }, timeoutMs);
            const out = [];
            const err = [];
            child.stdout.on('data', (chunk) => out.push(chunk));
            child.stderr.on('data', (chunk) => err.push(chunk));
            child.on('error', (error) => {
                clearTimeout(timer);
                reject(error);
            });
            child.on('close', (code) => {
                clearTimeout(timer);
                if (timedOut)
                    reject(new GitTimeoutError(args, timeoutMs));
                else
                    resolve({
                        code: code ?? 128,
                        stdout: Buffer.concat(out),
                        stderr: Buffer.concat(err).toString('utf8'),
                    });
            });
            child.stdin.on('error', () => { }); // a killed git closes its stdin before we finish writing
            child.stdin.end(options.input);
        });
        const ok = result.code === 0 || options.okCodes?.includes(result.code);
        if (!ok)
            throw new GitError(args, result.code, result.stderr);
        return result;
    }
    /** stdout as trimmed text. */
    async text(args, options = {}) {
        return (await this.run(args, options)).stdout.toString('utf8').trim();
    }
    /** Whether the command exits 0 (for questions such as "is this object here?"). */
    async succeeds(args, options = {}) {
        try {
            return (await this.run(args, { ...options, okCodes: [1, 128, 129] })).code === 0;
        }
        catch (error) {
            // Killed for taking too long is an answer too: it did not succeed.
            if (error instanceof GitTimeoutError)
                return false;
            throw error;
        }
    }
}
/** The time limit a command gets when its caller names none. */
function defaultTimeoutMs(args) {
    return args[0] === 'ls-remote' ? LS_REMOTE_TIMEOUT_MS : undefined;
}
/** Split NUL-terminated output (`-z`) into raw byte fields. */
function splitNul(buffer) {
    const fields = [];
    let start = 0;
    for (let i = buffer.indexOf(0, start); i !== -1; i = buffer.indexOf(0, start)) {
        fields.push(buffer.subarray(start, i));
        start = i + 1;
    }
    if (start < buffer.length)
        fields.push(buffer.subarray(start));
    return fields;
}

;// CONCATENATED MODULE: ./src/git/index.ts



/***/ }),

/***/ 3572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ baseImages),
/* harmony export */   p: () => (/* binding */ isDockerfile)
/* harmony export */ });
/**
 * Every image a Dockerfile builds from (FROM, COPY --from=<image>, RUN --mount=…,from=<image>) and
 * whether it is pinned by digest: an upstream tag can change a build without a line of ours
 * changing. A reference that names an earlier stage — also through an ARG, as in
 * `FROM binaries-$TARGETOS` after `FROM … AS binaries-linux` — is a stage, not an image.
 */
const DIGEST = /@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
function baseImages(text) {
    const { escapeChar, lines } = logicalLines(text);
    const globalArgs = new Map();
    const stages = new Stages();
    const images = [];
    let seenFrom = false;
    const isStage = (written) => stages.names(written, substitute(written, globalArgs));
    for (const { line, text: instruction } of lines) {
        const [keyword = '', ...rest] = splitWords(instruction, escapeChar);
        const upper = keyword.toUpperCase();
        if (upper === 'ARG' && !seenFrom) {
            for (const word of rest) {
                const eq = word.indexOf('=');
                if (eq === -1)
                    globalArgs.set(word, undefined);
                else
                    globalArgs.set(word.slice(0, eq), unquote(word.slice(eq + 1)));
            }
        }
        else if (upper === 'FROM') {
            seenFrom = true;
            const flags = rest.filter((w) => w.startsWith('--'));
            const words = rest.filter((w) => !w.startsWith('--'));
            const written = words[0] ?? '';
            const stage = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
            const platform = flags.find((f) => f.startsWith('--platform='))?.slice('--platform='.length);
            const image = substitute(written, globalArgs);
            if (isStage(written) || image?.toLowerCase() === 'scratch') {
                if (stage)
                    stages.add(stage);
                continue;
            }
            images.push({ line, written, image, instruction: 'FROM', stage, platform, ...verdict(written, image) });
            if (stage)
                stages.add(stage);
        }
        else if (upper === 'COPY' || upper === 'ADD') {
            const from = rest.find((w) => w.startsWith('--from='))?.slice('--from='.length);
            if (!from || /^\d+$/.test(from) || isStage(from))
                continue;
            const image = substitute(from, globalArgs);
            images.push({ line, written: from, image, instruction: 'COPY --from', ...verdict(from, image) });
        }
        else if (upper === 'RUN') {
            // Flags come before the command; a bind or cache mount's from= pulls an image unless it is a stage.
            for (const word of rest) {
                if (!word.startsWith('--'))
                    break;
                if (!word.startsWith('--mount='))
                    continue;
                const from = mountFrom(word.slice('--mount='.length));
                if (!from || /^\d+$/.test(from) || isStage(from))
                    continue;
                const image = substitute(from, globalArgs);
                images.push({ line, written: from, image, instruction: 'RUN --mount', ...verdict(from, image) });
            }
        }
    }
    return images;
}
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::[-+][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
/**
 * The stage names seen so far. A reference is a stage when, written or with its ARG defaults, it
 * is one; or when it mixes literal text with ARGs that have no default (BuildKit's TARGETOS,
 * TARGETARCH…) and that shape matches a stage: `binaries-$TARGETOS` is the stage picked per
 * platform among `binaries-linux` and `binaries-darwin`. A reference that is nothing but an unknown
 * ARG matches only a stage written the same way: it could name any image.
 */
class Stages {
    written = new Set();
    add(name) {
        this.written.add(canonical(name));
    }
    names(reference, substituted) {
        const lower = canonical(reference);
        if (this.written.has(lower))
            return true;
        if (substituted !== undefined)
            return this.written.has(substituted.toLowerCase());
        const literal = lower.replace(VARIABLE, '');
        if (!literal)
            return false;
        const pattern = new RegExp(`^${lower
            .split(VARIABLE)
            .map((part, i) => i % 3 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : i % 3 === 1 ? '[a-z0-9_.-]*' : '')
            .join('')}$`);
        return [...this.written].some((stage) => pattern.test(stage));
    }
}
/** Lower case, `$VAR` written as `${VAR}`, so both spellings of one reference compare equal. */
function canonical(reference) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a replacement pattern, not a template
    return reference.toLowerCase().replace(/\$([a-z_][a-z0-9_]*)/g, '${$1}');
}
/** The from= of a --mount value (CSV: `type=bind,"from=img",target=/x`), unquoted. */
function mountFrom(value) {
    for (const field of value.match(/(?:"[^"]*"|'[^']*'|[^,])+/g) ?? []) {
        const pair = unquote(field.trim());
        if (pair.toLowerCase().startsWith('from='))
            return unquote(pair.slice('from='.length));
    }
    return undefined;
}
function verdict(written, image) {
    if (!written)
        return { pinned: false, reason: 'FROM without an image' };
    if (image === undefined)
        return { pinned: false, reason: 'built from an ARG without a default: cannot be verified' };
    if (DIGEST.test(image)) {
        const via = image === written ? '' : ' (through an ARG default; a --build-arg can override it)';
        return { pinned: true, reason: `pinned by digest${via}` };
    }
    const lastSegment = image.slice(image.lastIndexOf('/') + 1);
    if (!lastSegment.includes(':'))
        return { pinned: false, reason: 'no tag or digest (means :latest)' };
    return { pinned: false, reason: 'tag without a digest' };
}
/** `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}` from the global ARGs; undefined when unknown. */
function substitute(value, args) {
    let unresolved = false;
    const result = value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, plain) => {
        const name = (braced ?? plain);
        const current = args.get(name);
        if (op === '-')
            return current ? current : (word ?? '');
        if (op === '+')
            return current ? (word ?? '') : '';
        if (current === undefined)
            unresolved = true;
        return current ?? '';
    });
    return unresolved ? undefined : result;
}
/** Joins continuation lines (escape character at line end), drops comments, reads the escape directive. */
function logicalLines(text) {
    const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    let escapeChar = '\\';
    let directives = true;
    const lines = [];
    let current;
    raw.forEach((source, index) => {
        if (directives) {
            const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(source);
            if (directive) {
                if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
                    escapeChar = directive[2];
                return;
            }
            directives = false;
        }
        const trimmed = source.trim();
        if (trimmed.startsWith('#'))
            return;
        if (!current && !trimmed)
            return;
        const continued = trimmed.endsWith(escapeChar);
        const piece = continued ? trimmed.slice(0, -1) : trimmed;
        if (current)
            current.text += ` ${piece}`;
        else
            current = { line: index + 1, text: piece };
        if (!continued) {
            lines.push(current);
            current = undefined;
        }
    });
    if (current)
        lines.push(current);
    return { escapeChar, lines };
}
function splitWords(text, escapeChar) {
    const words = [];
    let word = '';
    let quote;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === escapeChar && i + 1 < text.length) {
            word += c + text[++i];
        }
        else if (quote) {
            word += c;
            if (c === quote)
                quote = undefined;
        }
        else if (c === '"' || c === "'") {
            quote = c;
            word += c;
        }
        else if (/\s/.test(c)) {
            if (word)
                words.push(word);
            word = '';
        }
        else
            word += c;
    }
    if (word)
        words.push(word);
    return words;
}
function unquote(value) {
    return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
/** Dockerfile, Containerfile, Dockerfile.prod, api.Dockerfile, build.dockerfile. */
function isDockerfile(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return (/^(?:Dockerfile|Containerfile)(?:\.[^/]+)?$/.test(base) ||
        /\.(?:Dockerfile|dockerfile|Containerfile)$/.test(base));
}


/***/ }),

/***/ 5754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ parseUses),
/* harmony export */   CF: () => (/* binding */ KIND_LABEL),
/* harmony export */   Lt: () => (/* binding */ COMMENT_VERSION),
/* harmony export */   RG: () => (/* binding */ FULL_SHA),
/* harmony export */   bV: () => (/* binding */ isMutable),
/* harmony export */   mw: () => (/* binding */ isSuiteRef),
/* harmony export */   wk: () => (/* binding */ SEMVER_TAG)
/* harmony export */ });
/**
 * What a `uses:` value says and how far it can be trusted to mean the same code tomorrow.
 * Only a full commit SHA (or a digest for docker://) is immutable: tags, exact or not, can be moved,
 * which is how the March 2025 tj-actions/changed-files compromise reached its users.
 */
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const SEMVER_TAG = /^v?(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const MAJOR_TAG = /^v?\d+(?:\.\d+)?$/;
const SHORT_SHA = /^[0-9a-f]{7,39}$/;
/** A version token at the start of a comment: `v1.2.3`, `v4`, `tag=v1.2.3`, `1.2.3`. */
const COMMENT_VERSION = /^\s*(?:tag=)?(v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)(?=\s|$)/;
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const REPO = /^[A-Za-z0-9._-]+$/;
const PATH_SEGMENT = /^[A-Za-z0-9._-]+$/;
const REF = /^[^\s~^:?*[\\]+$/;
const IMAGE_DIGEST = /@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
function parseUses(raw, comment) {
    const commentVersion = comment === undefined ? undefined : COMMENT_VERSION.exec(comment)?.[1];
    const invalid = (problem) => ({ raw, kind: 'invalid', name: raw, problem });
    if (raw.includes('${{'))
        return invalid('expressions are not allowed in uses: (GitHub resolves it before the job runs)');
    if (raw !== raw.trim() || /\s/.test(raw))
        return invalid('contains whitespace');
    if (raw.startsWith('./') || raw === '.')
        return { raw, kind: 'local', name: raw };
    if (raw.startsWith('docker://')) {
        const image = raw.slice('docker://'.length);
        if (!image)
            return invalid('docker:// without an image');
        return { raw, kind: IMAGE_DIGEST.test(image) ? 'docker-digest' : 'docker', name: image };
    }
    const at = raw.lastIndexOf('@');
    if (at === -1)
        return invalid("no '@<ref>': write owner/repo[/path]@<full commit SHA>");
    const name = raw.slice(0, at);
    const ref = raw.slice(at + 1);
    const [owner = '', repo = '', ...path] = name.split('/');
    if (!OWNER.test(owner) || !REPO.test(repo))
        return invalid('expected owner/repo[/path]@ref');
    if (path.some((segment) => !PATH_SEGMENT.test(segment) || segment === '..'))
        return invalid('the path after owner/repo has an empty or unsafe segment');
    if (!ref || !REF.test(ref))
        return invalid('the ref after @ is empty or not a valid git ref');
    const base = { raw, name, repository: `${owner}/${repo}`.toLowerCase(), path: path.join('/'), ref };
    if (FULL_SHA.test(ref))
        return { ...base, kind: commentVersion ? 'sha+comment' : 'sha', commentVersion };
    if (SEMVER_TAG.test(ref))
        return { ...base, kind: 'semver' };
    if (MAJOR_TAG.test(ref))
        return { ...base, kind: 'major' };
    if (SHORT_SHA.test(ref))
        return { ...base, kind: 'short-sha' };
    return { ...base, kind: 'branch' };
}
/** Whether the code behind the reference can change without this line changing. */
function isMutable(ref) {
    return !['sha+comment', 'sha', 'local', 'docker-digest'].includes(ref.kind);
}
function isSuiteRef(ref, suite) {
    return ref.repository !== undefined && ref.repository === suite.toLowerCase();
}
const KIND_LABEL = {
    'sha+comment': 'full SHA with version comment',
    sha: 'full SHA without version comment',
    semver: 'exact semver tag',
    major: 'major tag',
    'short-sha': 'short SHA (resolved as a ref name)',
    branch: 'branch',
    local: 'local path',
    docker: 'docker image by tag',
    'docker-digest': 'docker image by digest',
    invalid: 'unparsable',
};


/***/ }),

/***/ 3084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ yamlRole),
/* harmony export */   v: () => (/* binding */ scanYaml)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9541);
/* harmony import */ var _uses_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5754);



/**
 * Parses a workflow or action.yml with the `yaml` document API (ranges into the source, nothing
 * reformatted) and finds every step `uses:`, reusable-workflow `jobs.<id>.uses:` and docker
 * `runs.image: docker://…`. A file that is not YAML, or not shaped like its role, is a
 * ConfigurationError naming the file and line.
 */
function scanYaml(text, file, role) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const firstError = doc.errors[0];
    if (firstError) {
        const { line, col } = lines.linePos(firstError.pos[0]);
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${file}:${line}:${col}: not valid YAML: ${firstError.message.split('\n')[0]}`);
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${file}: not a ${role === 'workflow' ? 'workflow' : 'action.yml'}: the top level is not a mapping.`);
    const found = [];
    const seen = new Set();
    const take = (written) => {
        if (written === null || written === undefined)
            return;
        // `uses: *ref` is the anchored scalar, wherever it is written; it is listed (and rewritten) once.
        const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(written) ? written.resolve(doc) : written;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && value.range && seen.has(value.range[0]))
            return;
        const [start, end] = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && value.range ? [value.range[0], value.range[1]] : [0, 0];
        const { line, col } = lines.linePos(start);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) || typeof value.value !== 'string')
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${file}:${line}:${col}: uses: must be a string such as owner/repo@<full SHA>.`);
        const lineEnd = text.slice(end).search(/\r|\n|$/);
        const trailing = text.slice(end, end + lineEnd);
        const flow = !/^(?:[ \t]*|[ \t]+#.*)$/.test(trailing);
        const comment = flow ? undefined : /^[ \t]+#(.*)$/.exec(trailing)?.[1];
        seen.add(start);
        found.push({
            ref: (0,_uses_js__WEBPACK_IMPORTED_MODULE_2__/* .parseUses */ .Ap)(value.value, comment),
            node: value,
            line,
            column: col,
            range: [start, end],
            flow,
            trailing,
        });
    };
    // A parallel step group (`- parallel: [step | {sequential: [step…]}]`) holds steps too: a
    // `uses:` inside one runs like any other and must be seen (and pinned) like any other.
    const steps = (seq) => {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(seq))
            return;
        for (const step of seq.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(step))
                continue;
            take(step.get('uses', true));
            steps(step.get('parallel', true));
            steps(step.get('sequential', true));
        }
    };
    const root = doc.contents;
    if (role === 'workflow') {
        const jobs = root.get('jobs', true);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(jobs)) {
            for (const job of jobs.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(job.value))
                    continue;
                take(job.value.get('uses', true));
                steps(job.value.get('steps', true));
            }
        }
    }
    else {
        const runs = root.get('runs', true);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(runs)) {
            steps(runs.get('steps', true));
            const image = runs.get('image', true);
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(image) && typeof image.value === 'string' && image.value.startsWith('docker://'))
                take(image);
        }
    }
    return { doc, uses: found };
}
/** Which role a repository path plays, or undefined when it holds no `uses:` we audit. */
function yamlRole(path) {
    if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path))
        return 'workflow';
    if (/(^|\/)action\.ya?ml$/.test(path))
        return 'action';
    return undefined;
}


/***/ })

};
