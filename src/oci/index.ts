/**
 * src/oci: the OCI registry client used by promote and layer-cache.
 *
 * References
 *   parseReference('ghcr.io/acme/app:1.2@sha256:…') → { kind: 'registry', registry, repository, tag?, digest? }
 *   parseReference('alpine')                       → docker.io/library/alpine (Docker Hub normalisation)
 *   parseReference('oci-layout:./out:v1')          → { kind: 'layout', dir, tag?, digest? }
 *   Throws InvalidReferenceError (with `.reason`); formatReference() turns one back into text.
 *
 * Client
 *   const client = new RegistryClient({ http: ctx.http(), credentials, insecureRegistries, onSecret: (s) => runtime.setSecret(s) });
 *   credentials: a CredentialSource (registry → {username, password} | undefined):
 *     credentialChain({ 'ghcr.io': { username, password } }, dockerConfigCredentials(runtime.env))
 *     reads $DOCKER_CONFIG/config.json or ~/.docker/config.json (auths, credHelpers, credsStore).
 *   Auth: anonymous, Basic, and the Bearer token flow (realm/service/scope from WWW-Authenticate,
 *   scopes per request, a mount asks for pull on its source too); tokens cached until expiry.
 *   Plain HTTP only for loopback registries and those in insecureRegistries; HTTPS otherwise.
 *   Every credential and token is passed to onSecret before it is used; none is ever put in a message.
 *
 * Repositories (OciRepository: the same interface for a registry repository and a layout directory)
 *   const repo = openRepository(ref, client)        // RegistryRepository or LayoutRepository
 *   repo.resolve(tagOrDigest)        → Descriptor | undefined      (HEAD, all four Accept types)
 *   repo.getManifest(tagOrDigest)    → Manifest { descriptor, bytes (exact), json }, digest verified
 *   repo.putManifest(bytes, mediaType, tagOrDigest) → Descriptor  (bytes unchanged; registry digest checked;
 *                                      a manifest with `subject` is added to the `sha256-<hex>` referrers
 *                                      tag index when the registry has no referrers API)
 *   repo.deleteManifest(digest)
 *   repo.hasBlob(digest), repo.openBlob(descriptor) → ReadableStream (verified while it streams),
 *   repo.pushBlob(descriptor, stream | bytes | () => Promise<stream>, { chunkSize? })  (monolithic PUT, or
 *                                      PATCH chunks; a function is opened alongside the upload session)
 *   repo.tags()                      → string[] (follows Link pagination)
 *   repo.referrers(digest, artifactType?) → Descriptor[] (referrers API, else the tag schema)
 *   RegistryRepository only: mountBlob(descriptor, fromRepo) → boolean (201 mounted; false = not
 *   mounted, copy instead), cosignTags(digest) → cosign's `sha256-<hex>.sig/.att/.sbom` tags present.
 *
 * Copying (used by promote): readTree(repo, ref, { concurrency | limit }) → ManifestTree { top, children, blobs } (all
 * verified; children read `concurrency` at once); copyTree(src, dst, tree, { concurrency, stats }) → blobs (present: skipped; same registry:
 * mounted; else streamed, verified, `concurrency` at once), then child manifests, then the top, by digest.
 *
 * Errors: RegistryError (status, code from the registry's error body), RegistryAuthError (a
 * ConfigurationError naming the registry and user), DigestMismatchError, InvalidReferenceError,
 * LayoutError; network failures are src/net's NetworkError / HttpTimeoutError / CircuitOpenError.
 */
import type { RegistryClient } from './client.js';
import { LayoutRepository } from './layout.js';
import type { Reference } from './reference.js';
import type { OciRepository } from './repository.js';

export {
  addToReferrersIndex,
  COSIGN_SUFFIXES,
  parseChallenge,
  RegistryClient,
  type RegistryClientOptions,
  RegistryRepository,
  rechunk,
  referrersFromTag,
  type UploadOptions,
} from './client.js';
export {
  type CopyOptions,
  type CopyStats,
  copyBlobs,
  copyTree,
  createLimiter,
  emptyStats,
  forEachLimit,
  type Limiter,
  type ManifestTree,
  type ReadTreeOptions,
  readTree,
} from './copy.js';
export {
  type CredentialHelperRunner,
  type CredentialSource,
  type Credentials,
  credentialChain,
  dockerConfigCredentials,
  dockerConfigPath,
  spawnCredentialHelper,
} from './credentials.js';
export {
  DigestMismatchError,
  digestOf,
  digestTag,
  isDigest,
  sha256,
  verifyBytes,
  verifyingStream,
} from './digest.js';
export { RegistryAuthError, RegistryError } from './errors.js';
export { LayoutError, LayoutRepository } from './layout.js';
export {
  artifactTypeOf,
  blobsOf,
  childrenOf,
  type Descriptor,
  type ImageIndex,
  type ImageManifest,
  INDEX_TYPES,
  isIndex,
  MANIFEST_ACCEPT,
  MANIFEST_TYPES,
  type Manifest,
  MediaType,
  parseManifest,
  type Platform,
} from './media-types.js';
export {
  apiHost,
  DOCKER_HUB,
  formatReference,
  InvalidReferenceError,
  isLoopback,
  isValidTag,
  LAYOUT_PREFIX,
  type LayoutReference,
  parseReference,
  type Reference,
  type RegistryReference,
} from './reference.js';
export type { BlobBody, OciRepository } from './repository.js';

/** The repository a reference names: a registry repository, or a layout directory (created when asked). */
export function openRepository(
  ref: Reference,
  client: RegistryClient,
  options: { createLayout?: boolean } = {},
): OciRepository {
  if (ref.kind === 'layout') return LayoutRepository.open(ref.dir, { create: options.createLayout });
  return client.repository(ref.registry, ref.repository);
}
