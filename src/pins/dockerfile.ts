/**
 * Every image a Dockerfile builds from (FROM, COPY --from=<image>, RUN --mount=…,from=<image>) and
 * whether it is pinned by digest: an upstream tag can change a build without a line of ours
 * changing. A reference that names an earlier stage — also through an ARG, as in
 * `FROM binaries-$TARGETOS` after `FROM … AS binaries-linux` — is a stage, not an image.
 */

export interface BaseImage {
  line: number;
  /** The image as written (before ARG substitution). */
  written: string;
  /** After substituting global ARG defaults; undefined when an ARG has no default. */
  image?: string;
  instruction: 'FROM' | 'COPY --from' | 'RUN --mount';
  stage?: string;
  platform?: string;
  pinned: boolean;
  reason: string;
}

const DIGEST = /@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

interface LogicalLine {
  line: number;
  text: string;
}

export function baseImages(text: string): BaseImage[] {
  const { escapeChar, lines } = logicalLines(text);
  const globalArgs = new Map<string, string | undefined>();
  const stages = new Stages();
  const images: BaseImage[] = [];
  let seenFrom = false;
  const isStage = (written: string) => stages.names(written, substitute(written, globalArgs));
  for (const { line, text: instruction } of lines) {
    const [keyword = '', ...rest] = splitWords(instruction, escapeChar);
    const upper = keyword.toUpperCase();
    if (upper === 'ARG' && !seenFrom) {
      for (const word of rest) {
        const eq = word.indexOf('=');
        if (eq === -1) globalArgs.set(word, undefined);
        else globalArgs.set(word.slice(0, eq), unquote(word.slice(eq + 1)));
      }
    } else if (upper === 'FROM') {
      seenFrom = true;
      const flags = rest.filter((w) => w.startsWith('--'));
      const words = rest.filter((w) => !w.startsWith('--'));
      const written = words[0] ?? '';
      const stage = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
      const platform = flags.find((f) => f.startsWith('--platform='))?.slice('--platform='.length);
      const image = substitute(written, globalArgs);
      if (isStage(written) || image?.toLowerCase() === 'scratch') {
        if (stage) stages.add(stage);
        continue;
      }
      images.push({ line, written, image, instruction: 'FROM', stage, platform, ...verdict(written, image) });
      if (stage) stages.add(stage);
    } else if (upper === 'COPY' || upper === 'ADD') {
      const from = rest.find((w) => w.startsWith('--from='))?.slice('--from='.length);
      if (!from || /^\d+$/.test(from) || isStage(from)) continue;
      const image = substitute(from, globalArgs);
      images.push({ line, written: from, image, instruction: 'COPY --from', ...verdict(from, image) });
    } else if (upper === 'RUN') {
      // Flags come before the command; a bind or cache mount's from= pulls an image unless it is a stage.
      for (const word of rest) {
        if (!word.startsWith('--')) break;
        if (!word.startsWith('--mount=')) continue;
        const from = mountFrom(word.slice('--mount='.length));
        if (!from || /^\d+$/.test(from) || isStage(from)) continue;
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
  private readonly written = new Set<string>();

  add(name: string): void {
    this.written.add(canonical(name));
  }

  names(reference: string, substituted: string | undefined): boolean {
    const lower = canonical(reference);
    if (this.written.has(lower)) return true;
    if (substituted !== undefined) return this.written.has(substituted.toLowerCase());
    const literal = lower.replace(VARIABLE, '');
    if (!literal) return false;
    const pattern = new RegExp(
      `^${lower
        .split(VARIABLE)
        .map((part, i) =>
          i % 3 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : i % 3 === 1 ? '[a-z0-9_.-]*' : '',
        )
        .join('')}$`,
    );
    return [...this.written].some((stage) => pattern.test(stage));
  }
}

/** Lower case, `$VAR` written as `${VAR}`, so both spellings of one reference compare equal. */
function canonical(reference: string): string {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a replacement pattern, not a template
  return reference.toLowerCase().replace(/\$([a-z_][a-z0-9_]*)/g, '${$1}');
}

/** The from= of a --mount value (CSV: `type=bind,"from=img",target=/x`), unquoted. */
function mountFrom(value: string): string | undefined {
  for (const field of value.match(/(?:"[^"]*"|'[^']*'|[^,])+/g) ?? []) {
    const pair = unquote(field.trim());
    if (pair.toLowerCase().startsWith('from=')) return unquote(pair.slice('from='.length));
  }
  return undefined;
}

function verdict(written: string, image: string | undefined): { pinned: boolean; reason: string } {
  if (!written) return { pinned: false, reason: 'FROM without an image' };
  if (image === undefined)
    return { pinned: false, reason: 'built from an ARG without a default: cannot be verified' };
  if (DIGEST.test(image)) {
    const via = image === written ? '' : ' (through an ARG default; a --build-arg can override it)';
    return { pinned: true, reason: `pinned by digest${via}` };
  }
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  if (!lastSegment.includes(':')) return { pinned: false, reason: 'no tag or digest (means :latest)' };
  return { pinned: false, reason: 'tag without a digest' };
}

/** `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}` from the global ARGs; undefined when unknown. */
function substitute(value: string, args: Map<string, string | undefined>): string | undefined {
  let unresolved = false;
  const result = value.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      _m,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      plain: string | undefined,
    ) => {
      const name = (braced ?? plain)!;
      const current = args.get(name);
      if (op === '-') return current ? current : (word ?? '');
      if (op === '+') return current ? (word ?? '') : '';
      if (current === undefined) unresolved = true;
      return current ?? '';
    },
  );
  return unresolved ? undefined : result;
}

/** Joins continuation lines (escape character at line end), drops comments, reads the escape directive. */
function logicalLines(text: string): { escapeChar: string; lines: LogicalLine[] } {
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let escapeChar = '\\';
  let directives = true;
  const lines: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  raw.forEach((source, index) => {
    if (directives) {
      const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(source);
      if (directive) {
        if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
          escapeChar = directive[2];
        return;
      }
      directives = false;
    }
    const trimmed = source.trim();
    if (trimmed.startsWith('#')) return;
    if (!current && !trimmed) return;
    const continued = trimmed.endsWith(escapeChar);
    const piece = continued ? trimmed.slice(0, -1) : trimmed;
    if (current) current.text += ` ${piece}`;
    else current = { line: index + 1, text: piece };
    if (!continued) {
      lines.push(current);
      current = undefined;
    }
  });
  if (current) lines.push(current);
  return { escapeChar, lines };
}

function splitWords(text: string, escapeChar: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === escapeChar && i + 1 < text.length) {
      word += c + text[++i];
    } else if (quote) {
      word += c;
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
      word += c;
    } else if (/\s/.test(c)) {
      if (word) words.push(word);
      word = '';
    } else word += c;
  }
  if (word) words.push(word);
  return words;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** Dockerfile, Containerfile, Dockerfile.prod, api.Dockerfile, build.dockerfile. */
export function isDockerfile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return (
    /^(?:Dockerfile|Containerfile)(?:\.[^/]+)?$/.test(base) ||
    /\.(?:Dockerfile|dockerfile|Containerfile)$/.test(base)
  );
}
