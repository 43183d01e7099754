import { createHash } from 'node:crypto';

/** Registry tags: `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const MAX_TAG = 128;

/**
 * A string as a tag fragment, injective and prefix-preserving: letters, digits and '-' stay, '_'
 * becomes '__', every other byte '_xx' (hex). So `feature/x` and `feature-x` never share a tag, and
 * the tag of a key prefix is a prefix of the key's tag (restore-keys match on tags).
 */
export function encodeTagPart(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    // A leading '-' is escaped too: a tag cannot start with one.
    if (/[A-Za-z0-9]/.test(c) || (c === '-' && out !== '')) out += c;
    else if (c === '_') out += '__';
    else out += `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** Too long for a tag: cut, and end with `_h` + a hash ('_h' is never an escape, so no collision). */
export function fitTag(tag: string): string {
  if (tag.length <= MAX_TAG) return tag;
  const hash = createHash('sha256').update(tag).digest('hex').slice(0, 16);
  return `${tag.slice(0, MAX_TAG - 18)}_h${hash}`;
}

/**
 * Tags of the paths mode: `<version>-<encoded scope>.<encoded key>` (encoded parts never contain
 * '.'), so one key has one cache per scope and a branch never finds another scope's cache by name.
 */
export function keyTag(version: string, scope: string, key: string): string {
  return fitTag(`${version}-${encodeTagPart(scope)}.${encodeTagPart(key)}`);
}

/**
 * Could this tag hold a key starting with `prefix`? (A cut tag is only a candidate: the key in the
 * manifest decides.)
 */
export function tagMayMatchPrefix(tag: string, version: string, scope: string, prefix: string): boolean {
  const wanted = `${version}-${encodeTagPart(scope)}.${encodeTagPart(prefix)}`;
  if (tag.length === MAX_TAG && tag.slice(MAX_TAG - 18, MAX_TAG - 16) === '_h') {
    const kept = tag.slice(0, MAX_TAG - 18);
    return kept.startsWith(wanted) || wanted.startsWith(kept);
  }
  return tag.startsWith(wanted);
}

/** Tags of the buildx mode: `<scope>.<branch>` (encoded parts never contain '.'), or `<branch>`. */
export function branchTag(branch: string, scope: string): string {
  const encoded = encodeTagPart(branch);
  return fitTag(scope ? `${encodeTagPart(scope)}.${encoded}` : encoded);
}
