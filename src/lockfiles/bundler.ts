import { PackageCollector } from './collect.js';
import { LockfileError } from './errors.js';
import { forEachLine, indentOf } from './lines.js';
import type { ParsedLockfile } from './types.js';

const SPEC = /^([^\s(]+) \(([^()\s,]+)\)$/;
const DEPENDENCY = /^([^\s(!]+)(?: \([^()]*\))?!?$/;

/**
 * Gemfile.lock: the specs of the GEM and GIT sections (`    name (version[-platform])`, one
 * line per platform variant, compared by gem name and version). PATH gems are the project's own.
 * DEPENDENCIES lists what the Gemfile names: those are direct.
 */
export function readBundler(file: string, text: string): ParsedLockfile {
  const out = new PackageCollector('bundler', 'rubygems');
  const direct: string[] = [];
  let section: string | undefined;
  let inSpecs = false;
  let sawSource = false;
  forEachLine(text, (line, number) => {
    if (line.trim() === '') return;
    const indent = indentOf(line);
    if (indent === 0) {
      section = line.trim();
      inSpecs = false;
      if (section === 'GEM' || section === 'GIT' || section === 'PATH' || section === 'PLUGIN SOURCE')
        sawSource = true;
      return;
    }
    if (section === undefined) throw LockfileError.at(file, number, 'indented line before any section');
    const body = line.trim();
    if (section === 'DEPENDENCIES') {
      if (indent !== 2) return;
      const m = DEPENDENCY.exec(body);
      if (!m)
        throw LockfileError.at(
          file,
          number,
          `expected "name (requirement)", got ${JSON.stringify(body.slice(0, 80))}`,
        );
      direct.push(m[1]!);
      return;
    }
    if (section !== 'GEM' && section !== 'GIT' && section !== 'PATH') return;
    if (indent === 2) {
      inSpecs = body === 'specs:';
      return;
    }
    if (!inSpecs || indent !== 4) return; // a spec's own dependencies (indent 6)
    const m = SPEC.exec(body);
    if (!m)
      throw LockfileError.at(
        file,
        number,
        `expected "name (version)", got ${JSON.stringify(body.slice(0, 80))}`,
      );
    if (section === 'PATH') return;
    // RubyGems versions hold no "-": what follows is the platform (x86_64-linux, universal-darwin).
    const version = m[2]!.split('-')[0]!;
    out.add(m[1]!, version, false);
  });
  if (!sawSource) throw new LockfileError(`${file}: no GEM, GIT or PATH section; not a Gemfile.lock`, file);
  for (const name of direct) out.markDirect(name);
  return out.result();
}
