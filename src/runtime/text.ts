/**
 * Text that came from outside (file names, test names, server messages) must not be able to form a
 * workflow command: the runner treats any log line starting with `::` as one. A zero-width space
 * in front defuses it (the runner trims whitespace, and U+200B is not whitespace).
 */
export function defuseCommands(text: string): string {
  return text.replace(/(^|\r?\n|\r)(\s*)::/g, '$1$2\u200b::');
}

/** One line: newlines and other control characters shown as escapes. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** Escape text for a Markdown table cell or inline position in the job summary. */
export function escapeMarkdown(text: string): string {
  return oneLine(text.replace(/([\\`*_[\]#])/g, '\\$1'))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

/** A collapsed block, for long lists (changed files, evidence) that should not dominate the page. */
export function details(summaryText: string, body: string): string {
  return `<details><summary>${summaryText}</summary>\n\n${body}\n</details>\n`;
}

/** Cut a string to at most maxBytes of UTF-8 without splitting a character. */
export function truncateUtf8(
  text: string,
  maxBytes: number,
  marker = '\n\n_…truncated to fit the summary limit._\n',
): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const markerBytes = Buffer.byteLength(marker);
  // A marker that does not fit is cut itself: the limit holds whatever the marker.
  if (markerBytes > maxBytes) return cutUtf8(marker, maxBytes);
  return cutUtf8(text, maxBytes - markerBytes) + marker;
}

function cutUtf8(text: string, maxBytes: number): string {
  let cut = Buffer.from(text).subarray(0, Math.max(0, maxBytes)).toString('utf8');
  if (cut.endsWith('\ufffd')) cut = cut.slice(0, -1);
  return cut;
}

/** Every secret replaced by ***, longest first (so a secret containing another is not half-masked), as the runner masks logs. */
export function maskSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length))
    if (secret) out = out.split(secret).join('***');
  return out;
}

/**
 * The pieces of a secret that can appear on a log line of their own: the whole value, then each
 * non-blank fragment between line ends, trimmed. The runner reads a step's output line by line and
 * ends a line at CR as well as at LF, so `a\rb` prints as the lines `a` and `b`: each needs its own mask.
 */
export function secretFragments(value: string): string[] {
  if (value === '') return [];
  const parts = new Set<string>([value]);
  for (const line of value.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed !== '') parts.add(trimmed);
  }
  return [...parts];
}

/** The body of a JSON string literal for `text` (what JSON.stringify puts between the quotes). */
export function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * Every form in which text the suite writes can carry a string: as it is; JSON-escaped (a structured
 * log line, the CLI's outputs), twice (JSON text quoted inside JSON), and with non-ASCII as \u
 * escapes (as Python's json.dumps writes it); as oneLine() shows it (debug lines, error lines); as
 * escapeMarkdown() shows it (the job summary).
 */
export function secretForms(text: string): string[] {
  const json = jsonEscape(text);
  const forms = new Set<string>([
    text,
    json,
    jsonEscape(json),
    json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    oneLine(text),
    escapeMarkdown(text),
  ]);
  forms.delete('');
  return [...forms];
}

/**
 * Everything to register as masks for one secret, so that no form of it survives in any output:
 * each fragment (secretFragments) in each form (secretForms). Both runtimes register these; the
 * Actions runtime also hands each to the runner as ::add-mask::.
 */
export function secretMasks(value: string): string[] {
  const masks = new Set<string>();
  for (const fragment of secretFragments(value)) for (const form of secretForms(fragment)) masks.add(form);
  return [...masks];
}

/**
 * A value about to be serialised (JSON fields, outputs), with every string in it redacted first:
 * redacting the serialised text alone would miss the forms serialisation gives a secret.
 */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]),
    ) as T;
  return value;
}
