/** The rules file: every key decided, every mistake an error naming the input, the place and the fix. */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/retention/policy.js';
import { rank } from '../../src/retention/rules.js';

const repo = (body: string) => `repositories:\n  - repository: registry.test/acme/app\n${body}`;
const parse = (text: string) => () => parsePolicy(text, 'retention.yml');

describe('rules file', () => {
  it('reads the documented schema', () => {
    const policy = parsePolicy(
      repo(`    environments:
      production: { keep-last: 10, keep-within: 90d, tags: [production, prod] }
      staging: { keep-last: 3 }
    keep-tags: [latest, 'v*']
    expire-tags:
      - { pattern: 'pr-*', after: 7d }
      - { pattern: 'sha-*', after: 30d, keep-last: 20 }
    expire-untagged: { after: 14d }
`),
      'retention.yml',
    ).repositories[0]!;
    expect(policy.ref).toMatchObject({ registry: 'registry.test', repository: 'acme/app' });
    expect(policy.environments.map((e) => [e.name, e.keepLast, e.keepWithinMs])).toEqual([
      ['production', 10, 90 * 86_400_000],
      ['staging', 3, undefined],
    ]);
    expect(policy.environments[1]!.tags[0]!.test('staging')).toBe(true);
    expect(policy.expireTags[1]).toMatchObject({ afterMs: 30 * 86_400_000, keepLast: 20 });
    expect(policy.expireTags[0]!.pattern.test('pr-12')).toBe(true);
    expect(policy.expireTags[0]!.pattern.test('v1.0')).toBe(false);
    expect(policy.expireUntaggedAfterMs).toBe(14 * 86_400_000);
    expect(policy.package).toBeUndefined();
  });

  it('a ghcr.io repository deletes through GitHub Packages, its package named by the path', () => {
    const policy = parsePolicy('repositories:\n  - repository: ghcr.io/acme/app/web\n', 'r.yml')
      .repositories[0]!;
    expect(policy.package).toEqual({ owner: 'acme', ownerType: 'org', name: 'app/web' });
  });

  it.each([
    ['not YAML', 'repositories: [\n', /retention\.yml: not valid YAML/],
    ['no repositories', 'other: 1\n', /the file: unknown key 'other'/],
    ['empty list', 'repositories: []\n', /repositories: expected a list with at least one repository/],
    [
      'unknown repository key',
      repo('    keep-tag: [latest]\n'),
      /repositories\[0\]: unknown key 'keep-tag' \(known: /,
    ],
    [
      'unknown environment key',
      repo('    environments:\n      prod: { keep-lats: 3 }\n'),
      /environments\.prod: unknown key 'keep-lats'/,
    ],
    [
      'negative keep-last',
      repo('    environments:\n      prod: { keep-last: -1 }\n'),
      /environments\.prod\.keep-last: got -1; expected an integer >= 0/,
    ],
    [
      'fractional keep-last',
      repo('    environments:\n      prod: { keep-last: 1.5 }\n'),
      /got 1\.5; expected an integer >= 0/,
    ],
    [
      'missing keep-last',
      repo('    environments:\n      prod: { keep-within: 3d }\n'),
      /prod\.keep-last: required/,
    ],
    [
      'bad duration',
      repo("    expire-tags:\n      - { pattern: 'pr-*', after: 'a week' }\n"),
      /expire-tags\[0\]\.after: got "a week"; expected a duration such as 12h, 7d or 2w/,
    ],
    [
      'missing after',
      repo("    expire-tags:\n      - { pattern: 'pr-*' }\n"),
      /expire-tags\[0\]\.after: expected an age/,
    ],
    [
      'pattern that is no glob',
      repo("    expire-tags:\n      - { pattern: 'pr-[z-a]', after: 7d }\n"),
      /expire-tags\[0\]\.pattern: 'pr-\[z-a\]' is not a valid glob/,
    ],
    [
      'pattern no tag can match',
      repo("    keep-tags: ['release/*']\n"),
      /keep-tags\[0\]: 'release\/\*' can never match a tag/,
    ],
    [
      'pattern not a string',
      repo('    expire-tags:\n      - { pattern: 7, after: 7d }\n'),
      /expire-tags\[0\]\.pattern: expected a tag glob/,
    ],
    [
      'repository with a tag',
      'repositories:\n  - repository: registry.test/acme/app:v1\n',
      /must name a registry repository, without tag or digest/,
    ],
    [
      'repository twice',
      'repositories:\n  - repository: r.test/a\n  - repository: r.test/a\n',
      /repositories\[1\]\.repository: 'r\.test\/a' is listed twice/,
    ],
    [
      'bad owner-type',
      repo('    package: { owner: acme, name: app, owner-type: team }\n'),
      /package\.owner-type: got 'team'; expected org or user/,
    ],
  ])('%s is an error naming the input and the place', (_what, text, message) => {
    expect(parse(text)).toThrow(message);
    expect(parse(text)).toThrow(/^Input 'rules': retention\.yml: .*See the rules file schema/);
  });
});

describe('the shared rule engine', () => {
  it("'all' keeps what is within every limit (prune); 'any' what is within one (environments)", () => {
    const items = [0, 1, 2, 3].map((age) => ({ age }));
    const by = { group: () => 'g', time: (i: { age: number }) => 100 - i.age * 10 };
    const limits = { keepLast: 2, maxAgeMs: 15 };
    expect(rank(items, by, limits, 100, 'all').map((r) => r.expired)).toEqual([false, false, true, true]);
    expect(rank(items, by, { keepLast: 3, maxAgeMs: 5 }, 100, 'all').map((r) => r.expired)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(rank(items, by, { keepLast: 1, maxAgeMs: 15 }, 100, 'any').map((r) => r.expired)).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(rank(items, by, {}, 100, 'all').every((r) => !r.expired)).toBe(true);
  });
});
