import { PackageCollector } from './collect.js';
import { LockfileError } from './errors.js';
import { forEachLine } from './lines.js';
import { normalizePypiName } from './toml-lockfiles.js';
import type { ParsedLockfile } from './types.js';

// name[extras] then a version specifier, a URL (`name @ url`) or nothing; then an optional marker.
const REQUIREMENT =
  /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?:(===?)\s*([^\s;,]+)\s*(?=;|$)|@\s*(\S+)|([<>=!~][^;]*))?\s*(?:;.*)?$/;

/**
 * A pip requirements file as pip-compile, `pip freeze` or uv export write it: `name==version`
 * lines (with `--hash` options, markers, extras and `\` continuations). A line with a range is
 * kept with its specifier as the version (`>=1.2`), a `name @ url` line with its URL, so a change
 * still shows. Options (`-r`, `-c`, `-e`, `--index-url`) are not packages. Where pip-compile's
 * `# via` notes are present, a package is direct when one of its sources is a requirements input
 * (`-r file`); otherwise the file does not say.
 */
export function readRequirements(file: string, text: string): ParsedLockfile {
  const out = new PackageCollector('pip-requirements', 'pypi');
  const found: { name: string; version: string; via: string[] }[] = [];
  let pending = '';
  let pendingLine = 0;
  let last: { via: string[] } | undefined;
  let inVia = false;
  let sawVia = false;
  const take = (logical: string, number: number) => {
    const line = logical.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    if (line.startsWith('-')) {
      last = undefined;
      return;
    }
    const withoutOptions = line.replace(/\s--?[a-z][a-z-]*(?:[= ]\S+)?/g, '').trim();
    const m = REQUIREMENT.exec(withoutOptions);
    if (!m) throw LockfileError.at(file, number, `not a requirement: ${JSON.stringify(line.slice(0, 80))}`);
    const version = m[3] ?? (m[4] ? `@ ${m[4]}` : (m[5]?.trim() ?? ''));
    const entry = { name: normalizePypiName(m[1]!), version: version === '' ? '*' : version, via: [] };
    found.push(entry);
    last = entry;
  };
  forEachLine(text, (raw, number) => {
    const trimmed = raw.trim();
    if (pending === '' && trimmed.startsWith('#')) {
      // pip-compile: `    # via` then `    #   source` lines, or `    # via source` on one line.
      const comment = trimmed.slice(1).trim();
      if (comment.startsWith('via')) {
        sawVia = true;
        inVia = true;
        const rest = comment.slice(3).trim();
        if (rest && last) last.via.push(rest);
      } else if (inVia && last && raw.startsWith(' ') && comment) last.via.push(comment);
      else inVia = false;
      return;
    }
    inVia = false;
    if (pending === '') pendingLine = number;
    if (trimmed.endsWith('\\')) {
      pending += `${trimmed.slice(0, -1)} `;
      return;
    }
    const logical = pending + trimmed;
    pending = '';
    take(logical, pendingLine);
  });
  if (pending !== '') take(pending, pendingLine);
  for (const { name, version, via } of found)
    out.add(name, version, sawVia ? via.some((source) => /^-r\s/.test(source)) : undefined);
  return out.result();
}
