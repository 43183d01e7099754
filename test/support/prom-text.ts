/**
 * A reader of Prometheus' text exposition format (0.0.4), written from the format's description
 * and independent of src/: lines end in \n; `# HELP name text` (text unescapes \\ and \n),
 * `# TYPE name type`, other `#` lines are comments; a sample is `name{label="value",...} value
 * [timestamp]`, where a label value unescapes \\, \" and \n (any other escape is kept as written,
 * as Prometheus' own parser does). It throws on what the format does not allow, so a test that
 * feeds it the exporter's output checks the output too.
 */
export interface ParsedFamily {
  name: string;
  help?: string;
  type?: string;
  samples: Array<{ name: string; labels: Record<string, string>; value: number }>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function unescapeText(text: string, quote: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[i + 1]!;
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (quote && next === '"') out += '"';
    else out += c + next;
    i += 1;
  }
  return out;
}

function parseValue(text: string): number {
  if (text === 'NaN') return Number.NaN;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
    throw new Error(`bad value ${JSON.stringify(text)}`);
  return Number(text);
}

export function parseExposition(text: string): Map<string, ParsedFamily> {
  if (text !== '' && !text.endsWith('\n')) throw new Error('the last line must end with a line feed');
  const families = new Map<string, ParsedFamily>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) {
      f = { name, samples: [] };
      families.set(name, f);
    }
    return f;
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(line);
      if (!m) continue;
      const [, kind, name, rest = ''] = m;
      if (!NAME.test(name!) || NAME.exec(name!)![0] !== name) throw new Error(`bad metric name in ${line}`);
      const f = family(name!);
      if (kind === 'HELP') {
        if (f.help !== undefined) throw new Error(`second HELP for ${name}`);
        f.help = unescapeText(rest, false);
      } else {
        if (f.type !== undefined) throw new Error(`second TYPE for ${name}`);
        if (f.samples.length > 0) throw new Error(`TYPE for ${name} after its samples`);
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest.trim()))
          throw new Error(`bad type in ${line}`);
        f.type = rest.trim();
      }
      continue;
    }
    let pos = 0;
    const name = NAME.exec(line)?.[0];
    if (!name) throw new Error(`bad sample line ${JSON.stringify(line)}`);
    pos = name.length;
    const labels: Record<string, string> = {};
    if (line[pos] === '{') {
      pos += 1;
      while (line[pos] !== '}') {
        const label = LABEL.exec(line.slice(pos))?.[0];
        if (!label) throw new Error(`bad label name at ${pos} in ${JSON.stringify(line)}`);
        pos += label.length;
        if (line.slice(pos, pos + 2) !== '="')
          throw new Error(`expected =" at ${pos} in ${JSON.stringify(line)}`);
        pos += 2;
        let end = pos;
        while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
        if (end >= line.length) throw new Error(`unterminated label value in ${JSON.stringify(line)}`);
        if (label in labels) throw new Error(`label ${label} twice in ${JSON.stringify(line)}`);
        labels[label] = unescapeText(line.slice(pos, end), true);
        pos = end + 1;
        if (line[pos] === ',') pos += 1;
        else if (line[pos] !== '}') throw new Error(`expected , or } at ${pos} in ${JSON.stringify(line)}`);
      }
      pos += 1;
    }
    const rest = line.slice(pos).trim().split(/\s+/);
    if (rest.length < 1 || rest.length > 2) throw new Error(`bad value part in ${JSON.stringify(line)}`);
    family(name).samples.push({ name, labels, value: parseValue(rest[0]!) });
  }
  return families;
}
