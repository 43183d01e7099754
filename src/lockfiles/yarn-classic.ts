import { LockfileError } from './errors.js';
import { forEachLine } from './lines.js';

/** One entry of a yarn v1 lockfile: the fields the readers use. */
export interface YarnEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies: Record<string, string>;
  /** Line of the entry's header, for messages. */
  line: number;
}

function unquote(text: string): string {
  const t = text.trim();
  if (!t.startsWith('"')) return t;
  // An opening quote without its closing one is a cut or corrupt line, not a value.
  if (t.length < 2 || !t.endsWith('"')) throw new SyntaxError('unterminated quoted string');
  return JSON.parse(t) as string;
}

/**
 * yarn v1's own format: `descriptor, descriptor:` blocks of `key value` lines and nested maps.
 * Returns each descriptor (`name@range`) with the entry it resolves to (several descriptors share
 * one entry). Shared by changes' workspace impact and the lockfile diff.
 */
export function parseYarnClassic(text: string, file = 'yarn.lock'): Map<string, YarnEntry> {
  if (!/^# yarn lockfile v1/m.test(text))
    throw new LockfileError(`${file} has no "# yarn lockfile v1" header`, file);
  const byDescriptor = new Map<string, YarnEntry>();
  let entry: YarnEntry | undefined;
  let section: Record<string, string> | undefined;
  forEachLine(text, (line, number) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      if (!line.endsWith(':')) throw LockfileError.at(file, number, 'expected an entry header');
      entry = { dependencies: Object.create(null) as Record<string, string>, line: number };
      section = undefined;
      for (const descriptor of line.slice(0, -1).split(/,\s*/))
        byDescriptor.set(unquoteAt(descriptor, number), entry);
      return;
    }
    if (!entry) throw LockfileError.at(file, number, 'a field outside any entry');
    const body = line.trim();
    if (indent <= 2) {
      section = undefined;
      if (body.endsWith(':')) {
        const name = unquoteAt(body.slice(0, -1), number);
        if (name === 'dependencies' || name === 'optionalDependencies') section = entry.dependencies;
        else section = Object.create(null) as Record<string, string>;
        return;
      }
      const match = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(body);
      if (!match) throw LockfileError.at(file, number, 'expected "key value"');
      const key = unquoteAt(match[1]!, number);
      if (key === 'version' || key === 'resolved' || key === 'integrity')
        entry[key] = unquoteAt(match[2]!, number);
      return;
    }
    if (!section) throw LockfileError.at(file, number, 'unexpected indentation');
    const match = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(body);
    if (!match) throw LockfileError.at(file, number, 'expected "name range"');
    section[unquoteAt(match[1]!, number)] = unquoteAt(match[2]!, number);
  });
  return byDescriptor;

  function unquoteAt(value: string, number: number): string {
    try {
      return unquote(value);
    } catch {
      throw LockfileError.at(file, number, `malformed quoted string ${JSON.stringify(value.slice(0, 80))}`);
    }
  }
}

/** The package name of a `name@range` descriptor (`@scope/name@range`, `alias@npm:real@range`). */
export function descriptorName(descriptor: string): string {
  const at = descriptor.indexOf('@', 1);
  return at === -1 ? descriptor : descriptor.slice(0, at);
}
