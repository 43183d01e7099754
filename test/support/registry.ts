/**
 * The CNCF distribution registry for tests: src/demo's launcher (anonymous or htpasswd auth), plus
 * token auth backed by test/support/token-issuer.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DistributionRegistry,
  launchDistributionRegistry,
} from '../../src/demo/services/distribution-registry.js';
import { startTokenIssuer, type TokenIssuer, type TokenIssuerOptions } from './token-issuer.js';

export { freePort, REGISTRY_BINARY } from '../../src/demo/services/distribution-registry.js';

export type RegistryAuthMode =
  | { kind: 'anonymous' }
  | { kind: 'htpasswd'; users: Record<string, string> }
  | { kind: 'token'; users: Record<string, string>; grant?: TokenIssuerOptions['grant']; expiresIn?: number };

export interface TestRegistry extends DistributionRegistry {
  issuer?: TokenIssuer;
}

export async function startRegistry(auth: RegistryAuthMode = { kind: 'anonymous' }): Promise<TestRegistry> {
  if (auth.kind !== 'token') return launchDistributionRegistry({ auth });
  const dir = mkdtempSync(join(tmpdir(), 'gantry-registry-'));
  const issuer = await startTokenIssuer({
    dir,
    service: 'registry.test',
    issuer: 'gantry-test-issuer',
    users: auth.users,
    grant: auth.grant,
    expiresIn: auth.expiresIn,
  });
  const registry = await launchDistributionRegistry({
    dir,
    auth: {
      kind: 'token',
      realm: issuer.url,
      service: 'registry.test',
      issuer: 'gantry-test-issuer',
      rootCertBundle: issuer.certFile,
    },
    onStop: () => issuer.stop(),
  });
  return { ...registry, issuer };
}
