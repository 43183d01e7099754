import { HttpClient, type HttpOptions } from '../../src/net/index.js';
import { type CredentialSource, openRepository, RegistryClient } from '../../src/oci/index.js';
import { type PromoteConfig, readConfig } from '../../src/promote/config.js';
import type { PromoteDeps } from '../../src/promote/types.js';
import { CliRuntime } from '../../src/runtime/cli-runtime.js';
import { inputReader } from '../../src/runtime/inputs.js';
import { loadActionMetadata } from '../../src/runtime/metadata.js';
import { SUITE_ROOT } from '../harness/index.js';

/** The typed config exactly as the action reads it: defaults from action.yml, inputs by name. */
export function configFrom(inputs: Record<string, string>): PromoteConfig {
  const runtime = new CliRuntime({
    action: 'promote',
    metadata: loadActionMetadata('promote', SUITE_ROOT),
    inputs,
    env: {},
  });
  return readConfig(inputReader(runtime));
}

export function testClient(credentials?: CredentialSource, http: Partial<HttpOptions> = {}): RegistryClient {
  return new RegistryClient({
    http: new HttpClient({ backoffBaseMs: 5, backoffMaxMs: 50, retries: 4, breakerThreshold: 1000, ...http }),
    credentials,
  });
}

export function depsFor(client: RegistryClient, log: string[] = [], warnings: string[] = log): PromoteDeps {
  return {
    open: (ref, role) => openRepository(ref, client, { createLayout: role === 'destination' }),
    now: () => Date.parse('2026-11-26T12:00:00Z') + log.length,
    info: (message) => log.push(message),
    warn: (message) => warnings.push(message),
    run: {
      repository: 'acme/service',
      commit: 'c0ffee',
      workflowRun: 'https://github.com/acme/service/actions/runs/1',
      actor: 'octocat',
    },
  };
}
