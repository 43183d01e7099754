import type { TlsOptions } from '../net/index.js';
import type { TlsConfig } from './config.js';

/**
 * Vault's TLS as src/net takes it: a custom CA, a client certificate, or (warned about) no
 * verification. Proxies are not set here: src/net reads HTTP(S)_PROXY and NO_PROXY from the
 * environment it is given, for Vault and for the runner's ID-token endpoint alike.
 */
export function vaultTls(tls: TlsConfig): TlsOptions {
  return { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: !tls.skipVerify };
}
