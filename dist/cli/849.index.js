export const id = 849;
export const ids = [849];
export const modules = {

/***/ 6271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ LockfileError)
/* harmony export */ });
/**
 * A lockfile that cannot be read. The message names the file (and the line where there is one)
 * so a user can open it; `file` and `line` carry the same for callers that format their own.
 */
class LockfileError extends Error {
    file;
    line;
    name = 'LockfileError';
    constructor(message, file, line) {
        super(message);
        this.file = file;
        this.line = line;
    }
    /** `<file> line <n>: <why>`, the shape every reader uses for a malformed line. */
    static at(file, line, why) {
        return new LockfileError(`${file} line ${line}: ${why}`, file, line);
    }
}


/***/ }),

/***/ 8897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rJ: () => (/* binding */ detectLockfileKind),
  qG: () => (/* reexport */ diffLockfiles),
  tg: () => (/* binding */ parseLockfile)
});

// UNUSED EXPORTS: LockfileError, compareVersions, isMajorBump

;// CONCATENATED MODULE: ./src/lockfiles/version.ts
/**
 * Version order for the diff: semver (npm, cargo), Go's `v`-prefixed versions and pseudo-versions
 * (their timestamp is a numeric pre-release part, so they sort by time), RubyGems' dotted
 * pre-releases (`1.0.0.rc1`) and PEP 440 for PyPI (epochs, a/b/rc, post and dev releases). A version
 * none of these read (a git commit, a URL) is incomparable: the diff calls it "changed".
 */
const PEP440 = /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d*))?(?:-(\d+)|[-_.]?(?:post|rev|r)[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;
function parsePep440(version) {
    const m = PEP440.exec(version.trim());
    if (!m)
        return undefined;
    const pre = [];
    if (m[3]) {
        const letter = m[3].toLowerCase();
        const phase = letter.startsWith('a') ? 'a' : letter.startsWith('b') ? 'b' : 'rc';
        pre.push(phase, Number(m[4] || 0));
    }
    const post = m[5] !== undefined ? Number(m[5]) : m[6] !== undefined ? Number(m[6] || 0) : -1;
    const dev = m[7] !== undefined ? Number(m[7] || 0) : Number.POSITIVE_INFINITY;
    return { epoch: Number(m[1] ?? 0), release: m[2].split('.').map(Number), pre, post, dev };
}
const SEMVERISH = /^v?(\d+(?:\.\d+)*)(?:[-.]?([0-9A-Za-z][0-9A-Za-z.-]*))?(?:\+[0-9A-Za-z.-]*)?$/;
function parseSemverish(version) {
    const m = SEMVERISH.exec(version.trim());
    if (!m)
        return undefined;
    const pre = m[2] ? m[2].split(/[.-]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
    return { epoch: 0, release: m[1].split('.').map(Number), pre, post: -1, dev: Number.POSITIVE_INFINITY };
}
function parse(version, ecosystem) {
    return ecosystem === 'pypi'
        ? (parsePep440(version) ?? parseSemverish(version))
        : (parseSemverish(version) ?? parsePep440(version));
}
function compareIdentifiers(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const x = a[i];
        const y = b[i];
        if (x === undefined)
            return -1; // a shorter set of pre-release fields sorts first (semver 11.4.4)
        if (y === undefined)
            return 1;
        if (x === y)
            continue;
        if (typeof x === 'number' && typeof y === 'number')
            return x < y ? -1 : 1;
        if (typeof x === 'number')
            return -1; // numeric identifiers sort before alphanumeric ones
        if (typeof y === 'number')
            return 1;
        return x < y ? -1 : 1;
    }
    return 0;
}
function compareParsed(a, b) {
    if (a.epoch !== b.epoch)
        return a.epoch < b.epoch ? -1 : 1;
    for (let i = 0; i < Math.max(a.release.length, b.release.length); i++) {
        const x = a.release[i] ?? 0;
        const y = b.release[i] ?? 0;
        if (x !== y)
            return x < y ? -1 : 1;
    }
    // PEP 440: X.devN < X.aN < X < X.postN; dev of a pre- or post-release sorts just before it.
    const aDevOnly = a.pre.length === 0 && a.post === -1 && a.dev !== Number.POSITIVE_INFINITY;
    const bDevOnly = b.pre.length === 0 && b.post === -1 && b.dev !== Number.POSITIVE_INFINITY;
    if (aDevOnly !== bDevOnly)
        return aDevOnly ? -1 : 1;
    if (a.pre.length === 0 || b.pre.length === 0) {
        if (a.pre.length !== b.pre.length)
            return a.pre.length === 0 ? 1 : -1; // a release beats its pre-release
    }
    else {
        const byPre = compareIdentifiers(a.pre, b.pre);
        if (byPre !== 0)
            return byPre;
    }
    if (a.post !== b.post)
        return a.post < b.post ? -1 : 1;
    if (a.dev !== b.dev)
        return a.dev < b.dev ? -1 : 1;
    return 0;
}
/** -1, 0 or 1; undefined when either version is not one this module can order. */
function compareVersions(a, b, ecosystem) {
    if (a === b)
        return 0;
    const x = parse(a, ecosystem);
    const y = parse(b, ecosystem);
    if (!x || !y)
        return undefined;
    return compareParsed(x, y);
}
/**
 * The part of a version whose increase breaks compatibility: the major component, or for 0.x the
 * minor (semver's rule for initial development: 0.3 → 0.4 may break). Undefined when unreadable.
 */
function breakingKey(version, ecosystem) {
    const parsed = parse(version, ecosystem);
    if (!parsed)
        return undefined;
    const major = parsed.release[0] ?? 0;
    return major > 0 ? [parsed.epoch, major * 1e6] : [parsed.epoch, parsed.release[1] ?? 0];
}
/** True when `to`'s breaking component is above `from`'s (0.25.2 → 1.0.0, 1.9 → 2.0, 0.3 → 0.4). */
function isMajorBump(from, to, ecosystem) {
    const a = breakingKey(from, ecosystem);
    const b = breakingKey(to, ecosystem);
    if (!a || !b)
        return false;
    return b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]);
}

;// CONCATENATED MODULE: ./src/lockfiles/collect.ts

/**
 * Gathers name@version pairs as a reader finds them and hands back the sorted, deduplicated list.
 * Keys live in a Map, never on an object, so a package called `__proto__` is only a string.
 * A package met several times is direct when any sighting says so.
 */
class PackageCollector {
    kind;
    ecosystem;
    seen = new Map();
    /** name → its entries, built on the first markDirect by name alone (most readers never need it). */
    byName;
    constructor(kind, ecosystem) {
        this.kind = kind;
        this.ecosystem = ecosystem;
    }
    add(name, version, direct) {
        const key = `${name}\u0000${version}`;
        const known = this.seen.get(key);
        if (known) {
            if (direct === true)
                known.direct = true;
            else if (direct === false && known.direct === undefined)
                known.direct = false;
            return;
        }
        const entry = { name, version, ecosystem: this.ecosystem };
        if (direct !== undefined)
            entry.direct = direct;
        this.seen.set(key, entry);
        if (this.byName)
            index(this.byName, entry);
    }
    /** Marks every collected version of `name` (or only `version`) as a direct dependency. */
    markDirect(name, version) {
        if (version !== undefined) {
            const known = this.seen.get(`${name}\u0000${version}`);
            if (known)
                known.direct = true;
            return;
        }
        if (!this.byName) {
            this.byName = new Map();
            for (const entry of this.seen.values())
                index(this.byName, entry);
        }
        for (const entry of this.byName.get(name) ?? [])
            entry.direct = true;
    }
    result() {
        const packages = [...this.seen.values()].sort(comparePackages);
        return { kind: this.kind, packages };
    }
}
function index(byName, entry) {
    const same = byName.get(entry.name);
    if (same)
        same.push(entry);
    else
        byName.set(entry.name, [entry]);
}
function comparePackages(a, b) {
    if (a.name !== b.name)
        return a.name < b.name ? -1 : 1;
    const order = compareVersions(a.version, b.version, a.ecosystem);
    if (order !== undefined && order !== 0)
        return order;
    return a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}

// EXTERNAL MODULE: ./src/lockfiles/errors.ts
var errors = __webpack_require__(6271);
// EXTERNAL MODULE: ./src/lockfiles/lines.ts
var lines = __webpack_require__(8317);
;// CONCATENATED MODULE: ./src/lockfiles/bundler.ts



const SPEC = /^([^\s(]+) \(([^()\s,]+)\)$/;
const DEPENDENCY = /^([^\s(!]+)(?: \([^()]*\))?!?$/;
/**
 * Gemfile.lock: the specs of the GEM and GIT sections (`    name (version[-platform])`, one
 * line per platform variant, compared by gem name and version). PATH gems are the project's own.
 * DEPENDENCIES lists what the Gemfile names: those are direct.
 */
function readBundler(file, text) {
    const out = new PackageCollector('bundler', 'rubygems');
    const direct = [];
    let section;
    let inSpecs = false;
    let sawSource = false;
    (0,lines/* forEachLine */.FF)(text, (line, number) => {
        if (line.trim() === '')
            return;
        const indent = (0,lines/* indentOf */._j)(line);
        if (indent === 0) {
            section = line.trim();
            inSpecs = false;
            if (section === 'GEM' || section === 'GIT' || section === 'PATH' || section === 'PLUGIN SOURCE')
                sawSource = true;
            return;
        }
        if (section === undefined)
            throw errors/* LockfileError */.g.at(file, number, 'indented line before any section');
        const body = line.trim();
        if (section === 'DEPENDENCIES') {
            if (indent !== 2)
                return;
            const m = DEPENDENCY.exec(body);
            if (!m)
                throw errors/* LockfileError */.g.at(file, number, `expected "name (requirement)", got ${JSON.stringify(body.slice(0, 80))}`);
            direct.push(m[1]);
            return;
        }
        if (section !== 'GEM' && section !== 'GIT' && section !== 'PATH')
            return;
        if (indent === 2) {
            inSpecs = body === 'specs:';
            return;
        }
        if (!inSpecs || indent !== 4)
            return; // a spec's own dependencies (indent 6)
        const m = SPEC.exec(body);
        if (!m)
            throw errors/* LockfileError */.g.at(file, number, `expected "name (version)", got ${JSON.stringify(body.slice(0, 80))}`);
        if (section === 'PATH')
            return;
        // RubyGems versions hold no "-": what follows is the platform (x86_64-linux, universal-darwin).
        const version = m[2].split('-')[0];
        out.add(m[1], version, false);
    });
    if (!sawSource)
        throw new errors/* LockfileError */.g(`${file}: no GEM, GIT or PATH section; not a Gemfile.lock`, file);
    for (const name of direct)
        out.markDirect(name);
    return out.result();
}

;// CONCATENATED MODULE: ./src/lockfiles/go.ts



function unquoteGo(token, file, line) {
    if (token.startsWith('"') || token.startsWith('`')) {
        if (token.length < 2 || token.at(-1) !== token[0])
            throw errors/* LockfileError */.g.at(file, line, 'unterminated quoted path');
        return token.slice(1, -1);
    }
    return token;
}
/**
 * go.mod: the `require` lines (single or in a block), direct unless marked `// indirect`. A
 * `replace` that pins another version of a required module (`a => a v1.2.3`, or any path with a
 * version) is what the build uses, so it replaces the required version.
 */
function readGoMod(file, text) {
    const required = new Map();
    const replaced = new Map();
    let block;
    let blockLine = 0;
    let sawModule = false;
    (0,lines/* forEachLine */.FF)(text, (raw, number) => {
        const commentAt = raw.indexOf('//');
        const comment = commentAt === -1 ? '' : raw.slice(commentAt + 2).trim();
        const line = (commentAt === -1 ? raw : raw.slice(0, commentAt)).trim();
        if (line === '')
            return;
        const fields = line.split(/\s+/);
        let verb;
        let args = fields;
        if (block === undefined) {
            verb = fields[0];
            args = fields.slice(1);
            if (args[0] === '(' && args.length === 1) {
                block = verb;
                blockLine = number;
                return;
            }
        }
        else {
            if (line === ')') {
                block = undefined;
                return;
            }
            verb = block;
        }
        if (verb === 'module')
            sawModule = true;
        if (verb === 'require') {
            if (args.length !== 2)
                throw errors/* LockfileError */.g.at(file, number, 'expected "require <module> <version>"');
            required.set(unquoteGo(args[0], file, number), {
                version: args[1],
                direct: !/(^|;\s*)indirect(;|$)/.test(comment),
            });
        }
        else if (verb === 'replace') {
            const arrow = args.indexOf('=>');
            if (arrow < 1)
                throw errors/* LockfileError */.g.at(file, number, 'expected "replace <module> => <target>"');
            const target = args.slice(arrow + 1);
            if (target.length === 2)
                replaced.set(unquoteGo(args[0], file, number), target[1]);
        }
        else if (!['module', 'go', 'toolchain', 'exclude', 'retract', 'tool', 'godebug', 'ignore'].includes(verb))
            throw errors/* LockfileError */.g.at(file, number, `unknown directive ${JSON.stringify(verb.slice(0, 40))}`);
    });
    if (block !== undefined)
        throw errors/* LockfileError */.g.at(file, blockLine, `the ${block} block is not closed (a truncated file?)`);
    if (!sawModule)
        throw new errors/* LockfileError */.g(`${file}: no module line; not a go.mod`, file);
    const out = new PackageCollector('go-mod', 'go');
    for (const [path, { version, direct }] of required)
        out.add(path, replaced.get(path) ?? version, direct);
    return out.result();
}
/**
 * go.sum: `<module> <version>[/go.mod] <hash>` lines. The modules whose content was hashed (no
 * `/go.mod` suffix) are the ones the build downloads; go.sum does not say which are direct.
 */
function readGoSum(file, text) {
    const out = new PackageCollector('go-sum', 'go');
    (0,lines/* forEachLine */.FF)(text, (raw, number) => {
        const line = raw.trim();
        if (line === '')
            return;
        const fields = line.split(/\s+/);
        if (fields.length !== 3 || !fields[2].includes(':'))
            throw errors/* LockfileError */.g.at(file, number, 'expected "<module> <version> <hash>"');
        if (!fields[1].endsWith('/go.mod'))
            out.add(fields[0], fields[1]);
    });
    return out.result();
}

;// CONCATENATED MODULE: ./src/lockfiles/npm.ts



function object(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
const IMPORTER_FIELDS = [
    'dependencies',
    'devDependencies',
    'optionalDependencies',
    'peerDependencies',
];
const MARKER = 'node_modules/';
/** JSON.parse with the file and line of a syntax error (V8 reports a character position). */
function parseJson(file, text) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const message = error.message;
        const position = /position (\d+)/.exec(message);
        const line = position ? (0,lines/* lineAt */.mh)(text, Number(position[1])) : undefined;
        throw new errors/* LockfileError */.g(`${file}${line ? ` line ${line}` : ''}: not valid JSON (${(0,lines/* oneLine */.TN)(message)})`, file, line);
    }
}
/**
 * package-lock.json / npm-shrinkwrap.json. v2 and v3 list every installed copy under `packages`,
 * keyed by its node_modules path: the name is the path after the last `node_modules/` (an alias
 * keeps the name the project imports), workspace folders and links are the project's own code.
 * A copy is direct when Node's resolution from an importer (the root or a workspace) that declares
 * the name lands on it. v1 has only the nested `dependencies` tree and does not say what is direct.
 */
function readNpm(file, text) {
    const doc = object(parseJson(file, text));
    if (!doc)
        throw new errors/* LockfileError */.g(`${file}: expected a JSON object at the top`, file);
    const version = doc.lockfileVersion;
    const out = new PackageCollector('npm', 'npm');
    const packages = object(doc.packages);
    if (packages && (version === 2 || version === 3)) {
        const directKeys = new Set();
        for (const key of Object.keys(packages)) {
            if (key.includes(MARKER) || key.startsWith(MARKER.slice(0, -1)))
                continue;
            const importer = object(packages[key]);
            if (!importer)
                continue;
            for (const field of IMPORTER_FIELDS)
                for (const name of Object.keys(object(importer[field]) ?? {})) {
                    const found = locate(packages, key, name);
                    if (found !== undefined)
                        directKeys.add(found);
                }
        }
        for (const [key, value] of Object.entries(packages)) {
            const at = key.lastIndexOf(MARKER);
            if (at === -1 || (at > 0 && key[at - 1] !== '/'))
                continue; // the root or a workspace folder
            const entry = object(value);
            if (!entry)
                throw new errors/* LockfileError */.g(`${file}: packages[${JSON.stringify(key)}] is not an object`, file);
            if (entry.link === true)
                continue; // a symlink to a workspace folder
            const name = key.slice(at + MARKER.length);
            if (typeof entry.version !== 'string' || entry.version === '')
                throw new errors/* LockfileError */.g(`${file}: packages[${JSON.stringify(key)}] has no version`, file);
            out.add(name, entry.version, directKeys.has(key));
        }
        return out.result();
    }
    const tree = object(doc.dependencies);
    if (version === 1 || (version === undefined && tree)) {
        readV1Tree(file, tree ?? {}, out, 'dependencies');
        return out.result();
    }
    throw new errors/* LockfileError */.g(`${file}: lockfileVersion ${JSON.stringify(version)} is not one npm writes (1, 2 or 3); regenerate it with npm install`, file);
}
/** Node's resolution of `name` from the folder `from`, walking up through node_modules. */
function locate(packages, from, name) {
    let dir = from;
    for (;;) {
        const candidate = dir === '' ? `${MARKER}${name}` : `${dir}/${MARKER}${name}`;
        if (Object.hasOwn(packages, candidate))
            return candidate;
        if (dir === '')
            return undefined;
        const cut = dir.lastIndexOf('/');
        dir = cut === -1 ? '' : dir.slice(0, cut);
        // Step over a `node_modules` segment (and a scope folder) the way Node does.
        if (dir.endsWith('/node_modules') || dir === 'node_modules') {
            const cut2 = dir.lastIndexOf('/');
            dir = cut2 === -1 ? '' : dir.slice(0, cut2);
        }
    }
}
function readV1Tree(file, tree, out, where) {
    // An explicit stack, so a hostile, deeply nested file cannot overflow the call stack.
    const stack = [[tree, where]];
    while (stack.length > 0) {
        const [deps, path] = stack.pop();
        for (const [name, value] of Object.entries(deps)) {
            const entry = object(value);
            const here = `${path}[${JSON.stringify(name)}]`;
            if (!entry || typeof entry.version !== 'string')
                throw new errors/* LockfileError */.g(`${file}: ${here} has no version`, file);
            // `file:` versions are the project's own folders, not registry packages.
            if (!entry.version.startsWith('file:'))
                out.add(name, entry.version);
            const nested = object(entry.dependencies);
            if (nested)
                stack.push([nested, `${here}.dependencies`]);
        }
    }
}

;// CONCATENATED MODULE: ./src/lockfiles/block-yaml.ts


function walkBlockYaml(file, text, visit) {
    let scalarIndent = Number.POSITIVE_INFINITY;
    (0,lines/* forEachLine */.FF)(text, (raw, number) => {
        const indent = (0,lines/* indentOf */._j)(raw);
        if (indent === raw.length)
            return; // blank
        if (indent > scalarIndent)
            return; // continues the value above
        scalarIndent = Number.POSITIVE_INFINITY;
        const first = raw.charCodeAt(indent);
        if (first === 35 /* # */)
            return;
        if (raw.charCodeAt(indent) === 9 /* tab */)
            throw errors/* LockfileError */.g.at(file, number, 'a tab in the indentation (YAML indents with spaces)');
        if (first === 45 /* - */ && (raw.length === indent + 1 || raw.charCodeAt(indent + 1) === 32)) {
            // A block sequence item: lockfiles have them only in fields the readers do not use
            // (pnpm `os:`/`cpu:` in old versions); reported with an empty key under the open key.
            visit(indent, '', raw.slice(indent + 1).trim(), number);
            return;
        }
        const body = raw.slice(indent);
        const colon = keyEnd(body, file, number);
        const key = (0,lines/* unquoteScalar */.sS)(body.slice(0, colon), file, number);
        let value = body.slice(colon + 1);
        const hash = value.indexOf(' #');
        if (hash !== -1 && !/["']/.test(value))
            value = value.slice(0, hash);
        value = value.trim();
        if (value !== '')
            scalarIndent = indent;
        visit(indent, key, value === '' ? undefined : value, number);
    });
}
/** Offset of the `:` that ends a key (quoted or plain) at the start of `body`. */
function keyEnd(body, file, line) {
    const quote = body.charCodeAt(0);
    if (quote === 34 || quote === 39) {
        let i = 1;
        for (; i < body.length; i++) {
            const c = body.charCodeAt(i);
            if (quote === 34 && c === 92 /* \ */) {
                i++;
                continue;
            }
            if (c === quote) {
                if (quote === 39 && body.charCodeAt(i + 1) === 39) {
                    i++;
                    continue;
                }
                break;
            }
        }
        if (i >= body.length)
            throw errors/* LockfileError */.g.at(file, line, 'unterminated quoted key');
        if (body.charCodeAt(i + 1) !== 58 /* : */)
            throw errors/* LockfileError */.g.at(file, line, 'expected ":" after the key');
        return i + 1;
    }
    // A plain key ends at the first ": " or at a ":" that ends the line.
    const spaced = body.indexOf(': ');
    if (spaced !== -1)
        return spaced;
    if (body.endsWith(':'))
        return body.length - 1;
    throw errors/* LockfileError */.g.at(file, line, `expected "key: value", got ${JSON.stringify(body.slice(0, 80))}`);
}

;// CONCATENATED MODULE: ./src/lockfiles/pnpm.ts




const DEP_FIELDS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);
/**
 * pnpm-lock.yaml, lockfileVersion 5.x to 9.0. Every `packages` key is one resolved package:
 * `/name/1.0.0_peer` (v5), `/name@1.0.0(peer)` (v6), `name@1.0.0` (v9); `name:` and `version:`
 * fields, when an entry has them (tarballs, git), win over the key. What an importer (the root
 * or a workspace) lists is direct.
 */
function readPnpm(file, text) {
    let major;
    let top; // the top-level key we are under
    let importerField; // dependencies / devDependencies / … under an importer
    let depName; // v6+: the dependency whose specifier/version lines follow
    const directRefs = [];
    const entries = [];
    let entry;
    walkBlockYaml(file, text, (indent, key, value, line) => {
        if (indent === 0) {
            top = key;
            entry = undefined;
            importerField = undefined;
            if (key === 'lockfileVersion') {
                const version = value === undefined ? '' : (0,lines/* unquoteScalar */.sS)(value, file, line);
                major = Number.parseInt(version, 10);
                if (!(major >= 5 && major <= 9))
                    throw errors/* LockfileError */.g.at(file, line, `lockfileVersion ${JSON.stringify(version)} is not one this reader knows (5.x to 9.0)`);
            }
            return;
        }
        if (top === 'packages') {
            if (indent === 2) {
                if (value !== undefined && value !== '{}')
                    throw errors/* LockfileError */.g.at(file, line, 'expected a package entry');
                entry = { key, line, resolved: false };
                entries.push(entry);
            }
            else if (indent === 4 && entry && value !== undefined) {
                if (key === 'resolution')
                    entry.resolved = true;
                else if (key === 'name')
                    entry.name = (0,lines/* unquoteScalar */.sS)(value, file, line);
                else if (key === 'version')
                    entry.version = (0,lines/* unquoteScalar */.sS)(value, file, line);
            }
            return;
        }
        // v5 without importers: the root's dependencies are top-level maps of name: version.
        if (DEP_FIELDS.has(top ?? '') && indent === 2 && value !== undefined) {
            directRefs.push([key, (0,lines/* unquoteScalar */.sS)(value, file, line), line]);
            return;
        }
        if (top !== 'importers')
            return;
        if (indent === 2)
            importerField = undefined;
        else if (indent === 4)
            importerField = DEP_FIELDS.has(key) ? key : undefined;
        else if (indent === 6 && importerField) {
            depName = key;
            if (value !== undefined)
                directRefs.push([key, (0,lines/* unquoteScalar */.sS)(value, file, line), line]); // v5
        }
        else if (indent === 8 &&
            importerField &&
            key === 'version' &&
            depName !== undefined &&
            value !== undefined)
            directRefs.push([depName, (0,lines/* unquoteScalar */.sS)(value, file, line), line]);
    });
    if (major === undefined)
        throw new errors/* LockfileError */.g(`${file}: no lockfileVersion; not a pnpm lockfile`, file);
    const v5 = major < 6;
    const out = new PackageCollector('pnpm', 'npm');
    for (const e of entries) {
        if (!e.resolved)
            throw errors/* LockfileError */.g.at(file, e.line, `package ${JSON.stringify(e.key)} has no resolution (a truncated file?)`);
        const fromKey = splitKey(e.key, v5);
        const name = e.name ?? fromKey?.name;
        const version = e.version ?? fromKey?.version;
        if (!name || !version)
            throw errors/* LockfileError */.g.at(file, e.line, `cannot read a name and version from ${JSON.stringify(e.key)}`);
        out.add(name, version, false);
    }
    for (const [name, ref] of directRefs) {
        if (ref.startsWith('link:') || ref.startsWith('file:'))
            continue;
        const bare = stripPeers(ref, v5);
        // An alias (`npm:other@1.0.0`) or a non-registry dependency points at a packages key.
        const keyed = bare.startsWith('/') || bare.indexOf('@', 1) > 0 ? splitKey(bare, v5) : undefined;
        if (keyed)
            out.markDirect(keyed.name, keyed.version);
        else
            out.markDirect(name, bare);
    }
    return out.result();
}
function stripPeers(version, v5) {
    const cut = v5 ? version.indexOf('_') : version.indexOf('(');
    return cut > 0 ? version.slice(0, cut) : version;
}
/** The name and version a packages key names, or undefined for keys that do not (git, tarballs). */
function splitKey(key, v5) {
    const path = key.startsWith('/') ? key.slice(1) : key;
    if (v5) {
        // `name/version_peers` or `@scope/name/version_peers` (peers may hold `/` and `@`).
        const segments = path.split('/');
        const nameLength = path.startsWith('@') ? 2 : 1;
        const version = segments[nameLength];
        if (segments.length <= nameLength || !version)
            return undefined;
        return { name: segments.slice(0, nameLength).join('/'), version: stripPeers(version, true) };
    }
    const bare = stripPeers(path, false);
    const at = bare.indexOf('@', 1);
    if (at <= 0 || at === bare.length - 1)
        return undefined;
    return { name: bare.slice(0, at), version: bare.slice(at + 1) };
}

;// CONCATENATED MODULE: ./src/lockfiles/toml.ts


/**
 * The TOML that Cargo, Poetry and uv write: `[table]` and `[[array]]` headers, `key = value` lines,
 * basic/literal/multi-line strings, numbers, booleans, dates (kept as text), arrays over several
 * lines and one-line inline tables. A small strict reader instead of a dependency: lockfiles use
 * this subset only, it returns sections in order (a `[package.x]` belongs to the `[[package]]`
 * above it), and every syntax error names the file and line.
 */
function readTomlSections(file, text) {
    return new TomlReader(file, text).read();
}
/** Character classes by code, looked up instead of a regular expression per character. */
const BARE_KEY = new Uint8Array(128);
const BARE_VALUE = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-') {
    BARE_KEY[c.charCodeAt(0)] = 1;
    BARE_VALUE[c.charCodeAt(0)] = 1;
}
for (const c of ':.+')
    BARE_VALUE[c.charCodeAt(0)] = 1;
const isDigit = (c) => c >= 48 && c <= 57;
class TomlReader {
    file;
    text;
    pos = 0;
    /** Nesting of arrays and inline tables; bounded so a hostile file cannot exhaust the stack. */
    depth = 0;
    constructor(file, text) {
        this.file = file;
        this.text = text;
    }
    fail(why, at = this.pos) {
        const line = (0,lines/* lineAt */.mh)(this.text, at);
        throw errors/* LockfileError */.g.at(this.file, line, why);
    }
    read() {
        const sections = [{ header: '', array: false, offset: 0, values: new Map() }];
        const { text } = this;
        while (this.pos < text.length) {
            this.skipSpaces();
            const c = text[this.pos];
            if (c === undefined)
                break;
            if (c === '\n' || c === '\r' || c === '#') {
                this.endOfLine();
                continue;
            }
            if (c === '[') {
                const offset = this.pos;
                const array = text[this.pos + 1] === '[';
                this.pos += array ? 2 : 1;
                this.skipSpaces();
                const header = this.key();
                this.skipSpaces();
                if (!text.startsWith(array ? ']]' : ']', this.pos))
                    this.fail(`expected "${array ? ']]' : ']'}" after the table name`);
                this.pos += array ? 2 : 1;
                this.endOfLine();
                sections.push({ header, array, offset, values: new Map() });
                continue;
            }
            const section = sections[sections.length - 1];
            const key = this.key();
            this.skipSpaces();
            if (text[this.pos] !== '=')
                this.fail(`expected "=" after ${JSON.stringify(key.slice(0, 60))}`);
            this.pos++;
            this.skipSpaces();
            if (section.values.has(key))
                this.fail(`${JSON.stringify(key.slice(0, 60))} is defined twice`);
            section.values.set(key, this.value());
            this.endOfLine();
        }
        return sections;
    }
    skipSpaces() {
        const { text } = this;
        for (let c = text.charCodeAt(this.pos); c === 32 || c === 9; c = text.charCodeAt(this.pos))
            this.pos++;
    }
    /** Spaces, an optional comment, then a line end or the end of the text. */
    endOfLine() {
        this.skipSpaces();
        const { text } = this;
        if (text[this.pos] === '#') {
            const end = text.indexOf('\n', this.pos);
            this.pos = end === -1 ? text.length : end;
        }
        if (text[this.pos] === '\r' && text[this.pos + 1] === '\n')
            this.pos += 2;
        else if (text[this.pos] === '\n')
            this.pos++;
        else if (this.pos < text.length)
            this.fail(`unexpected ${JSON.stringify(text[this.pos])}`);
    }
    /** Whitespace, newlines and comments inside an array. */
    skipBlank() {
        const { text } = this;
        for (;;) {
            const c = text.charCodeAt(this.pos);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                this.pos++;
            else if (c === 35 /* # */) {
                const end = text.indexOf('\n', this.pos);
                this.pos = end === -1 ? text.length : end;
            }
            else
                return;
        }
    }
    /** A key, dotted parts joined with "." (lockfiles never need to tell `"a.b"` from `a.b`). */
    key() {
        let joined;
        for (;;) {
            const c = this.text.charCodeAt(this.pos);
            let part;
            if (c === 34)
                part = this.basicString();
            else if (c === 39)
                part = this.literalString();
            else {
                const start = this.pos;
                const { text } = this;
                while (BARE_KEY[text.charCodeAt(this.pos)] === 1)
                    this.pos++;
                if (this.pos === start)
                    this.fail('expected a key');
                part = text.slice(start, this.pos);
            }
            joined = joined === undefined ? part : `${joined}.${part}`;
            this.skipSpaces();
            if (this.text.charCodeAt(this.pos) !== 46 /* . */)
                return joined;
            this.pos++;
            this.skipSpaces();
        }
    }
    value() {
        const { text } = this;
        const c = text[this.pos];
        if (c === '"')
            return text.startsWith('"""', this.pos) ? this.multiline('"""') : this.basicString();
        if (c === "'")
            return text.startsWith("'''", this.pos) ? this.multiline("'''") : this.literalString();
        if (c === '[' || c === '{') {
            if (++this.depth > 64)
                this.fail('arrays or tables nested more than 64 deep');
            const nested = c === '[' ? this.array() : this.inlineTable();
            this.depth--;
            return nested;
        }
        const start = this.pos;
        for (;;) {
            const code = text.charCodeAt(this.pos);
            if (BARE_VALUE[code] === 1)
                this.pos++;
            // The space between the date and the time of a TOML date-time.
            else if (code === 32 &&
                isDigit(text.charCodeAt(this.pos - 1)) &&
                isDigit(text.charCodeAt(this.pos + 1)))
                this.pos++;
            else
                break;
        }
        const raw = text.slice(start, this.pos);
        if (raw === '')
            this.fail('expected a value');
        if (raw === 'true')
            return true;
        if (raw === 'false')
            return false;
        if (/^[+-]?\d+$/.test(raw.replaceAll('_', '')))
            return Number(raw.replaceAll('_', ''));
        return raw; // floats, dates and times: the readers never use them
    }
    basicString() {
        const { text } = this;
        const start = this.pos;
        this.pos++;
        let out = '';
        let run = this.pos;
        for (;;) {
            const c = text.charCodeAt(this.pos);
            if (c === 34 /* " */) {
                out += text.slice(run, this.pos);
                this.pos++;
                return out;
            }
            if (c === 92 /* \ */) {
                out += text.slice(run, this.pos);
                out += this.escape();
                run = this.pos;
                continue;
            }
            if (c === 10 || Number.isNaN(c))
                this.fail('unterminated string', start);
            this.pos++;
        }
    }
    escape() {
        const { text } = this;
        const e = text[this.pos + 1];
        const simple = {
            b: '\b',
            t: '\t',
            n: '\n',
            f: '\f',
            r: '\r',
            '"': '"',
            '\\': '\\',
            e: '\u001b',
        };
        if (e !== undefined && Object.hasOwn(simple, e)) {
            this.pos += 2;
            return simple[e];
        }
        const width = e === 'u' ? 4 : e === 'U' ? 8 : 0;
        const hex = text.slice(this.pos + 2, this.pos + 2 + width);
        if (width === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== width)
            this.fail('invalid escape in a string');
        const code = Number.parseInt(hex, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            this.fail('invalid unicode escape');
        this.pos += 2 + width;
        return String.fromCodePoint(code);
    }
    literalString() {
        const { text } = this;
        const end = text.indexOf("'", this.pos + 1);
        const newline = text.indexOf('\n', this.pos + 1);
        if (end === -1 || (newline !== -1 && newline < end))
            this.fail('unterminated string');
        const value = text.slice(this.pos + 1, end);
        this.pos = end + 1;
        return value;
    }
    multiline(delimiter) {
        const { text } = this;
        const start = this.pos;
        let end = text.indexOf(delimiter, this.pos + 3);
        if (end === -1)
            this.fail('unterminated multi-line string', start);
        // Up to two quotes may sit right before the closing delimiter.
        while (text[end + 3] === delimiter[0] && end + 3 < text.length)
            end++;
        let body = text.slice(this.pos + 3, end);
        this.pos = end + 3;
        if (body.startsWith('\r\n'))
            body = body.slice(2);
        else if (body.startsWith('\n'))
            body = body.slice(1);
        if (delimiter === "'''")
            return body;
        // Basic multi-line: escapes and line-ending backslashes; only the readers' fields matter, so
        // the body is unescaped loosely (descriptions are never used).
        return body.replace(/\\\s*\n\s*/g, '');
    }
    array() {
        const start = this.pos;
        this.pos++;
        const items = [];
        for (;;) {
            this.skipBlank();
            if (this.pos >= this.text.length)
                this.fail('unterminated array', start);
            if (this.text[this.pos] === ']') {
                this.pos++;
                return items;
            }
            items.push(this.value());
            this.skipBlank();
            const c = this.text[this.pos];
            if (c === ',')
                this.pos++;
            else if (c !== ']')
                this.fail(c === undefined ? 'unterminated array' : 'expected "," or "]" in an array', c === undefined ? start : this.pos);
        }
    }
    inlineTable() {
        const start = this.pos;
        this.pos++;
        const table = new Map();
        this.skipSpaces();
        if (this.text[this.pos] === '}') {
            this.pos++;
            return table;
        }
        for (;;) {
            this.skipSpaces();
            const key = this.key();
            this.skipSpaces();
            if (this.text[this.pos] !== '=')
                this.fail(`expected "=" after ${JSON.stringify(key.slice(0, 60))}`);
            this.pos++;
            this.skipSpaces();
            if (table.has(key))
                this.fail(`${JSON.stringify(key.slice(0, 60))} is defined twice`);
            table.set(key, this.value());
            this.skipSpaces();
            const c = this.text[this.pos];
            if (c === ',')
                this.pos++;
            else if (c === '}') {
                this.pos++;
                return table;
            }
            else
                this.fail(c === undefined || c === '\n'
                    ? 'unterminated inline table'
                    : 'expected "," or "}" in an inline table', c === undefined ? start : this.pos);
        }
    }
}

;// CONCATENATED MODULE: ./src/lockfiles/toml-lockfiles.ts




/** `[[package]]` sections, each with its `[package.<x>]` sub-tables. */
function packagesOf(file, text) {
    const sections = readTomlSections(file, text);
    const packages = [];
    for (const section of sections) {
        if (section.header === 'package' && section.array)
            packages.push({ main: section, sub: new Map() });
        else if (section.header.startsWith('package.')) {
            const owner = packages.at(-1);
            if (!owner)
                throw errors/* LockfileError */.g.at(file, (0,lines/* lineAt */.mh)(text, section.offset), `[${section.header}] before any [[package]]`);
            owner.sub.set(section.header.slice('package.'.length), section.values);
        }
    }
    return { top: sections[0].values, sections, packages };
}
function toml_lockfiles_text(file, source, pkg, key, required) {
    const value = pkg.main.values.get(key);
    if (value === undefined && !required)
        return undefined;
    if (typeof value !== 'string' || value === '')
        throw errors/* LockfileError */.g.at(file, (0,lines/* lineAt */.mh)(source, pkg.main.offset), `[[package]] ${value === undefined ? `has no ${key}` : `${key} is not a string`}`);
    return value;
}
/** PEP 503 name normalisation: `Foo_Bar.baz` and `foo-bar-baz` are one PyPI project. */
function normalizePypiName(name) {
    return name.replace(/[-_.]+/g, '-').toLowerCase();
}
/**
 * Cargo.lock (v1 to v4): every `[[package]]` with a `source` is a crate from a registry or git;
 * those without are the workspace's own crates, left out, and what they depend on is direct.
 * A dependency is written `name`, `name version` or `name version (source)`.
 */
function readCargo(file, source) {
    const { packages } = packagesOf(file, source);
    const out = new PackageCollector('cargo', 'cargo');
    const local = [];
    for (const pkg of packages) {
        const name = toml_lockfiles_text(file, source, pkg, 'name', true);
        const version = toml_lockfiles_text(file, source, pkg, 'version', true);
        if (pkg.main.values.get('source') === undefined)
            local.push(pkg);
        else
            out.add(name, version, false);
    }
    for (const pkg of local) {
        const deps = pkg.main.values.get('dependencies') ?? [];
        if (!Array.isArray(deps))
            throw errors/* LockfileError */.g.at(file, (0,lines/* lineAt */.mh)(source, pkg.main.offset), '[[package]] dependencies is not an array');
        for (const dep of deps) {
            if (typeof dep !== 'string')
                throw errors/* LockfileError */.g.at(file, (0,lines/* lineAt */.mh)(source, pkg.main.offset), '[[package]] dependency is not a string');
            const [name, version] = dep.split(' ');
            out.markDirect(name, version);
        }
    }
    return out.result();
}
/**
 * poetry.lock: every `[[package]]` name and version (names normalised as PyPI does). Poetry's
 * lockfile does not list the project's own requirements (pyproject.toml does): direct is unsaid.
 */
function readPoetry(file, source) {
    const { packages } = packagesOf(file, source);
    const out = new PackageCollector('poetry', 'pypi');
    for (const pkg of packages) {
        const sourceTable = pkg.sub.get('source');
        // A path dependency is the user's own code, not a locked package.
        if (sourceTable?.get('type') === 'directory')
            continue;
        out.add(normalizePypiName(toml_lockfiles_text(file, source, pkg, 'name', true)), toml_lockfiles_text(file, source, pkg, 'version', true));
    }
    return out.result();
}
const LOCAL_UV_SOURCES = ['editable', 'virtual', 'directory'];
/**
 * uv.lock: every `[[package]]` from a registry, git or URL. Workspace members and local folders
 * (`source = { editable | virtual | directory = … }`) are the project itself and left out; their
 * dependencies, optional dependencies and dev groups are direct.
 */
function readUv(file, source) {
    const { packages } = packagesOf(file, source);
    const out = new PackageCollector('uv', 'pypi');
    const local = [];
    for (const pkg of packages) {
        const name = normalizePypiName(toml_lockfiles_text(file, source, pkg, 'name', true));
        const from = pkg.main.values.get('source');
        if (from instanceof Map && LOCAL_UV_SOURCES.some((kind) => from.has(kind))) {
            local.push(pkg);
            continue;
        }
        out.add(name, toml_lockfiles_text(file, source, pkg, 'version', true), false);
    }
    const markAll = (deps) => {
        if (!Array.isArray(deps))
            return;
        for (const dep of deps) {
            if (!(dep instanceof Map))
                continue;
            const name = dep.get('name');
            const version = dep.get('version');
            if (typeof name === 'string')
                out.markDirect(normalizePypiName(name), typeof version === 'string' ? version : undefined);
        }
    };
    for (const pkg of local) {
        markAll(pkg.main.values.get('dependencies'));
        for (const group of ['optional-dependencies', 'dev-dependencies'])
            for (const deps of pkg.sub.get(group)?.values() ?? [])
                markAll(deps);
    }
    return out.result();
}

;// CONCATENATED MODULE: ./src/lockfiles/requirements.ts




// name[extras] then a version specifier, a URL (`name @ url`) or nothing; then an optional marker.
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?:(===?)\s*([^\s;,]+)\s*(?=;|$)|@\s*(\S+)|([<>=!~][^;]*))?\s*(?:;.*)?$/;
/**
 * A pip requirements file as pip-compile, `pip freeze` or uv export write it: `name==version`
 * lines (with `--hash` options, markers, extras and `\` continuations). A line with a range is
 * kept with its specifier as the version (`>=1.2`), a `name @ url` line with its URL, so a change
 * still shows. Options (`-r`, `-c`, `-e`, `--index-url`) are not packages. Where pip-compile's
 * `# via` notes are present, a package is direct when one of its sources is a requirements input
 * (`-r file`); otherwise the file does not say.
 */
function readRequirements(file, text) {
    const out = new PackageCollector('pip-requirements', 'pypi');
    const found = [];
    let pending = '';
    let pendingLine = 0;
    let last;
    let inVia = false;
    let sawVia = false;
    const take = (logical, number) => {
        const line = logical.replace(/(^|\s)#.*$/, '').trim();
        if (line === '')
            return;
        if (line.startsWith('-')) {
            last = undefined;
            return;
        }
        const withoutOptions = line.replace(/\s--?[a-z][a-z-]*(?:[= ]\S+)?/g, '').trim();
        const m = REQUIREMENT.exec(withoutOptions);
        if (!m)
            throw errors/* LockfileError */.g.at(file, number, `not a requirement: ${JSON.stringify(line.slice(0, 80))}`);
        const version = m[3] ?? (m[4] ? `@ ${m[4]}` : (m[5]?.trim() ?? ''));
        const entry = { name: normalizePypiName(m[1]), version: version === '' ? '*' : version, via: [] };
        found.push(entry);
        last = entry;
    };
    (0,lines/* forEachLine */.FF)(text, (raw, number) => {
        const trimmed = raw.trim();
        if (pending === '' && trimmed.startsWith('#')) {
            // pip-compile: `    # via` then `    #   source` lines, or `    # via source` on one line.
            const comment = trimmed.slice(1).trim();
            if (comment.startsWith('via')) {
                sawVia = true;
                inVia = true;
                const rest = comment.slice(3).trim();
                if (rest && last)
                    last.via.push(rest);
            }
            else if (inVia && last && raw.startsWith(' ') && comment)
                last.via.push(comment);
            else
                inVia = false;
            return;
        }
        inVia = false;
        if (pending === '')
            pendingLine = number;
        if (trimmed.endsWith('\\')) {
            pending += `${trimmed.slice(0, -1)} `;
            return;
        }
        const logical = pending + trimmed;
        pending = '';
        take(logical, pendingLine);
    });
    if (pending !== '')
        take(pending, pendingLine);
    for (const { name, version, via } of found)
        out.add(name, version, sawVia ? via.some((source) => /^-r\s/.test(source)) : undefined);
    return out.result();
}

// EXTERNAL MODULE: ./src/lockfiles/yarn-classic.ts
var yarn_classic = __webpack_require__(5055);
;// CONCATENATED MODULE: ./src/lockfiles/yarn.ts





/** yarn.lock written by Yarn 2+ (berry) starts with a `__metadata:` map; v1 with its header comment. */
function isYarnBerry(text) {
    return /^__metadata:/m.test(text);
}
/**
 * yarn v1: every entry's names (from its descriptors; an alias keeps its own) and version. The lockfile does not list
 * the project's own dependencies (package.json does), so `direct` is left unsaid.
 */
function readYarnClassic(file, text) {
    const out = new PackageCollector('yarn-classic', 'npm');
    for (const [descriptor, entry] of (0,yarn_classic/* parseYarnClassic */.Y)(text, file)) {
        if (entry.version === undefined)
            throw errors/* LockfileError */.g.at(file, entry.line, 'entry has no version');
        // `file:` and `link:` descriptors are folders of the project itself.
        const name = (0,yarn_classic/* descriptorName */.V)(descriptor);
        const range = descriptor.slice(name.length + 1);
        if (range.startsWith('file:') || range.startsWith('link:'))
            continue;
        out.add(name, entry.version); // under each name it is imported by (aliases included)
    }
    return out.result();
}
const BERRY_DEP_FIELDS = new Set(['dependencies', 'optionalDependencies', 'peerDependencies']);
const LOCAL_PROTOCOLS = ['@workspace:', '@link:', '@portal:'];
/**
 * Yarn berry: each entry's names (from its descriptors) and `version`. Workspaces, links and
 * portals are the project's own folders and are left out; what a workspace depends on is direct.
 */
function readYarnBerry(file, text) {
    const entries = [];
    let entry;
    let section;
    let sawMetadata = false;
    walkBlockYaml(file, text, (indent, key, value, line) => {
        if (indent === 0) {
            section = undefined;
            if (key === '__metadata') {
                sawMetadata = true;
                entry = undefined;
                return;
            }
            if (value !== undefined)
                throw errors/* LockfileError */.g.at(file, line, `expected an entry, got a value for ${key}`);
            entry = { line, descriptors: key.split(/,\s*/), deps: [] };
            entries.push(entry);
            return;
        }
        if (!entry)
            return; // inside __metadata
        if (indent === 2) {
            section = value === undefined && BERRY_DEP_FIELDS.has(key) ? key : undefined;
            if (key === 'version' && value !== undefined)
                entry.version = (0,lines/* unquoteScalar */.sS)(value, file, line);
            else if (key === 'resolution' && value !== undefined)
                entry.resolution = (0,lines/* unquoteScalar */.sS)(value, file, line);
            return;
        }
        if (indent === 4 && section !== undefined && value !== undefined)
            entry.deps.push([key, (0,lines/* unquoteScalar */.sS)(value, file, line)]);
    });
    if (!sawMetadata)
        throw new errors/* LockfileError */.g(`${file}: no __metadata map; not a Yarn 2+ lockfile`, file);
    const byDescriptor = new Map();
    for (const e of entries)
        for (const d of e.descriptors)
            byDescriptor.set(d, e);
    const out = new PackageCollector('yarn-berry', 'npm');
    const isLocal = (e) => LOCAL_PROTOCOLS.some((p) => e.resolution.includes(p, 1));
    for (const e of entries) {
        if (e.resolution === undefined)
            throw errors/* LockfileError */.g.at(file, e.line, 'entry has no resolution');
        if (e.version === undefined)
            throw errors/* LockfileError */.g.at(file, e.line, 'entry has no version');
        if (isLocal(e))
            continue;
        // Under each name the project imports it by (an alias `react-is-18@npm:react-is@18` is
        // react-is-18, as npm's node_modules/react-is-18 is), like the npm and yarn v1 readers.
        for (const name of new Set(e.descriptors.map(yarn_classic/* descriptorName */.V)))
            out.add(name, e.version, false);
    }
    for (const e of entries) {
        if (!isLocal(e))
            continue;
        for (const [name, range] of e.deps) {
            const target = byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
            if (target && !isLocal(target))
                out.markDirect(name, target.version);
        }
    }
    return out.result();
}

;// CONCATENATED MODULE: ./src/lockfiles/diff.ts

const byEcosystemAndName = (a, b) => a.ecosystem !== b.ecosystem
    ? a.ecosystem < b.ecosystem
        ? -1
        : 1
    : a.name < b.name
        ? -1
        : a.name > b.name
            ? 1
            : 0;
/**
 * The packages grouped into runs of one (ecosystem, name). A ParsedLockfile is sorted by name
 * already (one ecosystem per file), so this is one pass; a list built by hand is sorted first.
 */
function runs(parsed) {
    let packages = parsed?.packages ?? [];
    for (let i = 1; i < packages.length; i++)
        if (byEcosystemAndName(packages[i - 1], packages[i]) > 0) {
            packages = [...packages].sort(byEcosystemAndName);
            break;
        }
    const out = [];
    let run;
    for (const pkg of packages) {
        if (!run || run.name !== pkg.name || run.ecosystem !== pkg.ecosystem) {
            run = { name: pkg.name, ecosystem: pkg.ecosystem, versions: [] };
            out.push(run);
        }
        if (!run.versions.includes(pkg.version))
            run.versions.push(pkg.version);
        if (pkg.direct === true)
            run.direct = true;
        else if (pkg.direct === false && run.direct === undefined)
            run.direct = false;
    }
    return out;
}
/** Versions in order, oldest first; ones that cannot be ordered keep their text order. */
function sorted(versions, ecosystem) {
    return [...versions].sort((a, b) => compareVersions(a, b, ecosystem) ?? (a < b ? -1 : a > b ? 1 : 0));
}
/** The newest of a non-empty list, or undefined when two of them cannot be ordered. */
function newest(versions, ecosystem) {
    let best = versions[0];
    for (const version of versions.slice(1)) {
        const order = compareVersions(best, version, ecosystem);
        if (order === undefined)
            return undefined;
        if (order < 0)
            best = version;
    }
    return best;
}
function sameVersions(a, b) {
    if (a.length !== b.length)
        return false;
    if (a.length === 1)
        return a[0] === b[0];
    const set = new Set(a);
    return b.every((v) => set.has(v));
}
function compareRuns(was, is) {
    const { name, ecosystem } = (was ?? is);
    const direct = is?.direct ?? was?.direct;
    let change;
    if (!was)
        change = { name, ecosystem, kind: 'added', after: sorted(is.versions, ecosystem) };
    else if (!is)
        change = { name, ecosystem, kind: 'removed', before: sorted(was.versions, ecosystem) };
    else {
        if (sameVersions(was.versions, is.versions))
            return undefined;
        const old = new Set(was.versions);
        const now = new Set(is.versions);
        const gone = was.versions.filter((v) => !now.has(v));
        const came = is.versions.filter((v) => !old.has(v));
        change = {
            name,
            ecosystem,
            kind: 'changed',
            before: sorted(was.versions, ecosystem),
            after: sorted(is.versions, ecosystem),
        };
        if (gone.length > 0 && came.length > 0) {
            const from = newest(gone, ecosystem);
            const to = newest(came, ecosystem);
            const order = from !== undefined && to !== undefined ? compareVersions(from, to, ecosystem) : undefined;
            if (order !== undefined && order < 0) {
                change.kind = 'upgraded';
                change.major = isMajorBump(from, to, ecosystem);
            }
            else if (order !== undefined && order > 0)
                change.kind = 'downgraded';
        }
    }
    if (direct !== undefined)
        change.direct = direct;
    return change;
}
/**
 * Compares the two lockfiles name by name, each name's versions as a set (npm and yarn trees hold
 * several copies). A name that appears or goes is added or removed. Otherwise the newest version
 * that went is compared with the newest that came: upgraded or downgraded, `major` when the
 * breaking component rose; a copy only added or only dropped beside versions that stay, or
 * versions that cannot be ordered, is "changed". One merge pass over both sorted lists; changes
 * come out sorted by ecosystem and name.
 */
function diffLockfiles(before, after) {
    const old = runs(before);
    const now = runs(after);
    const changes = [];
    let i = 0;
    let j = 0;
    while (i < old.length || j < now.length) {
        const a = old[i];
        const b = now[j];
        const order = !a ? 1 : !b ? -1 : byEcosystemAndName(a, b);
        const change = compareRuns(order <= 0 ? a : undefined, order >= 0 ? b : undefined);
        if (order <= 0)
            i++;
        if (order >= 0)
            j++;
        if (change)
            changes.push(change);
    }
    return { changes };
}

;// CONCATENATED MODULE: ./src/lockfiles/index.ts
/**
 * Dependency lockfiles read to `package → version`, and the difference between two of them, for
 * pipeline-diff ("what changed since the last green run"). Each format has a small strict reader
 * in this folder; this module is the one entry point.
 */












const BY_NAME = {
    'package-lock.json': 'npm',
    'npm-shrinkwrap.json': 'npm',
    'pnpm-lock.yaml': 'pnpm',
    'go.mod': 'go-mod',
    'go.sum': 'go-sum',
    'Cargo.lock': 'cargo',
    'poetry.lock': 'poetry',
    'uv.lock': 'uv',
    'Gemfile.lock': 'bundler',
    'gems.locked': 'bundler',
};
/** pip-compile and friends: requirements.txt, requirements-dev.txt, dev-requirements.txt, requirements/*.txt. */
const REQUIREMENTS = /(^|[-_.])requirements([-_.][^/]*)?\.txt$/i;
/**
 * Which format a file is, by its name; yarn.lock by content (berry has `__metadata:`; without the
 * text, classic is assumed). Undefined for anything else: the caller records such a file by hash.
 */
function detectLockfileKind(path, text) {
    const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    const base = path.slice(slash + 1);
    if (Object.hasOwn(BY_NAME, base))
        return BY_NAME[base];
    if (base === 'yarn.lock')
        return text !== undefined && isYarnBerry((0,lines/* stripBom */.F8)(text)) ? 'yarn-berry' : 'yarn-classic';
    const parent = path.slice(0, Math.max(slash, 0));
    if (REQUIREMENTS.test(base) || (/(^|\/)requirements$/.test(parent) && base.endsWith('.txt')))
        return 'pip-requirements';
    return undefined;
}
const READERS = {
    npm: readNpm,
    'yarn-classic': readYarnClassic,
    'yarn-berry': readYarnBerry,
    pnpm: readPnpm,
    'go-mod': readGoMod,
    'go-sum': readGoSum,
    cargo: readCargo,
    poetry: readPoetry,
    uv: readUv,
    bundler: readBundler,
    'pip-requirements': readRequirements,
};
/**
 * Formats written only by tools, which always end them with a line break: a file that stops
 * mid-line was cut (an interrupted write or download) and would otherwise read as a shorter,
 * valid-looking lockfile. go.mod, package-lock.json and requirements files are edited by hand too
 * (and JSON cannot be cut without a syntax error).
 */
const ENDS_WITH_NEWLINE = new Set([
    'yarn-classic',
    'yarn-berry',
    'pnpm',
    'go-sum',
    'cargo',
    'poetry',
    'uv',
    'bundler',
]);
/**
 * Read one lockfile (a byte-order mark and CRLF line ends are accepted). Throws LockfileError,
 * and nothing else, naming the file and the line where there is one, for a file that is not the
 * format its name says, is truncated or is corrupt.
 */
function parseLockfile(path, text) {
    const body = (0,lines/* stripBom */.F8)(text);
    const kind = detectLockfileKind(path, body);
    if (kind === undefined)
        throw new errors/* LockfileError */.g(`${path} is not a lockfile this reader knows (package-lock.json, yarn.lock, pnpm-lock.yaml, go.mod, go.sum, Cargo.lock, poetry.lock, uv.lock, Gemfile.lock, requirements*.txt)`, path);
    if (ENDS_WITH_NEWLINE.has(kind) && body.length > 0 && !body.endsWith('\n'))
        throw new errors/* LockfileError */.g(`${path} ends in the middle of a line: a truncated file? (${kind} lockfiles always end with a line break; regenerate it)`, path);
    try {
        return READERS[kind](path, body);
    }
    catch (error) {
        if (error instanceof errors/* LockfileError */.g)
            throw error;
        // A reader bug or an engine limit (a string too long): still the user's file that caused it.
        throw new errors/* LockfileError */.g(`${path} cannot be read as ${kind} (${(0,lines/* oneLine */.TN)(String(error?.message ?? error))})`, path);
    }
}


/***/ }),

/***/ 8317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ stripBom),
/* harmony export */   FF: () => (/* binding */ forEachLine),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   _j: () => (/* binding */ indentOf),
/* harmony export */   mh: () => (/* binding */ lineAt),
/* harmony export */   sS: () => (/* binding */ unquoteScalar)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6271);

/**
 * Calls `visit` with each line (without its `\n` or `\r\n`) and its 1-based number, walking the text
 * with indexOf rather than split so a 50 MB lockfile is not copied into a second array of lines.
 */
function forEachLine(text, visit) {
    let start = 0;
    let number = 1;
    const length = text.length;
    while (start <= length) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = length;
        const line = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
        if (!(end === length && line === '' && start === length))
            visit(line, number);
        start = end + 1;
        number++;
    }
}
/** The text without a leading byte-order mark. */
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** Number of leading spaces. */
function indentOf(line) {
    let i = 0;
    while (line.charCodeAt(i) === 32)
        i++;
    return i;
}
/**
 * A YAML/yarn scalar as these lockfiles write it: plain, 'single-quoted' ('' for a quote) or
 * "double-quoted" (JSON escapes). Throws LockfileError at `line` for an unterminated quote.
 */
function unquoteScalar(raw, file, line) {
    const text = raw.trim();
    const first = text.charCodeAt(0);
    if (first === 34 /* " */) {
        if (text.length < 2 || !text.endsWith('"'))
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, line, `unterminated quoted string ${JSON.stringify(text.slice(0, 80))}`);
        try {
            return JSON.parse(text);
        }
        catch {
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, line, `malformed quoted string ${JSON.stringify(text.slice(0, 80))}`);
        }
    }
    if (first === 39 /* ' */) {
        if (text.length < 2 || !text.endsWith("'"))
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, line, `unterminated quoted string ${JSON.stringify(text.slice(0, 80))}`);
        return text.slice(1, -1).replaceAll("''", "'");
    }
    return text;
}
/** Line (1-based) of a character offset, for parsers that fail at a position. */
function lineAt(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/** First line of a message, bounded, for wrapping a third-party parser's error. */
function oneLine(text) {
    return (text.split('\n')[0] ?? '').slice(0, 200);
}


/***/ }),

/***/ 5055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ descriptorName),
/* harmony export */   Y: () => (/* binding */ parseYarnClassic)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6271);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8317);


function unquote(text) {
    const t = text.trim();
    if (!t.startsWith('"'))
        return t;
    // An opening quote without its closing one is a cut or corrupt line, not a value.
    if (t.length < 2 || !t.endsWith('"'))
        throw new SyntaxError('unterminated quoted string');
    return JSON.parse(t);
}
/**
 * yarn v1's own format: `descriptor, descriptor:` blocks of `key value` lines and nested maps.
 * Returns each descriptor (`name@range`) with the entry it resolves to (several descriptors share
 * one entry). Shared by changes' workspace impact and the lockfile diff.
 */
function parseYarnClassic(text, file = 'yarn.lock') {
    if (!/^# yarn lockfile v1/m.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g(`${file} has no "# yarn lockfile v1" header`, file);
    const byDescriptor = new Map();
    let entry;
    let section;
    (0,_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .forEachLine */ .FF)(text, (line, number) => {
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            return;
        const indent = line.length - line.trimStart().length;
        if (indent === 0) {
            if (!line.endsWith(':'))
                throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'expected an entry header');
            entry = { dependencies: Object.create(null), line: number };
            section = undefined;
            for (const descriptor of line.slice(0, -1).split(/,\s*/))
                byDescriptor.set(unquoteAt(descriptor, number), entry);
            return;
        }
        if (!entry)
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'a field outside any entry');
        const body = line.trim();
        if (indent <= 2) {
            section = undefined;
            if (body.endsWith(':')) {
                const name = unquoteAt(body.slice(0, -1), number);
                if (name === 'dependencies' || name === 'optionalDependencies')
                    section = entry.dependencies;
                else
                    section = Object.create(null);
                return;
            }
            const match = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(body);
            if (!match)
                throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'expected "key value"');
            const key = unquoteAt(match[1], number);
            if (key === 'version' || key === 'resolved' || key === 'integrity')
                entry[key] = unquoteAt(match[2], number);
            return;
        }
        if (!section)
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'unexpected indentation');
        const match = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(body);
        if (!match)
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, 'expected "name range"');
        section[unquoteAt(match[1], number)] = unquoteAt(match[2], number);
    });
    return byDescriptor;
    function unquoteAt(value, number) {
        try {
            return unquote(value);
        }
        catch {
            throw _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockfileError */ .g.at(file, number, `malformed quoted string ${JSON.stringify(value.slice(0, 80))}`);
        }
    }
}
/** The package name of a `name@range` descriptor (`@scope/name@range`, `alias@npm:real@range`). */
function descriptorName(descriptor) {
    const at = descriptor.indexOf('@', 1);
    return at === -1 ? descriptor : descriptor.slice(0, at);
}


/***/ }),

/***/ 6525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ codeChange)
/* harmony export */ });
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1112);

/**
 * Files changed between two commits, by top-level directory, and the commits between them when the
 * history is there. A depth-1 checkout lacks the base: it is fetched without blobs (trees suffice).
 */
async function codeChange(git, base, head) {
    const has = (sha) => git.succeeds(['cat-file', '-e', `${sha}^{commit}`]);
    if (!(await has(base))) {
        try {
            await git.run(['fetch', '--no-tags', '--quiet', '--depth=1', '--filter=blob:none', 'origin', base]);
        }
        catch (error) {
            if (!(error instanceof _git_index_js__WEBPACK_IMPORTED_MODULE_0__/* .GitError */ .XS))
                throw error;
        }
    }
    if (!(await has(base)) || !(await has(head)))
        return {
            files: 0,
            directories: {},
            note: `commit ${base.slice(0, 12)} is not reachable here; code changes unknown.`,
        };
    const out = (await git.run(['diff', '--name-only', '-z', '--no-renames', base, head])).stdout;
    const directories = {};
    let files = 0;
    for (const field of (0,_git_index_js__WEBPACK_IMPORTED_MODULE_0__/* .splitNul */ .K5)(out)) {
        const path = field.toString('utf8');
        if (!path)
            continue;
        files += 1;
        const slash = path.indexOf('/');
        const dir = slash < 0 ? '' : path.slice(0, slash);
        directories[dir] = (directories[dir] ?? 0) + 1;
    }
    const shallow = (await git.text(['rev-parse', '--is-shallow-repository'])) === 'true';
    let commits;
    let note;
    if (shallow)
        note = 'The checkout is shallow: commits not counted (fetch-depth: 0 counts them).';
    else {
        const counted = await git.run(['rev-list', '--count', `${base}..${head}`], { okCodes: [128] });
        if (counted.code === 0)
            commits = Number(counted.stdout.toString().trim());
    }
    return { commits, files, directories, ...(note ? { note } : {}) };
}


/***/ }),

/***/ 5459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ FAIL_ON_EXTRA),
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   Gt: () => (/* binding */ DEFAULT_HISTORY_BRANCH),
/* harmony export */   R5: () => (/* binding */ MAX_LOCAL_DEPTH),
/* harmony export */   R6: () => (/* binding */ CATEGORIES),
/* harmony export */   aQ: () => (/* binding */ OUTPUT),
/* harmony export */   bO: () => (/* binding */ INPUT),
/* harmony export */   fY: () => (/* binding */ DEFAULT_TOOLCHAIN_TIMEOUT_MS),
/* harmony export */   fy: () => (/* binding */ DEFAULT_TOOLCHAINS),
/* harmony export */   gY: () => (/* binding */ HISTORY_STORES),
/* harmony export */   hP: () => (/* binding */ MAX_LOCKFILE_BYTES),
/* harmony export */   xV: () => (/* binding */ DEFAULT_WINDOW)
/* harmony export */ });
const INPUT = {
    mode: 'mode',
    baseline: 'baseline',
    failOn: 'fail-on',
    history: 'history',
    historyDir: 'history-dir',
    historyBranch: 'history-branch',
    window: 'window',
    vars: 'vars',
    configExclude: 'config-exclude',
    toolchains: 'toolchains',
    toolchainTimeout: 'toolchain-timeout',
    runnerLabels: 'runner-labels',
    lockfiles: 'lockfiles',
    insecureRegistries: 'insecure-registries',
    diffFile: 'diff-file',
    githubToken: 'github-token',
};
const OUTPUT = {
    changed: 'changed',
    diffFile: 'diff-file',
    baselineRun: 'baseline-run',
    baselineSha: 'baseline-sha',
    failed: 'failed-categories',
    record: 'record',
};
const MODES = ['record', 'diff'];
const HISTORY_STORES = ['cache', 'branch', 'dir'];
/** The categories of a diff, in the order the summary shows them: what the code diff does not show first. */
const CATEGORIES = [
    'moved-action-tag',
    'image-digest',
    'dependencies',
    'workflow',
    'runner',
    'toolchain',
    'config',
    'code',
];
/** Extra fail-on names: a major dependency bump, any change at all. */
const FAIL_ON_EXTRA = ['major-bump', 'any'];
const DEFAULT_TOOLCHAINS = {
    node: ['node', '--version'],
    python: ['python3', '--version'],
    go: ['go', 'version'],
    java: ['java', '-version'],
    docker: ['docker', 'version', '--format', '{{.Server.Version}}'],
    git: ['git', '--version'],
};
const DEFAULT_TOOLCHAIN_TIMEOUT_MS = 5_000;
const DEFAULT_WINDOW = 50;
const DEFAULT_HISTORY_BRANCH = 'gantry/pipeline-diff-history';
/** Lockfiles larger than this are recorded by content hash only. */
const MAX_LOCKFILE_BYTES = 64 << 20;
/** Reachable local composites and reusable workflows followed at most this deep. */
const MAX_LOCAL_DEPTH = 16;


/***/ }),

/***/ 6363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OM: () => (/* binding */ diffRecords),
/* harmony export */   V9: () => (/* binding */ tripped),
/* harmony export */   uf: () => (/* binding */ changedOutput)
/* harmony export */ });
/* unused harmony exports changedNames, categoryCounts */
/* harmony import */ var _lockfiles_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8897);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5459);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9226);



const side = (r) => ({
    run: r.run,
    attempt: r.attempt,
    sha: r.sha,
    ref: r.ref,
    time: r.time,
    url: r.url,
});
/** What changed from `base` (the last green run) to `head` (this run), category by category. */
function diffRecords(base, head, code) {
    const movedActionTags = [];
    const usesChanged = [];
    for (const name of union(base.uses, head.uses)) {
        const before = base.uses[name];
        const after = head.uses[name];
        if (!before)
            usesChanged.push({ name, change: 'added', commit: after.commit });
        else if (!after)
            usesChanged.push({ name, change: 'removed', commit: before.commit });
        else if (before.commit && after.commit && before.commit !== after.commit)
            movedActionTags.push({ uses: name, before: before.commit, after: after.commit, from: after.from });
    }
    const imageDigests = [];
    for (const name of union(base.images, head.images)) {
        const before = base.images[name];
        const after = head.images[name];
        if (before?.digest && after?.digest && before.digest !== after.digest)
            imageDigests.push({ image: name, before: before.digest, after: after.digest, from: after.from });
    }
    const dependencies = [];
    const lockfiles = [];
    for (const file of union(base.lockfiles, head.lockfiles)) {
        const before = base.lockfiles[file];
        const after = head.lockfiles[file];
        // Same blob, same packages: the common case costs a string comparison.
        if (before && after && before.blob === after.blob)
            continue;
        const readable = (entry) => entry === undefined || isParsed(entry);
        if (!readable(before) || !readable(after)) {
            // One side is known only by its content hash: the file changed, its packages cannot be compared.
            lockfiles.push({
                file,
                change: !before ? 'added' : !after ? 'removed' : 'modified',
                note: (after ?? before)?.error ?? 'recorded by content hash',
            });
            continue;
        }
        if (!before)
            lockfiles.push({ file, change: 'added' });
        else if (!after)
            lockfiles.push({ file, change: 'removed' });
        const [narrowBefore, narrowAfter] = onlyChangedNames(before, after);
        for (const change of (0,_lockfiles_index_js__WEBPACK_IMPORTED_MODULE_0__/* .diffLockfiles */ .qG)(parsed(narrowBefore), parsed(narrowAfter)).changes)
            dependencies.push({ file, ...change });
    }
    const workflow = [];
    for (const file of union(base.files, head.files)) {
        const before = base.files[file];
        const after = head.files[file];
        if (before === after)
            continue;
        workflow.push({ file, change: !before ? 'added' : !after ? 'removed' : 'modified' });
    }
    const config = [];
    for (const scope of ['env', 'vars']) {
        const before = base.config[scope];
        const after = head.config[scope];
        for (const name of union(before, after)) {
            if (before[name] === after[name])
                continue;
            config.push({
                scope,
                name,
                change: before[name] === undefined ? 'added' : after[name] === undefined ? 'removed' : 'changed',
            });
        }
    }
    return {
        v: 1,
        base: side(base),
        head: side(head),
        movedActionTags,
        imageDigests,
        dependencies,
        lockfiles,
        workflow,
        usesChanged,
        runner: values(base.runner, head.runner),
        toolchain: values(base.toolchain, head.toolchain),
        config,
        code,
    };
}
function isParsed(entry) {
    return entry?.packages !== undefined && entry.kind !== undefined;
}
/**
 * Both sides cut down to the names whose entries differ (a version or the direct flag), so the
 * lockfile diff, which orders versions and merges copies, works on the few names that changed
 * rather than on every locked package. The result is the same: that diff decides name by name.
 */
function onlyChangedNames(before, after) {
    if (!before?.packages || !after?.packages)
        return [before, after];
    const changed = changedNames(before.packages, after.packages);
    const pick = (entry) => ({
        ...entry,
        packages: entry.packages.filter((p) => changed.has(p[0])),
    });
    return [pick(before), pick(after)];
}
function order(a, b) {
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2];
}
/** Names whose tuples differ: one merge walk over the sorted lists (records keep them sorted). */
function changedNames(a, b) {
    // A list out of order (a record written by hand): compare as sets instead.
    if (!sorted(a) || !sorted(b))
        return changedNamesUnsorted(a, b);
    const changed = new Set();
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        const x = a[i];
        const y = b[j];
        const c = x === undefined ? 1 : y === undefined ? -1 : order(x, y);
        // Copies of one tuple (the same version locked at two paths) count once, as in a set.
        if (c <= 0)
            i = pastCopies(a, i);
        if (c >= 0)
            j = pastCopies(b, j);
        if (c < 0)
            changed.add(x[0]);
        else if (c > 0)
            changed.add(y[0]);
    }
    return changed;
}
function sorted(list) {
    for (let k = 1; k < list.length; k++)
        if (order(list[k - 1], list[k]) > 0)
            return false;
    return true;
}
function pastCopies(list, at) {
    let next = at + 1;
    while (next < list.length && order(list[at], list[next]) === 0)
        next++;
    return next;
}
function changedNamesUnsorted(a, b) {
    const key = (p) => `${p[0]}\u0000${p[1]}\u0000${p[2]}`;
    const inA = new Set(a.map(key));
    const inB = new Set(b.map(key));
    const changed = new Set();
    for (const p of a)
        if (!inB.has(key(p)))
            changed.add(p[0]);
    for (const p of b)
        if (!inA.has(key(p)))
            changed.add(p[0]);
    return changed;
}
function parsed(entry) {
    if (!entry?.packages || !entry.kind)
        return undefined;
    return {
        kind: entry.kind,
        packages: (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .expandPackages */ .wz)(entry.ecosystem ?? '', entry.packages),
    };
}
function values(before, after) {
    const out = [];
    for (const name of union(before, after))
        if (before[name] !== after[name])
            out.push({ name, before: before[name], after: after[name] });
    return out;
}
function union(a, b) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
/** How many changes each category holds. */
function categoryCounts(diff) {
    return {
        'moved-action-tag': diff.movedActionTags.length,
        'image-digest': diff.imageDigests.length,
        dependencies: diff.dependencies.length + diff.lockfiles.length,
        workflow: diff.workflow.length + diff.usesChanged.length,
        runner: diff.runner.length,
        toolchain: diff.toolchain.length,
        config: diff.config.length,
        code: diff.code?.files ?? 0,
    };
}
const CHANGED_LIMIT = 100;
/** The `changed` output: per category with changes, the names that changed (at most 100 each). */
function changedOutput(diff) {
    const lists = {
        'moved-action-tag': diff.movedActionTags.map((m) => m.uses),
        'image-digest': diff.imageDigests.map((i) => i.image),
        dependencies: [...diff.dependencies.map((d) => `${d.name}`), ...diff.lockfiles.map((l) => l.file)],
        workflow: [...diff.workflow.map((w) => w.file), ...diff.usesChanged.map((u) => u.name)],
        runner: diff.runner.map((r) => r.name),
        toolchain: diff.toolchain.map((t) => t.name),
        config: diff.config.map((c) => `${c.scope}.${c.name}`),
        code: Object.keys(diff.code?.directories ?? {}).map((d) => d || '.'),
    };
    const out = {};
    for (const category of _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .CATEGORIES */ .R6) {
        const list = [...new Set(lists[category])];
        if (list.length)
            out[category] = list.slice(0, CHANGED_LIMIT);
    }
    return out;
}
/** The fail-on names that this diff trips. */
function tripped(diff, failOn) {
    const counts = categoryCounts(diff);
    const hit = [];
    for (const name of failOn) {
        if (name === 'any') {
            if (_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .CATEGORIES */ .R6.some((c) => counts[c] > 0))
                hit.push(name);
        }
        else if (name === 'major-bump') {
            if (diff.dependencies.some((d) => d.major))
                hit.push(name);
        }
        else if (counts[name] > 0)
            hit.push(name);
    }
    return hit;
}


/***/ }),

/***/ 9226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   wz: () => (/* binding */ expandPackages)
/* harmony export */ });
/* unused harmony exports localTarget, compactPackages */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _lockfiles_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8897);
/* harmony import */ var _oci_copy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3748);
/* harmony import */ var _pins_dockerfile_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3572);
/* harmony import */ var _pins_uses_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5754);
/* harmony import */ var _pins_yaml_refs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3084);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9541);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5459);









const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
/** Lockfile-like names no parser knows: recorded by content hash. */
const UNKNOWN_LOCKFILE = /(?:^|\/)(?:[^/]+\.lock|[^/]+-lock\.(?:json|ya?ml)|[^/]+\.lockb|packages\.lock\.json|composer\.lock|mix\.lock|Podfile\.lock|flake\.lock)$/;
const VENDORED = /(?:^|\/)(?:node_modules|vendor|\.yarn\/cache|third_party)\//;
/** Everything recorded from the repository at one commit: workflows reached, uses, images, lockfiles. */
async function fingerprint(tree, options = {}) {
    const notes = [];
    const files = {};
    const uses = new Map();
    const images = new Map();
    const addImage = (image, from) => {
        if (!images.has(image))
            images.set(image, new Set());
        images.get(image).add(from);
    };
    // Workflows and every local composite action and reusable workflow they reach.
    let frontier;
    if (options.workflow !== undefined) {
        if (!tree.blobs.has(options.workflow)) {
            notes.push(`the workflow ${options.workflow} is not in commit ${tree.commit.slice(0, 12)}`);
            frontier = [];
        }
        else
            frontier = [{ path: options.workflow, role: 'workflow' }];
    }
    else {
        frontier = [...tree.blobs.keys()]
            .filter((p) => WORKFLOW_FILE.test(p))
            .sort()
            .map((path) => ({ path, role: 'workflow' }));
    }
    const visited = new Set();
    for (let depth = 0; frontier.length > 0 && depth <= _constants_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_LOCAL_DEPTH */ .R5; depth++) {
        const texts = await tree.read(frontier.map((f) => f.path));
        const next = [];
        for (const { path, role } of frontier) {
            if (visited.has(path))
                continue;
            visited.add(path);
            files[path] = tree.blobs.get(path);
            const bytes = texts.get(path);
            if (!bytes)
                continue;
            let scanned;
            try {
                scanned = (0,_pins_yaml_refs_js__WEBPACK_IMPORTED_MODULE_5__/* .scanYaml */ .v)(bytes.toString('utf8'), path, role);
            }
            catch (error) {
                notes.push((0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error));
                continue;
            }
            for (const located of scanned.uses) {
                const ref = located.ref;
                if (ref.kind === 'local') {
                    const target = localTarget(tree, ref.raw);
                    if (target === undefined)
                        notes.push(`${path}:${located.line}: ${ref.raw} is not in the repository`);
                    else if (!visited.has(target.path))
                        next.push(target);
                }
                else if (ref.kind === 'docker' || ref.kind === 'docker-digest') {
                    addImage(ref.name, path);
                }
                else if (ref.kind === 'invalid') {
                    notes.push(`${path}:${located.line}: uses: ${ref.raw}: ${ref.problem}`);
                }
                else {
                    const entry = uses.get(ref.raw) ?? { ref, from: new Set() };
                    entry.from.add(path);
                    uses.set(ref.raw, entry);
                }
            }
            if (role === 'workflow')
                for (const image of jobImages(scanned.doc.contents))
                    addImage(image, path);
        }
        frontier = next;
    }
    // Dockerfiles and lockfiles anywhere in the commit.
    const dockerfiles = [];
    const lockfiles = [];
    for (const path of tree.blobs.keys()) {
        if (VENDORED.test(path))
            continue;
        if ((0,_pins_dockerfile_js__WEBPACK_IMPORTED_MODULE_8__/* .isDockerfile */ .p)(path))
            dockerfiles.push(path);
        const kind = (0,_lockfiles_index_js__WEBPACK_IMPORTED_MODULE_2__/* .detectLockfileKind */ .rJ)(path);
        if (kind)
            lockfiles.push({ path, kind });
        else if (/(?:^|\/)requirements[^/]*\.txt$/.test(path))
            lockfiles.push({ path, probe: true });
        else if (UNKNOWN_LOCKFILE.test(path) || options.extraLockfile?.(path))
            lockfiles.push({ path });
    }
    dockerfiles.sort();
    for (const [path, bytes] of await tree.read(dockerfiles)) {
        for (const image of (0,_pins_dockerfile_js__WEBPACK_IMPORTED_MODULE_8__/* .baseImages */ .i)(bytes.toString('utf8'))) {
            if (image.image === undefined || image.image.includes('$')) {
                notes.push(`${path}:${image.line}: ${image.written} depends on a build argument without a default`);
                continue;
            }
            addImage(image.image, path);
        }
    }
    const lockEntries = {};
    const contents = await tree.read(lockfiles.filter((l) => l.kind || l.probe).map((l) => l.path));
    for (const { path, kind, probe } of lockfiles.sort((a, b) => (a.path < b.path ? -1 : 1))) {
        const blob = tree.blobs.get(path);
        const bytes = contents.get(path);
        if (!bytes) {
            lockEntries[path] = { blob };
            continue;
        }
        if (bytes.length > _constants_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_LOCKFILE_BYTES */ .hP) {
            lockEntries[path] = {
                blob,
                error: `larger than ${_constants_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_LOCKFILE_BYTES */ .hP} bytes: recorded by content hash`,
            };
            continue;
        }
        const text = bytes.toString('utf8');
        const detected = probe ? (0,_lockfiles_index_js__WEBPACK_IMPORTED_MODULE_2__/* .detectLockfileKind */ .rJ)(path, text) : kind;
        if (!detected)
            continue; // a requirements file with ranges, not pins: not a lockfile
        try {
            const parsed = (0,_lockfiles_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseLockfile */ .tg)(path, text);
            lockEntries[path] = {
                blob,
                kind: parsed.kind,
                ecosystem: parsed.packages[0]?.ecosystem,
                packages: compactPackages(parsed.packages),
            };
        }
        catch (error) {
            lockEntries[path] = { blob, kind: detected, error: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error) };
            notes.push((0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error));
        }
    }
    // Resolve what moves: tags and branches to commits, image tags to digests.
    const limit = (0,_oci_copy_js__WEBPACK_IMPORTED_MODULE_3__/* .createLimiter */ .zm)(options.concurrency ?? 8);
    const resolvedUses = {};
    const byRepoRef = new Map();
    await Promise.all([...uses].map(async ([raw, { ref, from }]) => {
        const entry = { from: [...from].sort() };
        resolvedUses[raw] = entry;
        if (_pins_uses_js__WEBPACK_IMPORTED_MODULE_4__/* .FULL_SHA */ .RG.test(ref.ref ?? '')) {
            entry.commit = ref.ref;
            return;
        }
        if (!options.resolveUses)
            return;
        const key = `${ref.repository}@${ref.ref}`;
        let pending = byRepoRef.get(key);
        if (!pending) {
            pending = limit(() => options.resolveUses(ref.repository, ref.ref));
            byRepoRef.set(key, pending);
        }
        try {
            entry.commit = await pending;
        }
        catch (error) {
            entry.error = (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error);
        }
    }));
    const resolvedImages = {};
    await Promise.all([...images].map(async ([image, from]) => {
        const entry = { from: [...from].sort() };
        resolvedImages[image] = entry;
        const pinned = /@(sha256:[a-f0-9]{64})$/.exec(image);
        if (pinned) {
            entry.digest = pinned[1];
            return;
        }
        if (!options.resolveImage)
            return;
        try {
            entry.digest = await limit(() => options.resolveImage(image));
        }
        catch (error) {
            entry.error = (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error);
        }
    }));
    return {
        files: sortKeys(files),
        uses: sortKeys(resolvedUses),
        lockfiles: lockEntries,
        images: sortKeys(resolvedImages),
        notes,
    };
}
/**
 * The file a local `uses: ./path` names, inside the repository: `path/action.yml` (or .yaml) for a
 * composite action, the file itself for a reusable workflow. A path that leaves the repository
 * (`./../x`, `./a/../../x`) names nothing.
 */
function localTarget(tree, raw) {
    const normal = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(raw.slice(2) || '.');
    if (normal === '..' || normal.startsWith('../') || node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(normal))
        return undefined;
    const base = normal === '.' ? '' : normal.replace(/\/$/, '');
    if (/\.ya?ml$/.test(base) && tree.blobs.has(base))
        return { path: base, role: 'workflow' };
    for (const name of ['action.yml', 'action.yaml']) {
        const path = base ? `${base}/${name}` : name;
        if (tree.blobs.has(path))
            return { path, role: 'action' };
    }
    return undefined;
}
/** Images named by jobs.<id>.container and jobs.<id>.services.<name>; expressions are skipped. */
function jobImages(root) {
    const found = [];
    const take = (node) => {
        const value = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node) ? node.get('image', true) : node;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(value) && typeof value.value === 'string' && value.value && !value.value.includes('${{'))
            found.push(value.value.trim());
    };
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(root))
        return found;
    const jobs = root.get('jobs', true);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(jobs))
        return found;
    for (const job of jobs.items) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(job.value))
            continue;
        take(job.value.get('container', true));
        const services = job.value.get('services', true);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(services))
            for (const service of services.items)
                take(service.value);
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(services))
            for (const service of services.items)
                take(service);
    }
    return found;
}
function compactPackages(packages) {
    const tuples = packages.map((p) => [
        p.name,
        p.version,
        p.direct === undefined ? -1 : p.direct ? 1 : 0,
    ]);
    // Sorted by code unit (not locale), so two records compare in one merge walk.
    return tuples.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]);
}
function expandPackages(ecosystem, packages) {
    return packages.map(([name, version, direct]) => ({
        name,
        version,
        ecosystem: ecosystem,
        ...(direct === -1 ? {} : { direct: direct === 1 }),
    }));
}
function sortKeys(map) {
    return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}


/***/ }),

/***/ 6869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A5: () => (/* binding */ validRecord),
/* harmony export */   CH: () => (/* binding */ PIPELINE_RECORDS),
/* harmony export */   mA: () => (/* binding */ streamOf)
/* harmony export */ });
/* unused harmony exports RECORD_KIND, encodePipelineRecord, decodePipelineRecord */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);

const RECORD_KIND = 'gantry-pipeline-record';
/** The store key of a workflow's records on a branch: both, so two workflows keep separate windows. */
function streamOf(branch, workflow) {
    return workflow ? `${branch}#${workflow}` : branch;
}
function encodePipelineRecord(record) {
    return (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gzipSync)(JSON.stringify({ kind: RECORD_KIND, ...record }), { level: 1 });
}
/** A record from bytes; undefined when they are not one (damaged, foreign, another version). */
function decodePipelineRecord(bytes) {
    try {
        const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync)(bytes).toString('utf8') : bytes.toString('utf8');
        return validRecord(JSON.parse(text));
    }
    catch {
        return undefined;
    }
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The shape checks a record must pass before any of it is trusted (a record file is user input). */
function validRecord(value) {
    if (!isObject(value) || value.v !== 1 || value.kind !== RECORD_KIND)
        return undefined;
    for (const key of ['branch', 'run', 'sha', 'ref', 'event', 'workflow'])
        if (typeof value[key] !== 'string')
            return undefined;
    if (typeof value.time !== 'number' || typeof value.attempt !== 'number')
        return undefined;
    for (const key of ['files', 'uses', 'lockfiles', 'images', 'runner', 'toolchain'])
        if (!isObject(value[key]))
            return undefined;
    if (!isObject(value.config) || !isObject(value.config.env) || !isObject(value.config.vars))
        return undefined;
    for (const entry of Object.values(value.lockfiles)) {
        if (!isObject(entry) || typeof entry.blob !== 'string')
            return undefined;
        if (entry.packages !== undefined && !Array.isArray(entry.packages))
            return undefined;
    }
    const { kind: _kind, ...record } = value;
    const parsed = record;
    return {
        ...parsed,
        repository: typeof parsed.repository === 'string' ? parsed.repository : '',
        url: typeof parsed.url === 'string' ? parsed.url : '',
        notes: Array.isArray(parsed.notes) ? parsed.notes.filter((n) => typeof n === 'string') : [],
    };
}
const PIPELINE_RECORDS = {
    name: 'pipeline-diff',
    encode: encodePipelineRecord,
    decode: decodePipelineRecord,
};


/***/ }),

/***/ 7938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ lsRemoteResolver),
/* harmony export */   c: () => (/* binding */ registryResolver)
/* harmony export */ });
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8350);

/**
 * Tags and branches of action repositories resolved with `git ls-remote` against the GitHub server
 * (`<server>/<owner>/<repo>`; git's url.<base>.insteadOf applies, so a mirror works too). An
 * annotated tag is peeled to its commit; a tag wins over a branch of the same name, as GitHub
 * resolves `uses:`.
 */
function lsRemoteResolver(git, serverUrl) {
    return async (repository, ref) => {
        const url = `${serverUrl.replace(/\/+$/, '')}/${repository}`;
        const out = await git.text([
            'ls-remote',
            '--',
            url,
            `refs/tags/${ref}`,
            `refs/tags/${ref}^{}`,
            `refs/heads/${ref}`,
        ]);
        const refs = new Map();
        for (const line of out.split('\n')) {
            const [sha, name] = line.split('\t');
            if (sha && name)
                refs.set(name, sha);
        }
        const commit = refs.get(`refs/tags/${ref}^{}`) ?? refs.get(`refs/tags/${ref}`) ?? refs.get(`refs/heads/${ref}`);
        if (!commit)
            throw new Error(`${repository} has no tag or branch ${ref}`);
        return commit;
    };
}
/** Image tags resolved to the digest the registry serves now (a HEAD on the manifest). */
function registryResolver(client) {
    return async (image) => {
        const ref = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseReference */ .F2)(image);
        if (ref.kind !== 'registry')
            throw new Error(`${image} is not a registry image`);
        if (ref.digest)
            return ref.digest;
        const tag = ref.tag ?? 'latest';
        const found = await client.repository(ref.registry, ref.repository).resolve(tag);
        if (!found)
            throw new Error(`${image}: the registry has no tag ${tag}`);
        return found.digest;
    };
}


/***/ }),

/***/ 9906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary)
/* harmony export */ });
/* unused harmony exports SUMMARY_HEADING, age */
/* harmony import */ var _runtime_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5369);

const SUMMARY_HEADING = 'What changed since the last green run';
const ROWS = 50;
const short = (sha) => (sha ? sha.replace(/^sha256:/, '').slice(0, 12) : '—');
const code = (text) => `\`${text.replace(/`/g, "'")}\``;
/** A duration such as 3 h 20 min or 2 d 4 h. */
function age(ms) {
    const minutes = Math.max(0, Math.round(ms / 60_000));
    if (minutes < 60)
        return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48)
        return `${hours} h ${minutes % 60} min`;
    return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
function table(header, rows) {
    const shown = (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(header, rows.slice(0, ROWS));
    return rows.length > ROWS ? `${shown}\n…and ${rows.length - ROWS} more (see the diff file).\n` : shown;
}
/**
 * The job summary: what the code diff does not show first (moved tags, image digests, dependencies,
 * workflows, runner and toolchain, configuration names), then the code by top-level directory.
 */
function renderSummary(diff, now, tripped) {
    const parts = [`## ${SUMMARY_HEADING}\n`];
    const base = diff.base;
    const baseName = base.url ? `[run ${(0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(base.run)}](${base.url})` : `run ${(0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(base.run)}`;
    parts.push(`Baseline: ${baseName} at ${code(short(base.sha))}, ${age(now - base.time)} ago. This run: ${code(short(diff.head.sha))}.\n`);
    let any = false;
    const section = (title, body) => {
        any = true;
        parts.push(`### ${title}\n\n${body}`);
    };
    if (diff.movedActionTags.length)
        section('⚠️ Moved action tags', `The same \`uses:\` line now runs other code.\n\n${table(['uses', 'was', 'now', 'in'], diff.movedActionTags.map((m) => [
            code(m.uses),
            code(short(m.before)),
            code(short(m.after)),
            (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(m.from.join(', ')),
        ]))}`);
    if (diff.imageDigests.length)
        section('Image digests changed under the same tag', table(['image', 'was', 'now', 'in'], diff.imageDigests.map((i) => [
            code(i.image),
            code(short(i.before)),
            code(short(i.after)),
            (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(i.from.join(', ')),
        ])));
    if (diff.dependencies.length || diff.lockfiles.length) {
        const order = { upgraded: 2, downgraded: 1, added: 3, removed: 4, changed: 5 };
        const deps = [...diff.dependencies].sort((a, b) => Number(!!b.major) - Number(!!a.major) ||
            Number(b.direct === true) - Number(a.direct === true) ||
            order[a.kind] - order[b.kind] ||
            (a.name < b.name ? -1 : 1));
        const rows = deps.map((d) => [
            `${code(d.name)}${d.major ? ' **major**' : ''}`,
            d.kind,
            (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((d.before ?? []).join(', ') || '—'),
            (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((d.after ?? []).join(', ') || '—'),
            d.direct === undefined ? '' : d.direct ? 'direct' : 'transitive',
            (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(d.file),
        ]);
        const counts = ['added', 'removed', 'upgraded', 'downgraded', 'changed']
            .map((k) => [k, deps.filter((d) => d.kind === k).length])
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${n} ${k}`);
        const majors = deps.filter((d) => d.major).length;
        let body = `${counts.join(', ')}${majors ? `; ${majors} major bump${majors === 1 ? '' : 's'}` : ''}.\n\n`;
        if (rows.length)
            body += table(['package', 'change', 'was', 'now', '', 'lockfile'], rows);
        if (diff.lockfiles.length)
            body += `\n${table(['lockfile', 'change', 'note'], diff.lockfiles.map((l) => [(0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(l.file), l.change, (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(l.note ?? '')]))}`;
        section('Dependencies', body);
    }
    if (diff.workflow.length || diff.usesChanged.length) {
        let body = '';
        if (diff.workflow.length)
            body += table(['file', 'change'], diff.workflow.map((w) => [(0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(w.file), w.change]));
        if (diff.usesChanged.length)
            body += `\n${table(['uses', 'change'], diff.usesChanged.map((u) => [code(u.name), u.change]))}`;
        section('Workflows and composite actions', body);
    }
    if (diff.runner.length || diff.toolchain.length)
        section('Runner and toolchain', table(['', 'was', 'now'], [...diff.runner, ...diff.toolchain].map((v) => [
            (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(v.name),
            (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(v.before ?? '—'),
            (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(v.after ?? '—'),
        ])));
    if (diff.config.length)
        section('Configuration', `Names only: values are compared by hash and never shown.\n\n${table(['name', 'change'], diff.config.map((c) => [code(`${c.scope}.${c.name}`), c.change]))}`);
    if (diff.code) {
        const dirs = Object.entries(diff.code.directories).sort(([, a], [, b]) => b - a);
        const head = `${diff.code.commits === undefined ? '' : `${diff.code.commits} commit${diff.code.commits === 1 ? '' : 's'}, `}${diff.code.files} file${diff.code.files === 1 ? '' : 's'} changed.${diff.code.note ? ` ${(0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(diff.code.note)}` : ''}\n\n`;
        const body = dirs.length
            ? (0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .details */ .zH)('Files by top-level directory', table(['directory', 'files'], dirs.map(([d, n]) => [(0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(d || '(root)'), String(n)])))
            : '';
        if (diff.code.files || diff.code.unknown)
            section('Code', head + body);
    }
    if (!any)
        parts.push('Nothing recorded changed.\n');
    if (tripped.length)
        parts.push(`\n**fail-on:** ${tripped.map(code).join(', ')} changed.\n`);
    return parts.join('\n');
}


/***/ }),

/***/ 1748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ CommitTree)
/* harmony export */ });
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1112);

/** One commit's files, read through git plumbing (no checkout): path -> blob id, and blob contents. */
class CommitTree {
    git;
    commit;
    blobs;
    constructor(git, commit, blobs) {
        this.git = git;
        this.commit = commit;
        this.blobs = blobs;
    }
    /** Lists `commit`'s tree (regular files and executables; symlinks and submodules are not content). */
    static async open(git, commit) {
        const out = (await git.run(['ls-tree', '-r', '-z', '--full-tree', commit])).stdout;
        const blobs = new Map();
        for (const field of (0,_git_index_js__WEBPACK_IMPORTED_MODULE_0__/* .splitNul */ .K5)(out)) {
            // <mode> SP <type> SP <object> TAB <path>
            const tab = field.indexOf(9);
            if (tab < 0)
                continue;
            const [mode, type, oid] = field.toString('latin1', 0, tab).split(' ');
            if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !oid)
                continue;
            blobs.set(field.toString('utf8', tab + 1), oid);
        }
        return new CommitTree(git, commit, blobs);
    }
    /** Contents of the given paths (those in the tree), in one `git cat-file --batch`. */
    async read(paths) {
        const wanted = [...new Set(paths)].filter((p) => this.blobs.has(p));
        const result = new Map();
        if (wanted.length === 0)
            return result;
        const ids = wanted.map((p) => this.blobs.get(p));
        const out = (await this.git.run(['cat-file', '--batch'], { input: `${ids.join('\n')}\n` })).stdout;
        const byId = new Map();
        let offset = 0;
        while (offset < out.length) {
            const headerEnd = out.indexOf(10, offset);
            if (headerEnd < 0)
                break;
            const [oid, type, sizeText] = out.toString('latin1', offset, headerEnd).split(' ');
            if (type === 'missing' || sizeText === undefined) {
                offset = headerEnd + 1;
                continue;
            }
            const size = Number(sizeText);
            byId.set(oid, out.subarray(headerEnd + 1, headerEnd + 1 + size));
            offset = headerEnd + 1 + size + 1;
        }
        for (const [path, id] of wanted.map((p, i) => [p, ids[i]])) {
            const bytes = byId.get(id);
            if (bytes)
                result.set(path, bytes);
        }
        return result;
    }
}


/***/ })

};
