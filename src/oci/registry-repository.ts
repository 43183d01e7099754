/**
 * A repository in a registry over the OCI distribution API v1.1: manifests kept byte for byte and
 * verified, blobs streamed (one PUT or PATCH chunks), cross-repository mounts, tag listing with
 * pagination, referrers (API, else the tag schema). Requests go through a RegistryTransport (the
 * RegistryClient), which adds the auth each registry asks for.
 */
import type { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse, RequestBody } from '../net/http.js';
import { BodyTooLargeError, NetworkError, safeUrl } from '../net/http.js';
import { DigestMismatchError, digestOf, digestTag, isDigest, verifyBytes, verified } from './digest.js';
import { RegistryError } from './errors.js';
import {
  type Descriptor,
  type ImageIndex,
  MANIFEST_ACCEPT,
  type Manifest,
  MediaType,
  parseManifest,
} from './media-types.js';
import { addToReferrersIndex, COSIGN_SUFFIXES, filterType, referrersFromTag } from './referrers-tag.js';
import type { BlobBody, OciRepository } from './repository.js';

/** What a registry repository needs of its client: URLs, authenticated requests, the manifest limit. */
export interface RegistryTransport {
  readonly maxManifestBytes: number;
  baseUrl(registry: string): string;
  send(registry: string, scopes: string[], req: HttpRequest): Promise<HttpResponse>;
}

/** Tags asked for per page (registries cap it: ECR and GHCR at 1000, Docker Hub lower). */
const TAG_PAGE = 1000;
const MAX_TAG_PAGES = 10_000;

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
    readonly client: RegistryTransport,
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
    // redirect 'error': an upload is never redirected, and its body streams once: a 3xx is an error,
    // not a second send.
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

  mountFrom(source: OciRepository): ((blob: Descriptor) => Promise<boolean>) | undefined {
    if (!(source instanceof RegistryRepository) || source.registry !== this.registry) return undefined;
    return (blob) => this.mountBlob(blob, source);
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
