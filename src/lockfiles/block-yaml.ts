import { LockfileError } from './errors.js';
import { forEachLine, indentOf, unquoteScalar } from './lines.js';

/**
 * The block-style YAML that pnpm and Yarn berry write: maps only, nested by indentation, one
 * `key: value` or `key:` per line, keys and values plain or quoted, flow maps (`{integrity: …}`)
 * on one line. Walking lines is ten times faster than a general YAML parser and holds no document
 * tree, which matters at 50,000 packages. The visitor sees each line's indentation, unquoted key
 * and raw value (undefined for `key:` that opens a nested map). Lines indented deeper than a key
 * that already has a value continue that value (a folded long string, a block scalar, a wrapped
 * flow map) and are not visited.
 */
export type BlockVisitor = (indent: number, key: string, value: string | undefined, line: number) => void;

export function walkBlockYaml(file: string, text: string, visit: BlockVisitor): void {
  let scalarIndent = Number.POSITIVE_INFINITY;
  forEachLine(text, (raw, number) => {
    const indent = indentOf(raw);
    if (indent === raw.length) return; // blank
    if (indent > scalarIndent) return; // continues the value above
    scalarIndent = Number.POSITIVE_INFINITY;
    const first = raw.charCodeAt(indent);
    if (first === 35 /* # */) return;
    if (raw.charCodeAt(indent) === 9 /* tab */)
      throw LockfileError.at(file, number, 'a tab in the indentation (YAML indents with spaces)');
    if (first === 45 /* - */ && (raw.length === indent + 1 || raw.charCodeAt(indent + 1) === 32)) {
      // A block sequence item: lockfiles have them only in fields the readers do not use
      // (pnpm `os:`/`cpu:` in old versions); reported with an empty key under the open key.
      visit(indent, '', raw.slice(indent + 1).trim(), number);
      return;
    }
    const body = raw.slice(indent);
    const colon = keyEnd(body, file, number);
    const key = unquoteScalar(body.slice(0, colon), file, number);
    let value = body.slice(colon + 1);
    const hash = value.indexOf(' #');
    if (hash !== -1 && !/["']/.test(value)) value = value.slice(0, hash);
    value = value.trim();
    if (value !== '') scalarIndent = indent;
    visit(indent, key, value === '' ? undefined : value, number);
  });
}

/** Offset of the `:` that ends a key (quoted or plain) at the start of `body`. */
function keyEnd(body: string, file: string, line: number): number {
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
    if (i >= body.length) throw LockfileError.at(file, line, 'unterminated quoted key');
    if (body.charCodeAt(i + 1) !== 58 /* : */)
      throw LockfileError.at(file, line, 'expected ":" after the key');
    return i + 1;
  }
  // A plain key ends at the first ": " or at a ":" that ends the line.
  const spaced = body.indexOf(': ');
  if (spaced !== -1) return spaced;
  if (body.endsWith(':')) return body.length - 1;
  throw LockfileError.at(file, line, `expected "key: value", got ${JSON.stringify(body.slice(0, 80))}`);
}
