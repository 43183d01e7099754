import { Agent } from 'undici';
import type { TlsConfig } from './config.js';

/**
 * Node's fetch trusts only the system CAs and sends no client certificate; a custom CA, a client
 * certificate or tls-skip-verify need an undici Agent handed to src/net as its dispatcher.
 */
export function tlsDispatcher(tls: TlsConfig): Agent | undefined {
  if (!tls.ca && !tls.cert && !tls.skipVerify) return undefined;
  return new Agent({
    connect: {
      ca: tls.ca,
      cert: tls.cert,
      key: tls.key,
      rejectUnauthorized: !tls.skipVerify,
    },
  });
}
