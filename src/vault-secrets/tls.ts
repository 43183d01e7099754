import { Agent, type Dispatcher, EnvHttpProxyAgent } from 'undici';
import type { TlsConfig } from './config.js';

export interface ProxyConfig {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/** HTTP(S)_PROXY and NO_PROXY (either case) as the runner and most tools read them. */
export function proxyFromEnv(env: Readonly<Record<string, string | undefined>>): ProxyConfig {
  const pick = (name: string) => env[name.toLowerCase()] || env[name] || undefined;
  return { httpProxy: pick('HTTP_PROXY'), httpsProxy: pick('HTTPS_PROXY'), noProxy: pick('NO_PROXY') };
}

/**
 * Node's fetch trusts only the system CAs, sends no client certificate and ignores proxy variables;
 * a custom CA, a client certificate, tls-skip-verify or a proxy need an undici dispatcher handed to
 * src/net. Undefined when none of them applies (plain fetch).
 */
export function vaultDispatcher(tls: TlsConfig, proxy: ProxyConfig): Dispatcher | undefined {
  const custom = Boolean(tls.ca || tls.cert || tls.skipVerify);
  const tlsOptions = { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: !tls.skipVerify };
  if (proxy.httpProxy || proxy.httpsProxy) {
    // Through a proxy the TLS session to Vault runs inside the tunnel: requestTls; direct (NO_PROXY): connect.
    return new EnvHttpProxyAgent({
      ...proxy,
      noProxy: proxy.noProxy ?? '',
      connect: tlsOptions,
      requestTls: tlsOptions,
    });
  }
  return custom ? new Agent({ connect: tlsOptions }) : undefined;
}
