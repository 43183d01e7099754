import { describe, expect, it } from 'vitest';
import { isConfigurationError } from '../../src/runtime/errors.js';
import { configFrom } from './support.js';

const D = `sha256:${'b'.repeat(64)}`;
const ok = { source: `ghcr.io/acme/app@${D}`, destinations: 'ghcr.io/acme/app-prod:1.0' };

describe('promote inputs', () => {
  it('reads a full configuration with defaults from action.yml', () => {
    const config = configFrom({
      source: 'ghcr.io/acme/app:1.0',
      destinations: 'ghcr.io/acme/prod:1.0\n# comment\n  registry.internal:5000/acme/prod:1.0  ',
      'expected-digest': D,
      require: 'signature\nsbom, application/vnd.example+json',
      'stable-tag': 'stable',
      username: 'bot',
      password: 'hunter2',
      'insecure-registries': 'registry.internal:5000',
    });
    expect(config.source!.ref).toEqual({
      kind: 'registry',
      registry: 'ghcr.io',
      repository: 'acme/app',
      tag: '1.0',
    });
    expect(config.destinations.map((d) => d.text)).toEqual([
      'ghcr.io/acme/prod:1.0',
      'registry.internal:5000/acme/prod:1.0',
    ]);
    expect(config.require.map((r) => r.name)).toEqual(['signature', 'sbom', 'application/vnd.example+json']);
    expect(config).toMatchObject({
      copyReferrers: true,
      immutable: true,
      rollback: false,
      dryRun: false,
      concurrency: 6,
      stableTag: 'stable',
    });
    expect(config.credentials).toEqual({ username: 'bot', password: 'hunter2' });
    expect(config.insecureRegistries).toEqual(['registry.internal:5000']);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['unparsable source', { ...ok, source: 'ghcr.io/Acme/App:1' }, ["Input 'source'", 'lowercase']],
    [
      'source without tag or digest',
      { ...ok, source: 'ghcr.io/acme/app' },
      ["Input 'source'", 'a tag or a digest'],
    ],
    ['missing source', { destinations: ok.destinations }, ["Input 'source' is required"]],
    [
      'no destinations',
      { source: ok.source, destinations: '  \n# none\n' },
      ["Input 'destinations' is required"],
    ],
    [
      'destination by digest',
      { ...ok, destinations: `ghcr.io/acme/prod@${D}` },
      ["Input 'destinations'", 'not a digest'],
    ],
    [
      'destination without tag',
      { ...ok, destinations: 'ghcr.io/acme/prod' },
      ["Input 'destinations'", 'repository and tag'],
    ],
    [
      'duplicate destination',
      { ...ok, destinations: 'ghcr.io/acme/prod:1\nghcr.io/acme/prod:1' },
      ['listed twice'],
    ],
    [
      'unparsable destination',
      { ...ok, destinations: 'ghcr.io/acme/prod:bad tag' },
      ["Input 'destinations'", 'whitespace'],
    ],
    [
      'expected digest given as a tag',
      { ...ok, 'expected-digest': 'v1.2.3' },
      ["Input 'expected-digest'", '"v1.2.3"', 'a tag cannot pin'],
    ],
    ['expected digest too short', { ...ok, 'expected-digest': 'sha256:abc' }, ["Input 'expected-digest'"]],
    [
      'unknown require',
      { ...ok, require: 'signature, sbomm' },
      ["Input 'require'", '"sbomm"', 'signature, sbom, spdx'],
    ],
    ['invalid stable tag', { ...ok, 'stable-tag': 'stable!' }, ["Input 'stable-tag'"]],
    [
      'stable tag equal to a destination tag',
      { ...ok, 'stable-tag': '1.0' },
      ["Input 'stable-tag'", 'other than the destination tag'],
    ],
    ['password without username', { ...ok, password: 'p' }, ["'password' was given without 'username'"]],
    ['username without password', { ...ok, username: 'u' }, ["'username' was given without 'password'"]],
    [
      'bad insecure registry',
      { ...ok, 'insecure-registries': 'http://reg:5000' },
      ["Input 'insecure-registries'"],
    ],
    ['zero concurrency', { ...ok, concurrency: '0' }, ["Input 'concurrency'", '>= 1']],
    ['non-boolean immutable', { ...ok, immutable: 'yes' }, ["Input 'immutable'", "'true' or 'false'"]],
  ])('rejects %s', (_, inputs, parts) => {
    let error: unknown;
    try {
      configFrom(inputs);
    } catch (e) {
      error = e;
    }
    expect(isConfigurationError(error), String(error)).toBe(true);
    for (const part of parts) expect((error as Error).message).toContain(part);
  });

  it('needs no source for a rollback', () => {
    expect(configFrom({ rollback: 'true', destinations: 'ghcr.io/acme/prod:1' }).source).toBeUndefined();
  });
});
