/**
 * A client for the OCI distribution API v1.1 over src/net's HttpClient: anonymous, basic and bearer
 * token auth (auth.ts: scopes per request, including the source of a cross-repository mount), every
 * manifest type accepted and kept byte for byte, every digest verified (registry-repository.ts).
 */
import type { HttpClient, HttpRequest, HttpResponse } from '../net/http.js';
import { RegistryAuthenticator } from './auth.js';
import {
  type Credentials,
  type CredentialSource,
  credentialChain,
  dockerConfigCredentials,
} from './credentials.js';
import { apiHost, isLoopback } from './reference.js';
import { RegistryRepository, type RegistryTransport } from './registry-repository.js';

// Where these lived before the split; importers of './client.js' keep working.
export { parseChallenge } from './auth.js';
export { addToReferrersIndex, COSIGN_SUFFIXES, referrersFromTag } from './referrers-tag.js';
export { rechunk, RegistryRepository, type UploadOptions } from './registry-repository.js';

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

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export class RegistryClient implements RegistryTransport {
  private readonly insecure: Set<string>;
  private readonly auth: RegistryAuthenticator;
  readonly maxManifestBytes: number;

  constructor(readonly options: RegistryClientOptions) {
    this.insecure = new Set(options.insecureRegistries ?? []);
    this.maxManifestBytes = options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
    this.auth = new RegistryAuthenticator({
      http: options.http,
      credentials: options.credentials,
      insecure: this.insecure,
      onSecret: options.onSecret,
      now: options.now ?? Date.now,
      baseUrl: (registry) => this.baseUrl(registry),
    });
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
  send(registry: string, scopes: string[], req: HttpRequest): Promise<HttpResponse> {
    return this.auth.send(registry, scopes, req);
  }
}

export interface AdapterClientOptions {
  http: HttpClient;
  /** The step's environment: its Docker config file (DOCKER_CONFIG, HOME) gives the credentials. */
  env: Readonly<Record<string, string | undefined>>;
  /** Credentials given as inputs, per registry; they come before the Docker config file. */
  explicit?: Record<string, Credentials>;
  insecureRegistries?: readonly string[];
  onSecret?: (value: string) => void;
}

/**
 * The registry client every adapter builds (promote, layer-cache, `gantry policy`): credentials
 * given as inputs first, then the Docker config file, as docker/login-action leaves it.
 */
export function createRegistryClient(options: AdapterClientOptions): RegistryClient {
  return new RegistryClient({
    http: options.http,
    credentials: credentialChain(options.explicit ?? {}, dockerConfigCredentials(options.env)),
    insecureRegistries: options.insecureRegistries,
    onSecret: options.onSecret,
  });
}
