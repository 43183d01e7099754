import { LockfileError } from './errors.js';

/**
 * Calls `visit` with each line (without its `\n` or `\r\n`) and its 1-based number, walking the text
 * with indexOf rather than split so a 50 MB lockfile is not copied into a second array of lines.
 */
export function forEachLine(text: string, visit: (line: string, number: number) => void): void {
  let start = 0;
  let number = 1;
  const length = text.length;
  while (start <= length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = length;
    const line =
      text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
    if (!(end === length && line === '' && start === length)) visit(line, number);
    start = end + 1;
    number++;
  }
}

/** The text without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Number of leading spaces. */
export function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/**
 * A YAML/yarn scalar as these lockfiles write it: plain, 'single-quoted' ('' for a quote) or
 * "double-quoted" (JSON escapes). Throws LockfileError at `line` for an unterminated quote.
 */
export function unquoteScalar(raw: string, file: string, line: number): string {
  const text = raw.trim();
  const first = text.charCodeAt(0);
  if (first === 34 /* " */) {
    if (text.length < 2 || !text.endsWith('"'))
      throw LockfileError.at(file, line, `unterminated quoted string ${JSON.stringify(text.slice(0, 80))}`);
    try {
      return JSON.parse(text) as string;
    } catch {
      throw LockfileError.at(file, line, `malformed quoted string ${JSON.stringify(text.slice(0, 80))}`);
    }
  }
  if (first === 39 /* ' */) {
    if (text.length < 2 || !text.endsWith("'"))
      throw LockfileError.at(file, line, `unterminated quoted string ${JSON.stringify(text.slice(0, 80))}`);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  return text;
}

/** Line (1-based) of a character offset, for parsers that fail at a position. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** First line of a message, bounded, for wrapping a third-party parser's error. */
export function oneLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
