import { PackageCollector } from './collect.js';
import { LockfileError } from './errors.js';
import { forEachLine } from './lines.js';
import type { ParsedLockfile } from './types.js';

function unquoteGo(token: string, file: string, line: number): string {
  if (token.startsWith('"') || token.startsWith('`')) {
    if (token.length < 2 || token.at(-1) !== token[0])
      throw LockfileError.at(file, line, 'unterminated quoted path');
    return token.slice(1, -1);
  }
  return token;
}

/**
 * go.mod: the `require` lines (single or in a block), direct unless marked `// indirect`. A
 * `replace` that pins another version of a required module (`a => a v1.2.3`, or any path with a
 * version) is what the build uses, so it replaces the required version.
 */
export function readGoMod(file: string, text: string): ParsedLockfile {
  const required = new Map<string, { version: string; direct: boolean }>();
  const replaced = new Map<string, string>();
  let block: string | undefined;
  let blockLine = 0;
  let sawModule = false;
  forEachLine(text, (raw, number) => {
    const commentAt = raw.indexOf('//');
    const comment = commentAt === -1 ? '' : raw.slice(commentAt + 2).trim();
    const line = (commentAt === -1 ? raw : raw.slice(0, commentAt)).trim();
    if (line === '') return;
    const fields = line.split(/\s+/);
    let verb: string | undefined;
    let args = fields;
    if (block === undefined) {
      verb = fields[0]!;
      args = fields.slice(1);
      if (args[0] === '(' && args.length === 1) {
        block = verb;
        blockLine = number;
        return;
      }
    } else {
      if (line === ')') {
        block = undefined;
        return;
      }
      verb = block;
    }
    if (verb === 'module') sawModule = true;
    if (verb === 'require') {
      if (args.length !== 2) throw LockfileError.at(file, number, 'expected "require <module> <version>"');
      required.set(unquoteGo(args[0]!, file, number), {
        version: args[1]!,
        direct: !/(^|;\s*)indirect(;|$)/.test(comment),
      });
    } else if (verb === 'replace') {
      const arrow = args.indexOf('=>');
      if (arrow < 1) throw LockfileError.at(file, number, 'expected "replace <module> => <target>"');
      const target = args.slice(arrow + 1);
      if (target.length === 2) replaced.set(unquoteGo(args[0]!, file, number), target[1]!);
    } else if (
      !['module', 'go', 'toolchain', 'exclude', 'retract', 'tool', 'godebug', 'ignore'].includes(verb)
    )
      throw LockfileError.at(file, number, `unknown directive ${JSON.stringify(verb.slice(0, 40))}`);
  });
  if (block !== undefined)
    throw LockfileError.at(file, blockLine, `the ${block} block is not closed (a truncated file?)`);
  if (!sawModule) throw new LockfileError(`${file}: no module line; not a go.mod`, file);
  const out = new PackageCollector('go-mod', 'go');
  for (const [path, { version, direct }] of required) out.add(path, replaced.get(path) ?? version, direct);
  return out.result();
}

/**
 * go.sum: `<module> <version>[/go.mod] <hash>` lines. The modules whose content was hashed (no
 * `/go.mod` suffix) are the ones the build downloads; go.sum does not say which are direct.
 */
export function readGoSum(file: string, text: string): ParsedLockfile {
  const out = new PackageCollector('go-sum', 'go');
  forEachLine(text, (raw, number) => {
    const line = raw.trim();
    if (line === '') return;
    const fields = line.split(/\s+/);
    if (fields.length !== 3 || !fields[2]!.includes(':'))
      throw LockfileError.at(file, number, 'expected "<module> <version> <hash>"');
    if (!fields[1]!.endsWith('/go.mod')) out.add(fields[0]!, fields[1]!);
  });
  return out.result();
}
