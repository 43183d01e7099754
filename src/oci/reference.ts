import { isDigest } from './digest.js';

/**
 * Image references: `[registry/]repository[:tag][@digest]` with Docker Hub's normalisation
 * (`alpine` → `docker.io/library/alpine`), and `oci-layout:<dir>[:tag|@digest]` for an OCI image
 * layout directory on disk.
 */
export interface RegistryReference {
  kind: 'registry';
  /** The registry as the user names it (docker.io for Docker Hub), host[:port]. */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export interface LayoutReference {
  kind: 'layout';
  dir: string;
  tag?: string;
  digest?: string;
}

export type Reference = RegistryReference | LayoutReference;

export class InvalidReferenceError extends Error {
  override name = 'InvalidReferenceError';
  constructor(
    readonly given: string,
    readonly reason: string,
  ) {
    super(`invalid image reference ${JSON.stringify(given.slice(0, 120))}: ${reason}`);
  }
}

export const DOCKER_HUB = 'docker.io';
export const LAYOUT_PREFIX = 'oci-layout:';
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

export function parseReference(text: string): Reference {
  const given = text.trim();
  if (given === '') throw new InvalidReferenceError(text, 'it is empty');
  if (given.startsWith(LAYOUT_PREFIX)) return parseLayout(given);
  if (/\s/.test(given)) throw new InvalidReferenceError(text, 'it contains whitespace');

  let rest = given;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest))
      throw new InvalidReferenceError(text, `'${digest}' is not a digest (expected sha256:<64 hex>)`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new InvalidReferenceError(text, `'${tag}' is not a valid tag`);
  }
  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  const first = parts[0]!;
  if (
    parts.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))
  ) {
    const port = /:(\d+)$/.exec(first)?.[1];
    if (!HOST.test(first) || Number(port ?? 0) > 65_535)
      throw new InvalidReferenceError(text, `'${first}' is not a valid registry host`);
    registry = first === 'index.docker.io' || first === 'registry-1.docker.io' ? DOCKER_HUB : first;
    parts.shift();
  }
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  for (const part of parts) {
    if (!PATH_COMPONENT.test(part)) {
      throw new InvalidReferenceError(
        text,
        `repository component '${part}' must be lowercase letters, digits and separators (. _ __ -)`,
      );
    }
  }
  const repository = parts.join('/');
  if (repository.length + registry.length + 1 > 255)
    throw new InvalidReferenceError(text, 'the name is longer than 255 characters');
  return { kind: 'registry', registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

function parseLayout(given: string): LayoutReference {
  let dir = given.slice(LAYOUT_PREFIX.length);
  let digest: string | undefined;
  let tag: string | undefined;
  const at = dir.lastIndexOf('@');
  if (at !== -1 && /^sha(256|512):/.test(dir.slice(at + 1))) {
    digest = dir.slice(at + 1);
    dir = dir.slice(0, at);
    if (!isDigest(digest))
      throw new InvalidReferenceError(given, `'${digest}' is not a digest (expected sha256:<64 hex>)`);
  } else {
    const colon = dir.lastIndexOf(':');
    if (colon !== -1 && !dir.slice(colon + 1).includes('/')) {
      tag = dir.slice(colon + 1);
      dir = dir.slice(0, colon);
      if (!TAG.test(tag)) throw new InvalidReferenceError(given, `'${tag}' is not a valid tag`);
    }
  }
  if (dir === '') throw new InvalidReferenceError(given, 'no directory after oci-layout:');
  return { kind: 'layout', dir, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

export function formatReference(ref: Reference): string {
  const suffix = `${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
  return ref.kind === 'layout'
    ? `${LAYOUT_PREFIX}${ref.dir}${suffix}`
    : `${ref.registry}/${ref.repository}${suffix}`;
}

/** The host the API is served from (Docker Hub's API host differs from its name). */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}

/** Registries on the loopback interface are spoken to over plain HTTP, as Docker does. */
export function isLoopback(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '');
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
