import type { Readable } from 'node:stream';
import type { HttpClient, HttpRequest, HttpResponse, RequestBody } from '../net/http.js';
import { BodyTooLargeError, NetworkError, safeUrl, sendsOnce } from '../net/http.js';
import type { CredentialSource, Credentials } from './credentials.js';
import { DigestMismatchError, digestOf, digestTag, isDigest, verifyBytes, verified } from './digest.js';
import { RegistryAuthError, RegistryError } from './errors.js';
import {
  artifactTypeOf,
  type Descriptor,
  type ImageIndex,
  MANIFEST_ACCEPT,
  type Manifest,
  MediaType,
  parseManifest,
} from './media-types.js';
import { apiHost, isLoopback } from './reference.js';
import type { BlobBody, OciRepository } from './repository.js';

export interface RegistryClientOptions {
  http: HttpClient;
  /** Credentials per registry (undefined: anonymous). */
  credentials?: CredentialSource;
  /** Registries (host[:port]) spoken to over plain HTTP; loopback registries always are. */
  insecureRegistries?: readonly string[];
  /** Called with every credential and token before it is used, so the runtime can mask it. */
  onSecret?: (value: string) => void;
  /** Largest manifest accepted (the distribution spec suggests registries take at least 4 MiB). */
  maxManifestBytes?: number;
  now?: () => number;
}

type Challenge =
  | { scheme: 'none' }
  | { scheme: 'basic'; realm?: string }
  | { scheme: 'bearer'; realm: string; service?: string; scope?: string; error?: string };

interface Token {
  value: string;
  expiresAt: number;
}

/** Per-registry auth state: the challenge learnt from `GET /v2/`, and tokens by scope set. */
class RegistryAuth {
  challenge?: Challenge;
  readonly tokens = new Map<string, Token>();
  credentials?: Credentials | null;
}

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const TOKEN_MARGIN_MS = 10_000;

/**
 * A client for the OCI distribution API v1.1 over src/net's HttpClient: anonymous, basic and bearer
 * token auth (scopes per request, including the source of a cross-repository mount), every manifest
 * type accepted and kept byte for byte, every digest verified.
 */
/** Tags asked for per page (registries cap it: ECR and GHCR at 1000, Docker Hub lower). */
const TAG_PAGE = 1000;
const MAX_TAG_PAGES = 10_000;

export class RegistryClient {
  private readonly auths = new Map<string, RegistryAuth>();
  private readonly insecure: Set<string>;
  readonly maxManifestBytes: number;
  private readonly now: () => number;

  constructor(readonly options: RegistryClientOptions) {
    this.insecure = new Set(options.insecureRegistries ?? []);
    this.maxManifestBytes = options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
    this.now = options.now ?? Date.now;
  }

  repository(registry: string, name: string): RegistryRepository {
    return new RegistryRepository(this, registry, name);
  }

  baseUrl(registry: string): string {
    const scheme = isLoopback(registry) || this.insecure.has(registry) ? 'http' : 'https';
    return `${scheme}://${apiHost(registry)}`;
  }

  /**
   * Send a request to a registry with the auth it asks for. `scopes` are token scopes such as
   * `repository:team/app:pull,push`. A 401 is answered once (new token or credentials) when the body
   * can be sent again; a second 401 is a RegistryAuthError.
   */
  async send(registry: string, scopes: string[], req: HttpRequest): Promise<HttpResponse> {
    const resendable = !sendsOnce(req.body);
    const auth = await this.authFor(registry, !resendable);
    let header = await this.authorization(registry, auth, scopes, false);
    let response = await this.options.http.request(withAuth(req, header));
    if (response.status !== 401) return response;
    const challenge = parseChallenge(response.headers.get('www-authenticate'));
    response.discard();
    if (challenge && challenge.scheme !== 'none') auth.challenge = challenge;
    const extra = challenge?.scheme === 'bearer' && challenge.scope ? [challenge.scope] : [];
    if (!resendable) {
      auth.tokens.clear();
      throw new RegistryError(
        `${req.method ?? 'GET'} ${safeUrl(req.url)}: HTTP 401 (token expired during a streamed upload)`,
        401,
        'UNAUTHORIZED',
      );
    }
    header = await this.authorization(registry, auth, [...scopes, ...extra], true);
    response = await this.options.http.request(withAuth(req, header));
    if (response.status === 401) {
      const again = parseChallenge(response.headers.get('www-authenticate'));
      response.discard();
      const what = `${req.method ?? 'GET'} ${safeUrl(req.url)}`;
      if (again?.scheme === 'bearer' && again.error === 'insufficient_scope' && auth.credentials) {
        throw new RegistryAuthError(
          `Registry ${registry} denied user '${auth.credentials.username}' the access ${again.scope ?? scopes.join(' ')} (${what}). Grant that user push rights, or use other credentials.`,
        );
      }
      throw this.refused(registry, auth, what);
    }
    return response;
  }

  private refused(registry: string, auth: RegistryAuth, what: string): RegistryAuthError {
    const user = auth.credentials?.username;
    return new RegistryAuthError(
      user
        ? `Registry ${registry} refused the credentials of user '${user}' (${what}). Check the username and password or token for ${registry}.`
        : `Registry ${registry} requires credentials (${what}). Give username and password, or log in with docker/login-action first.`,
    );
  }

  /** The registry's auth state; `probe` learns its challenge first (a streamed body cannot be sent twice). */
  private async authFor(registry: string, probe: boolean): Promise<RegistryAuth> {
    let auth = this.auths.get(registry);
    if (!auth) {
      auth = new RegistryAuth();
      this.auths.set(registry, auth);
    }
    if (auth.credentials === undefined) {
      const credentials = this.options.credentials?.(registry) ?? null;
      if (credentials) {
        this.options.onSecret?.(credentials.password);
        this.options.onSecret?.(
          Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'),
        );
      }
      auth.credentials = credentials;
    }
    if (!auth.challenge && probe) {
      const response = await this.options.http.request({
        url: `${this.baseUrl(registry)}/v2/`,
        method: 'GET',
      });
      response.discard();
      if (response.status === 401)
        auth.challenge = parseChallenge(response.headers.get('www-authenticate')) ?? { scheme: 'none' };
      else if (response.ok) auth.challenge = { scheme: 'none' };
      else
        throw new RegistryError(
          `${registry} is not an OCI registry: GET /v2/ answered HTTP ${response.status}`,
          response.status,
          undefined,
        );
    }
    return auth;
  }

  private async authorization(
    registry: string,
    auth: RegistryAuth,
    scopes: string[],
    renew: boolean,
  ): Promise<string | undefined> {
    const challenge = auth.challenge;
    // Not known yet: the first request goes without, and its 401 (if any) says what is wanted.
    if (!challenge || challenge.scheme === 'none') return undefined;
    const credentials = auth.credentials ?? undefined;
    if (challenge.scheme === 'basic') {
      if (!credentials) throw this.refused(registry, auth, 'basic auth');
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    }
    const wanted = [...new Set(scopes)].sort();
    const key = wanted.join(' ');
    const cached = auth.tokens.get(key);
    if (cached && !renew && cached.expiresAt > this.now()) return `Bearer ${cached.value}`;
    const url = new URL(challenge.realm);
    // The registry names its token service; it must not talk us into sending credentials in clear
    // (or anywhere but http(s)). Plain http only where the registry itself is allowed plain http.
    const plainAllowed = isLoopback(url.host) || this.insecure.has(url.host) || this.insecure.has(registry);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainAllowed))
      throw new RegistryAuthError(
        `Registry ${registry} names token service ${safeUrl(url)}, which is not https: credentials are never sent there. Fix the registry's token realm, or list ${url.host} in insecure-registries for a test registry.`,
      );
    if (challenge.service) url.searchParams.set('service', challenge.service);
    for (const scope of wanted) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = {};
    if (credentials)
      headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    // The registry's credentials: never sent on to another origin (src/net drops them on a redirect).
    const response = await this.options.http.request({
      url,
      method: 'GET',
      headers,
      sensitive: { headers: ['authorization'] },
    });
    if (response.status === 401 || response.status === 403) {
      response.discard();
      throw this.refused(registry, auth, `token service ${safeUrl(url)}`);
    }
    if (!response.ok) throw await RegistryError.from(`token service ${safeUrl(url)}`, response);
    const body = (await response.json()) as { token?: string; access_token?: string; expires_in?: number };
    const value = body.token ?? body.access_token;
    if (!value)
      throw new RegistryError(`token service ${safeUrl(url)} returned no token`, response.status, undefined);
    this.options.onSecret?.(value);
    auth.tokens.set(key, { value, expiresAt: this.now() + (body.expires_in ?? 60) * 1000 - TOKEN_MARGIN_MS });
    return `Bearer ${value}`;
  }
}

function withAuth(req: HttpRequest, header: string | undefined): HttpRequest {
  return header ? { ...req, headers: { ...req.headers, authorization: header } } : req;
}

/** `WWW-Authenticate: Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const p of match[2]!.matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g))
    params[p[1]!.toLowerCase()] = p[2] ?? p[3] ?? '';
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'basic') return { scheme: 'basic', realm: params.realm };
  if (scheme === 'bearer' && params.realm) {
    return {
      scheme: 'bearer',
      realm: params.realm,
      service: params.service,
      scope: params.scope,
      error: params.error,
    };
  }
  return undefined;
}

export interface UploadOptions {
  /** Upload in PATCH chunks of this many bytes (at most one chunk in memory) instead of one PUT. */
  chunkSize?: number;
}

/** A repository in a registry. */
export class RegistryRepository implements OciRepository {
  readonly kind = 'registry' as const;
  readonly display: string;
  private referrersApi: boolean | undefined;

  constructor(
    readonly client: RegistryClient,
    readonly registry: string,
    readonly name: string,
  ) {
    this.display = `${registry}/${name}`;
  }

  private url(path: string): string {
    return `${this.client.baseUrl(this.registry)}/v2/${this.name}/${path}`;
  }

  private pull(): string[] {
    return [`repository:${this.name}:pull`];
  }

  private push(): string[] {
    return [`repository:${this.name}:pull,push`];
  }

  private send(scopes: string[], req: HttpRequest): Promise<HttpResponse> {
    return this.client.send(this.registry, scopes, req);
  }

  async resolve(ref: string): Promise<Descriptor | undefined> {
    const url = this.url(`manifests/${ref}`);
    const response = await this.send(this.pull(), {
      url,
      method: 'HEAD',
      headers: { accept: MANIFEST_ACCEPT },
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw await RegistryError.from(`HEAD ${safeUrl(url)}`, response);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
    const size = Number(response.headers.get('content-length'));
    if (
      !digest ||
      !isDigest(digest) ||
      !mediaType ||
      !Number.isFinite(size) ||
      (isDigest(ref) && digest !== ref)
    ) {
      // Some registries omit the digest on HEAD: the bytes decide.
      return (await this.getManifest(ref)).descriptor;
    }
    return { mediaType, digest, size };
  }

  async getManifest(ref: string): Promise<Manifest> {
    // A connection cut while the body streams surfaces after the HTTP client's retries: read again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.fetchManifest(ref);
      } catch (error) {
        if (attempt >= 3 || !(error instanceof NetworkError)) throw error;
      }
    }
  }

  private async fetchManifest(ref: string): Promise<Manifest> {
    const url = this.url(`manifests/${ref}`);
    const response = await this.send(this.pull(), {
      url,
      method: 'GET',
      headers: { accept: MANIFEST_ACCEPT },
    });
    if (!response.ok) throw await RegistryError.from(`GET ${safeUrl(url)}`, response);
    const bytes = await readLimited(
      response,
      this.client.maxManifestBytes,
      `manifest ${this.display}:${ref}`,
    );
    const header = response.headers.get('docker-content-digest');
    const digest = isDigest(ref) ? ref : header && isDigest(header) ? header : digestOf(bytes);
    verifyBytes(bytes, digest, `manifest ${this.display}@${digest}`);
    if (header && isDigest(header) && header !== digest) {
      throw new DigestMismatchError(
        `manifest ${this.display}:${ref}: registry says ${header}, content is ${digest}`,
      );
    }
    return parseManifest(bytes, digest, response.headers.get('content-type') ?? undefined);
  }

  async putManifest(bytes: Uint8Array, mediaType: string, ref: string): Promise<Descriptor> {
    const digest = digestOf(bytes);
    if (isDigest(ref) && ref !== digest)
      throw new DigestMismatchError(`manifest for ${this.display}@${ref} has digest ${digest}`);
    const url = this.url(`manifests/${ref}`);
    const response = await this.send(this.push(), {
      url,
      method: 'PUT',
      headers: { 'content-type': mediaType },
      body: bytes,
    });
    if (response.status !== 201 && response.status !== 200)
      throw await RegistryError.from(`PUT ${safeUrl(url)}`, response);
    response.discard();
    const stored = response.headers.get('docker-content-digest');
    if (stored && stored !== digest)
      throw new DigestMismatchError(`PUT ${safeUrl(url)}: registry stored ${stored}, pushed ${digest}`);
    const manifest = parseManifest(bytes, digest, mediaType);
    const subject = manifest.json.subject;
    if (subject && !response.headers.get('oci-subject')) {
      await addToReferrersIndex(this, subject.digest, manifest);
    }
    return { ...manifest.descriptor, mediaType };
  }

  async deleteManifest(digest: string): Promise<void> {
    const url = this.url(`manifests/${digest}`);
    const response = await this.send([`repository:${this.name}:delete`, ...this.push()], {
      url,
      method: 'DELETE',
    });
    if (response.status !== 202 && response.status !== 200 && response.status !== 404)
      throw await RegistryError.from(`DELETE ${safeUrl(url)}`, response);
    response.discard();
  }

  async hasBlob(digest: string): Promise<boolean> {
    const url = this.url(`blobs/${digest}`);
    const response = await this.send(this.pull(), { url, method: 'HEAD' });
    response.discard();
    if (response.status === 404) return false;
    if (!response.ok) throw await RegistryError.from(`HEAD ${safeUrl(url)}`, response);
    return true;
  }

  async openBlob(descriptor: Descriptor): Promise<Readable> {
    const url = this.url(`blobs/${descriptor.digest}`);
    const response = await this.send(this.pull(), { url, method: 'GET' });
    if (!response.ok) throw await RegistryError.from(`GET ${safeUrl(url)}`, response);
    return verified(response.body, descriptor, `blob ${this.display}@${descriptor.digest}`);
  }

  /** Start an upload session; returns its Location (absolute). */
  private async startUpload(): Promise<string> {
    const url = this.url('blobs/uploads/');
    const response = await this.send(this.push(), {
      url,
      method: 'POST',
      retrySafe: true,
      headers: { 'content-length': '0' },
    });
    if (response.status !== 202) throw await RegistryError.from(`POST ${safeUrl(url)}`, response);
    response.discard();
    return this.location(response, url);
  }

  private location(response: HttpResponse, base: string): string {
    const location = response.headers.get('location');
    if (!location)
      throw new RegistryError(
        `${safeUrl(base)}: HTTP ${response.status} without a Location`,
        response.status,
        undefined,
      );
    return new URL(location, base).toString();
  }

  async pushBlob(descriptor: Descriptor, body: BlobBody, options: UploadOptions = {}): Promise<void> {
    // The upload session and the source stream are opened side by side (a round trip saved per blob).
    const [session, opened] = await Promise.allSettled([
      this.startUpload(),
      typeof body === 'function' ? body() : Promise.resolve(body),
    ]);
    if (session.status === 'rejected' || opened.status === 'rejected') {
      if (opened.status === 'fulfilled' && !(opened.value instanceof Uint8Array)) opened.value.destroy();
      throw session.status === 'rejected' ? session.reason : (opened as PromiseRejectedResult).reason;
    }
    const [location, content] = [session.value, opened.value];
    if (options.chunkSize && !(content instanceof Uint8Array))
      return this.pushChunked(descriptor, location, content, options.chunkSize);
    await this.finishUpload(location, descriptor, content, descriptor.size);
  }

  private async finishUpload(
    location: string,
    descriptor: Descriptor,
    body: RequestBody | undefined,
    length: number,
  ): Promise<void> {
    const url = new URL(location);
    url.searchParams.set('digest', descriptor.digest);
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      'content-length': String(length),
    };
    // redirect 'error': with 'follow', fetch clones the request, and the clone's tee of a streamed
    // body keeps every chunk in memory until the upload ends. An upload never redirects anyway.
    const response = await this.send(this.push(), { url, method: 'PUT', headers, body, redirect: 'error' });
    if (response.status !== 201) throw await RegistryError.from(`PUT ${safeUrl(url)}`, response);
    response.discard();
    const stored = response.headers.get('docker-content-digest');
    if (stored && stored !== descriptor.digest)
      throw new DigestMismatchError(
        `blob upload ${this.display}: registry stored ${stored}, expected ${descriptor.digest}`,
      );
  }

  private async pushChunked(
    descriptor: Descriptor,
    start: string,
    body: Readable,
    chunkSize: number,
  ): Promise<void> {
    let location = start;
    let offset = 0;
    for await (const chunk of rechunk(body, chunkSize)) {
      const headers = {
        'content-type': 'application/octet-stream',
        'content-length': String(chunk.byteLength),
        'content-range': `${offset}-${offset + chunk.byteLength - 1}`,
      };
      const response = await this.send(this.push(), {
        url: location,
        method: 'PATCH',
        headers,
        body: chunk,
        redirect: 'error',
      });
      if (response.status !== 202) throw await RegistryError.from(`PATCH ${safeUrl(location)}`, response);
      response.discard();
      location = this.location(response, location);
      offset += chunk.byteLength;
    }
    if (offset !== descriptor.size)
      throw new DigestMismatchError(
        `blob ${descriptor.digest}: read ${offset} bytes, expected ${descriptor.size}`,
      );
    await this.finishUpload(location, descriptor, undefined, 0);
  }

  /**
   * Cross-repository mount (`?mount=&from=`) from another repository of the same registry: no bytes
   * move. Returns false when the registry started a plain upload instead (that session is dropped).
   */
  async mountBlob(descriptor: Descriptor, from: RegistryRepository): Promise<boolean> {
    if (from.registry !== this.registry) return false;
    const url = new URL(this.url('blobs/uploads/'));
    url.searchParams.set('mount', descriptor.digest);
    url.searchParams.set('from', from.name);
    const scopes = [...this.push(), `repository:${from.name}:pull`];
    const response = await this.send(scopes, {
      url,
      method: 'POST',
      retrySafe: true,
      headers: { 'content-length': '0' },
    });
    response.discard();
    if (response.status === 201) return true;
    if (response.status === 202) {
      const session = this.location(response, url.toString());
      await this.send(this.push(), { url: session, method: 'DELETE' })
        .then((r) => r.discard())
        .catch(() => undefined);
      return false;
    }
    throw await RegistryError.from(`POST ${safeUrl(url)} (mount)`, response);
  }

  /**
   * All tags, following `Link: <…>; rel="next"` pagination. A repository that does not exist has
   * none; a listing that breaks off after its first page (a 404 or any error on a later page, or more
   * pages than we follow) throws: callers such as prune must never act on part of a listing.
   */
  async tags(): Promise<string[]> {
    const tags: string[] = [];
    const first = new URL(this.url('tags/list'));
    first.searchParams.set('n', String(TAG_PAGE));
    let next: string | undefined = first.toString();
    for (let page = 0; next; page++) {
      if (page >= MAX_TAG_PAGES)
        throw new RegistryError(
          `GET ${safeUrl(next)}: more than ${MAX_TAG_PAGES} pages of tags`,
          0,
          undefined,
        );
      const response = await this.send(this.pull(), {
        url: next,
        method: 'GET',
        headers: { accept: 'application/json' },
      });
      if (response.status === 404 && page === 0) {
        response.discard();
        return tags;
      }
      if (!response.ok) {
        const error = await RegistryError.from(`GET ${safeUrl(next)}`, response);
        if (page === 0) throw error;
        throw new RegistryError(
          `the tag listing broke off after ${tags.length} tags on page ${page + 1}: ${error.message}`,
          error.status,
          error.code,
        );
      }
      const body = (await response.json()) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('link') ?? '');
      next = link ? new URL(link[1]!, next).toString() : undefined;
    }
    return tags;
  }

  async referrers(digest: string, artifactType?: string): Promise<Descriptor[]> {
    if (this.referrersApi === false) return filterType(await referrersFromTag(this, digest), artifactType);
    // Until the registry has shown whether it has the API, the tag schema is read alongside (one
    // round trip instead of two on registries without it, such as 2.8 and GHCR).
    const fallback = this.referrersApi === undefined ? referrersFromTag(this, digest) : undefined;
    fallback?.catch(() => undefined);
    const url = new URL(this.url(`referrers/${digest}`));
    if (artifactType) url.searchParams.set('artifactType', artifactType);
    const response = await this.send(this.pull(), {
      url,
      method: 'GET',
      headers: { accept: MediaType.OciIndex },
    });
    const type = response.headers.get('content-type') ?? '';
    if (response.ok && type.includes(MediaType.OciIndex)) {
      this.referrersApi = true;
      const index = (await response.json()) as ImageIndex;
      return filterType(index.manifests ?? [], artifactType);
    }
    response.discard();
    if (response.status !== 404) {
      const what = response.ok ? `not an image index (${type})` : `HTTP ${response.status}`;
      throw new RegistryError(`GET ${safeUrl(url)}: ${what}`, response.status, undefined);
    }
    this.referrersApi = false;
    return filterType(await (fallback ?? referrersFromTag(this, digest)), artifactType);
  }

  /** cosign's legacy tags for a digest (`sha256-<hex>.sig`, `.att`, `.sbom`) that exist. */
  async cosignTags(digest: string): Promise<{ tag: string; descriptor: Descriptor }[]> {
    const tags = COSIGN_SUFFIXES.map((suffix) => `${digestTag(digest)}.${suffix}`);
    const found = await Promise.all(tags.map(async (tag) => ({ tag, descriptor: await this.resolve(tag) })));
    return found.filter((f): f is { tag: string; descriptor: Descriptor } => f.descriptor !== undefined);
  }
}

export const COSIGN_SUFFIXES = ['sig', 'att', 'sbom'] as const;

function filterType(descriptors: Descriptor[], artifactType?: string): Descriptor[] {
  return artifactType ? descriptors.filter((d) => d.artifactType === artifactType) : descriptors;
}

/** The referrers tag schema: the index at tag `sha256-<hex>` lists the subject's referrers. */
export async function referrersFromTag(repo: OciRepository, digest: string): Promise<Descriptor[]> {
  try {
    const manifest = await repo.getManifest(digestTag(digest));
    return (manifest.json as ImageIndex).manifests ?? [];
  } catch (error) {
    // No index yet (a registry's 404, or a layout without the tag): no referrers.
    if ((error instanceof RegistryError && error.notFound) || (error as Error).name === 'LayoutError')
      return [];
    throw error;
  }
}

/** Add a referrer to the subject's referrers tag index (creating it), unless it is listed already. */
export async function addToReferrersIndex(
  repo: OciRepository,
  subject: string,
  referrer: Manifest,
): Promise<void> {
  const existing = await referrersFromTag(repo, subject);
  const { mediaType, digest, size } = referrer.descriptor;
  if (existing.some((d) => d.digest === digest)) return;
  const json = referrer.json;
  const entry: Descriptor = { mediaType, digest, size };
  const artifactType = artifactTypeOf(json);
  if (artifactType) entry.artifactType = artifactType;
  if (json.annotations) entry.annotations = json.annotations;
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: MediaType.OciIndex,
    manifests: [...existing, entry],
  };
  await repo.putManifest(
    new TextEncoder().encode(JSON.stringify(index)),
    MediaType.OciIndex,
    digestTag(subject),
  );
}

async function readLimited(response: HttpResponse, limit: number, what: string): Promise<Uint8Array> {
  try {
    return await response.bytes(limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      throw new Error(`${what} is over the ${limit}-byte limit for manifests`);
    throw error;
  }
}

/** Re-cut a stream into chunks of exactly `size` bytes (the last may be shorter). */
export async function* rechunk(body: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let buffer = Buffer.alloc(size);
  let filled = 0;
  for await (const piece of body) {
    let offset = 0;
    while (offset < piece.byteLength) {
      const take = Math.min(size - filled, piece.byteLength - offset);
      buffer.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        yield buffer;
        buffer = Buffer.alloc(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}
