import { LockfileError } from './errors.js';
import { lineAt } from './lines.js';

/** A TOML value as the lockfile readers see it; inline tables are Maps (no prototype to pollute). */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export type TomlTable = Map<string, TomlValue>;

/** One `[header]` or `[[header]]` and its key/value lines (dotted keys joined with "."). */
export interface TomlSection {
  header: string;
  array: boolean;
  /** Character offset of the header, for messages (lineAt). */
  offset: number;
  values: TomlTable;
}

/**
 * The TOML that Cargo, Poetry and uv write: `[table]` and `[[array]]` headers, `key = value` lines,
 * basic/literal/multi-line strings, numbers, booleans, dates (kept as text), arrays over several
 * lines and one-line inline tables. A small strict reader instead of a dependency: lockfiles use
 * this subset only, it returns sections in order (a `[package.x]` belongs to the `[[package]]`
 * above it), and every syntax error names the file and line.
 */
export function readTomlSections(file: string, text: string): TomlSection[] {
  return new TomlReader(file, text).read();
}

/** Character classes by code, looked up instead of a regular expression per character. */
const BARE_KEY = new Uint8Array(128);
const BARE_VALUE = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-') {
  BARE_KEY[c.charCodeAt(0)] = 1;
  BARE_VALUE[c.charCodeAt(0)] = 1;
}
for (const c of ':.+') BARE_VALUE[c.charCodeAt(0)] = 1;
const isDigit = (c: number) => c >= 48 && c <= 57;

class TomlReader {
  private pos = 0;
  /** Nesting of arrays and inline tables; bounded so a hostile file cannot exhaust the stack. */
  private depth = 0;
  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  private fail(why: string, at = this.pos): never {
    const line = lineAt(this.text, at);
    throw LockfileError.at(this.file, line, why);
  }

  read(): TomlSection[] {
    const sections: TomlSection[] = [{ header: '', array: false, offset: 0, values: new Map() }];
    const { text } = this;
    while (this.pos < text.length) {
      this.skipSpaces();
      const c = text[this.pos];
      if (c === undefined) break;
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
      const section = sections[sections.length - 1]!;
      const key = this.key();
      this.skipSpaces();
      if (text[this.pos] !== '=') this.fail(`expected "=" after ${JSON.stringify(key.slice(0, 60))}`);
      this.pos++;
      this.skipSpaces();
      if (section.values.has(key)) this.fail(`${JSON.stringify(key.slice(0, 60))} is defined twice`);
      section.values.set(key, this.value());
      this.endOfLine();
    }
    return sections;
  }

  private skipSpaces(): void {
    const { text } = this;
    for (let c = text.charCodeAt(this.pos); c === 32 || c === 9; c = text.charCodeAt(this.pos)) this.pos++;
  }

  /** Spaces, an optional comment, then a line end or the end of the text. */
  private endOfLine(): void {
    this.skipSpaces();
    const { text } = this;
    if (text[this.pos] === '#') {
      const end = text.indexOf('\n', this.pos);
      this.pos = end === -1 ? text.length : end;
    }
    if (text[this.pos] === '\r' && text[this.pos + 1] === '\n') this.pos += 2;
    else if (text[this.pos] === '\n') this.pos++;
    else if (this.pos < text.length) this.fail(`unexpected ${JSON.stringify(text[this.pos])}`);
  }

  /** Whitespace, newlines and comments inside an array. */
  private skipBlank(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else if (c === 35 /* # */) {
        const end = text.indexOf('\n', this.pos);
        this.pos = end === -1 ? text.length : end;
      } else return;
    }
  }

  /** A key, dotted parts joined with "." (lockfiles never need to tell `"a.b"` from `a.b`). */
  private key(): string {
    let joined: string | undefined;
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      let part: string;
      if (c === 34) part = this.basicString();
      else if (c === 39) part = this.literalString();
      else {
        const start = this.pos;
        const { text } = this;
        while (BARE_KEY[text.charCodeAt(this.pos)] === 1) this.pos++;
        if (this.pos === start) this.fail('expected a key');
        part = text.slice(start, this.pos);
      }
      joined = joined === undefined ? part : `${joined}.${part}`;
      this.skipSpaces();
      if (this.text.charCodeAt(this.pos) !== 46 /* . */) return joined;
      this.pos++;
      this.skipSpaces();
    }
  }

  private value(): TomlValue {
    const { text } = this;
    const c = text[this.pos];
    if (c === '"') return text.startsWith('"""', this.pos) ? this.multiline('"""') : this.basicString();
    if (c === "'") return text.startsWith("'''", this.pos) ? this.multiline("'''") : this.literalString();
    if (c === '[' || c === '{') {
      if (++this.depth > 64) this.fail('arrays or tables nested more than 64 deep');
      const nested = c === '[' ? this.array() : this.inlineTable();
      this.depth--;
      return nested;
    }
    const start = this.pos;
    for (;;) {
      const code = text.charCodeAt(this.pos);
      if (BARE_VALUE[code] === 1) this.pos++;
      // The space between the date and the time of a TOML date-time.
      else if (
        code === 32 &&
        isDigit(text.charCodeAt(this.pos - 1)) &&
        isDigit(text.charCodeAt(this.pos + 1))
      )
        this.pos++;
      else break;
    }
    const raw = text.slice(start, this.pos);
    if (raw === '') this.fail('expected a value');
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    if (/^[+-]?\d+$/.test(raw.replaceAll('_', ''))) return Number(raw.replaceAll('_', ''));
    return raw; // floats, dates and times: the readers never use them
  }

  private basicString(): string {
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
      if (c === 10 || Number.isNaN(c)) this.fail('unterminated string', start);
      this.pos++;
    }
  }

  private escape(): string {
    const { text } = this;
    const e = text[this.pos + 1];
    const simple: Record<string, string> = {
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
      return simple[e]!;
    }
    const width = e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = text.slice(this.pos + 2, this.pos + 2 + width);
    if (width === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== width)
      this.fail('invalid escape in a string');
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.fail('invalid unicode escape');
    this.pos += 2 + width;
    return String.fromCodePoint(code);
  }

  private literalString(): string {
    const { text } = this;
    const end = text.indexOf("'", this.pos + 1);
    const newline = text.indexOf('\n', this.pos + 1);
    if (end === -1 || (newline !== -1 && newline < end)) this.fail('unterminated string');
    const value = text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return value;
  }

  private multiline(delimiter: string): string {
    const { text } = this;
    const start = this.pos;
    let end = text.indexOf(delimiter, this.pos + 3);
    if (end === -1) this.fail('unterminated multi-line string', start);
    // Up to two quotes may sit right before the closing delimiter.
    while (text[end + 3] === delimiter[0] && end + 3 < text.length) end++;
    let body = text.slice(this.pos + 3, end);
    this.pos = end + 3;
    if (body.startsWith('\r\n')) body = body.slice(2);
    else if (body.startsWith('\n')) body = body.slice(1);
    if (delimiter === "'''") return body;
    // Basic multi-line: escapes and line-ending backslashes; only the readers' fields matter, so
    // the body is unescaped loosely (descriptions are never used).
    return body.replace(/\\\s*\n\s*/g, '');
  }

  private array(): TomlValue[] {
    const start = this.pos;
    this.pos++;
    const items: TomlValue[] = [];
    for (;;) {
      this.skipBlank();
      if (this.pos >= this.text.length) this.fail('unterminated array', start);
      if (this.text[this.pos] === ']') {
        this.pos++;
        return items;
      }
      items.push(this.value());
      this.skipBlank();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c !== ']')
        this.fail(
          c === undefined ? 'unterminated array' : 'expected "," or "]" in an array',
          c === undefined ? start : this.pos,
        );
    }
  }

  private inlineTable(): TomlTable {
    const start = this.pos;
    this.pos++;
    const table: TomlTable = new Map();
    this.skipSpaces();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return table;
    }
    for (;;) {
      this.skipSpaces();
      const key = this.key();
      this.skipSpaces();
      if (this.text[this.pos] !== '=') this.fail(`expected "=" after ${JSON.stringify(key.slice(0, 60))}`);
      this.pos++;
      this.skipSpaces();
      if (table.has(key)) this.fail(`${JSON.stringify(key.slice(0, 60))} is defined twice`);
      table.set(key, this.value());
      this.skipSpaces();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c === '}') {
        this.pos++;
        return table;
      } else
        this.fail(
          c === undefined || c === '\n'
            ? 'unterminated inline table'
            : 'expected "," or "}" in an inline table',
          c === undefined ? start : this.pos,
        );
    }
  }
}
