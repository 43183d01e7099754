/**
 * Property: whatever the layout of a workflow (indentation, list style, quoting of uses: and of
 * values, version comments, comment lines, CRLF), migrating a step changes only that step's lines,
 * the result parses, GitHub's parser accepts it, and a blocked step leaves the file as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { migrateText } from '../../src/migrate/rewrite.js';
import { schemaErrors } from '../templates/checks.js';
import { outside, stepSpans } from './spans.js';

const SHA = 'b'.repeat(40);
const TARGET = { suite: 'acme/gantry', version: 'v0.1.0', sha: SHA };

type Inputs = [string, string][];
const SOURCES: { uses: string; inputs: Inputs[] }[] = [
  {
    uses: 'dorny/paths-filter',
    inputs: [
      [['filters', "src:\n  - 'src/**'"]],
      [
        ['filters', '.github/filters.yml'],
        ['base', 'main'],
      ],
    ],
  },
  {
    uses: 'hashicorp/vault-action',
    inputs: [
      [
        ['url', 'https://vault.example.com'],
        ['method', 'jwt'],
        ['role', 'ci'],
        ['secrets', 'kv/data/ci token | TOKEN'],
      ],
    ],
  },
  {
    uses: 'actions/cache',
    inputs: [
      [
        ['path', 'node_modules'],
        ['key', `npm-$\{{ hashFiles('package-lock.json') }}`],
        ['restore-keys', 'npm-'],
      ],
      [
        ['path', '~/.npm'],
        ['key', 'npm'],
        ['upload-chunk-size', '1000'],
      ],
    ],
  },
  {
    uses: 'actions/cache/restore',
    inputs: [
      [
        ['path', 'dist'],
        ['key', `dist-$\{{ github.sha }}`],
        ['lookup-only', 'true'],
      ],
    ],
  },
  {
    uses: 'actions/cache/save',
    inputs: [
      [
        ['path', 'dist'],
        ['key', `dist-$\{{ github.sha }}`],
      ],
    ],
  },
  {
    uses: 'mikepenz/action-junit-report',
    inputs: [
      [
        ['report_paths', '**/TEST-*.xml'],
        ['fail_on_failure', 'true'],
      ],
      [['check_name', 'Tests']],
      [['report_paths', 'a.xml,b.xml']],
    ],
  },
  {
    uses: 'dorny/test-reporter',
    inputs: [
      [
        ['name', 'Tests'],
        ['path', 'reports/*.xml'],
        ['reporter', 'java-junit'],
        ['fail-on-error', 'false'],
      ],
      [
        ['name', 'T'],
        ['path', '*.trx'],
        ['reporter', 'dotnet-trx'],
      ],
    ],
  },
];

const layout = fc.record({
  source: fc.nat(SOURCES.length - 1),
  variant: fc.nat(5),
  unit: fc.constantFrom(2, 4),
  itemsIndented: fc.boolean(),
  usesQuote: fc.constantFrom('', "'", '"'),
  usesComment: fc.constantFrom('', ' # v4.2.0', ' # pinned by hand'),
  valueQuote: fc.constantFrom('', "'", '"'),
  commentInWith: fc.boolean(),
  id: fc.boolean(),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function render(l: Layout): string {
  const source = SOURCES[l.source]!;
  const inputs = source.inputs[l.variant % source.inputs.length]!;
  const u = ' '.repeat(l.unit);
  const item = l.itemsIndented ? u.repeat(3) : u.repeat(2);
  const key = `${item}  `;
  const lines = [
    '# a workflow',
    'on: push',
    'jobs:',
    `${u}build:`,
    `${u}${u}runs-on: ubuntu-latest`,
    `${u}${u}steps:`,
    `${item}- uses: actions/checkout@v4 # keep me`,
    '',
    `${item}- name: the step`,
    ...(l.id ? [`${key}id: step`] : []),
    `${key}uses: ${l.usesQuote}${source.uses}@v4${l.usesQuote}${l.usesComment}`,
    `${key}with:`,
  ];
  inputs.forEach(([name, value], i) => {
    if (l.commentInWith && i === 1) lines.push(`${key}${u}# about ${name}`);
    if (value.includes('\n'))
      lines.push(`${key}${u}${name}: |`, ...value.split('\n').map((v) => `${key}${u}${u}${v}`));
    else if (l.valueQuote === "'") lines.push(`${key}${u}${name}: '${value.replace(/'/g, "''")}'`);
    else if (l.valueQuote === '"' && !value.includes('"')) lines.push(`${key}${u}${name}: "${value}"`);
    else
      lines.push(
        `${key}${u}${name}: ${/^[\w~.*/-]|^\$\{\{/.test(value) && !/: |^[*]/.test(value) ? value : `'${value.replace(/'/g, "''")}'`}`,
      );
  });
  lines.push(`${item}- run: echo done   # trailing`, `${u}${u}# the end`);
  const eol = l.crlf ? '\r\n' : '\n';
  return lines.join(eol) + (l.finalNewline ? eol : '');
}

describe('gantry migrate, any layout', () => {
  it('changes only the migrated step’s lines; the result parses and GitHub accepts it; a blocked step leaves the file as it was', () => {
    fc.assert(
      fc.property(layout, (l) => {
        const text = render(l);
        expect(parseDocument(text).errors).toEqual([]);
        const result = migrateText(text, '.github/workflows/ci.yml', 'workflow', TARGET, {
          cacheRepository: 'ghcr.io/acme/cache',
        });
        expect(result.steps).toHaveLength(1);
        const [step] = result.steps;
        if (!step!.migrated) {
          expect(step!.blockers.length).toBeGreaterThan(0);
          expect(result.text).toBe(text);
          return;
        }
        expect(outside(result.text, stepSpans(result.text, [step!]))).toBe(
          outside(text, stepSpans(text, [step!])),
        );
        expect(parseDocument(result.text).errors).toEqual([]);
        expect(schemaErrors('ci.yml', result.text, 'workflow')).toEqual([]);
        expect(result.text).toContain(`acme/gantry/actions/`);
        if (l.crlf) expect(result.text.replace(/\r\n/g, '')).not.toContain('\n');
      }),
      { numRuns: 150, seed: Number(process.env.FC_SEED) || undefined, verbose: 1 },
    );
  });
});
