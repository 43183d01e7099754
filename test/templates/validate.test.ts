// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub expressions are the test data
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/pins/audit.js';
import { parseUses } from '../../src/pins/uses.js';
import { TEMPLATE_NAMES } from '../../src/templates/names.js';
import {
  allExpressions,
  expressionError,
  injectableRuns,
  jobOutputProblems,
  interfaceProblems,
  SUITE,
  schemaErrors,
  stepUses,
  suiteFiles,
} from './checks.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const files = suiteFiles(root);
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const version = `v${(JSON.parse(read('package.json')) as { version: string }).version}`;
/** Files whose suite references users pin: they must name one released version. */
const pinnedByUsers = (path: string) =>
  path.startsWith('action-templates/') || path === '.github/workflows/service-pipeline.yml';

describe('every workflow, template and action.yml', () => {
  it('includes all the templates and the reusable workflows', () => {
    const paths = files.map((f) => f.path);
    for (const name of TEMPLATE_NAMES) expect(paths).toContain(`action-templates/${name}/action.yml`);
    expect(paths).toEqual(
      expect.arrayContaining(['.github/workflows/service-pipeline.yml', '.github/workflows/canary.yml']),
    );
  });

  it.each(files)('$path: no GitHub host written in (GHES takes every URL from the context)', ({ path }) => {
    const hosts = [...read(path).matchAll(/https?:\/\/(?:api\.)?github\.com\b[^\s"']*/g)].map((m) => m[0]);
    expect(hosts).toEqual([]);
  });

  it.each(files)('$path passes GitHub’s own parser', ({ path, role }) => {
    expect(schemaErrors(path, read(path), role)).toEqual([]);
  });

  it.each(files)('$path: every expression parses with @actions/expressions', ({ path, role }) => {
    const expressions = allExpressions(read(path));
    expect(expressions.map((e) => expressionError(e, role)).filter(Boolean)).toEqual([]);
  });

  it.each(files)(
    '$path: third-party actions are pinned by full SHA with a version comment',
    ({ path, role }) => {
      const problems: string[] = [];
      for (const step of stepUses(read(path), role, path)) {
        const ref = parseUses(step.uses, step.comment);
        const suite = ref.repository === SUITE;
        if (ref.kind === 'local') {
          // In a composite action ./ resolves against the caller's workspace, not the action.
          if (pinnedByUsers(path))
            problems.push(`${step.where}: ${step.uses} would resolve in the caller's repository`);
        } else if (suite && pinnedByUsers(path)) {
          const named =
            ref.kind === 'semver' ? ref.ref : ref.kind === 'sha+comment' ? ref.commentVersion : undefined;
          if (named !== version)
            problems.push(
              `${step.where}: ${step.uses} should name the release ${version} (tag or SHA + comment)`,
            );
        } else if (ref.kind !== 'sha+comment')
          problems.push(`${step.where}: ${step.uses} is ${ref.kind}, not a full SHA with # vX.Y.Z`);
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(files)(
    '$path: inputs given to and outputs read from suite actions exist in their action.yml',
    ({ path, role }) => {
      expect(interfaceProblems(root, read(path), role, path)).toEqual([]);
    },
  );

  it.each(files.filter((f) => f.role === 'workflow'))(
    '$path: needs.<job>.outputs read declared job outputs',
    ({ path }) => {
      expect(jobOutputProblems(read(path), path)).toEqual([]);
    },
  );

  it.each(files)(
    '$path: run scripts take expressions through env:, never pasted into the script',
    ({ path, role }) => {
      expect(injectableRuns(read(path), role, path)).toEqual([]);
    },
  );

  it('pins audit finds nothing mutable in the suite’s workflows, actions and templates', async () => {
    const result = await audit([
      join(root, '.github'),
      join(root, 'actions'),
      join(root, 'action-templates'),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.uses.filter((u) => u.failing).map((u) => `${u.file}:${u.line} ${u.uses}`)).toEqual([]);
    expect(result.uses.length).toBeGreaterThan(10);
  });

  it.each(TEMPLATE_NAMES)(
    'action-templates/%s has a README with its generated reference and a workflow example',
    async (name) => {
      const dir = join(root, 'action-templates', name);
      expect(existsSync(join(dir, 'README.md'))).toBe(true);
      const { render } = (await import(pathToFileURL(join(root, 'scripts/action-docs.mjs')).href)) as {
        render: (dir: string) => { readme: string; next?: string };
      };
      const { readme, next } = render(dir);
      expect(next).toBe(readme);
      expect(readme).toMatch(new RegExp(`uses: acme/gantry/action-templates/${name}@`));
      expect(readme).toContain('jobs:');
    },
  );
});

describe('the checks themselves catch what they are for', () => {
  const template = (step: string) => `name: t
description: d
runs:
  using: composite
  steps:
${step}`;

  it('a renamed or missing input, and an output that does not exist', () => {
    const problems = interfaceProblems(
      root,
      template(`    - id: q
      uses: acme/gantry/actions/quarantine@${version}
      with:
        report: x
    - shell: bash
      run: echo \${{ steps.q.outputs.verdicts }}
`),
      'action',
      't',
    );
    expect(problems).toEqual([
      expect.stringContaining("has no input 'report'"),
      expect.stringContaining("requires input 'reports'"),
      't: steps.q.outputs.verdicts is not an output of that action',
    ]);
  });

  it('a suite action that does not exist', () => {
    const problems = interfaceProblems(
      root,
      template(`    - uses: acme/gantry/actions/nope@${version}\n`),
      'action',
      't',
    );
    expect(problems).toEqual([expect.stringContaining('does not exist')]);
  });

  it('a job output that is not declared, or a job that is not needed', () => {
    const workflow = `on: push
jobs:
  build:
    runs-on: x
    outputs: { digest: x }
    steps: [{ run: echo }]
  deploy:
    needs: build
    if: needs.build.outputs.changed == 'true'
    runs-on: x
    steps: [{ run: 'echo \${{ needs.build.outputs.digest }} \${{ needs.test.outputs.verdict }}' }]
`;
    expect(jobOutputProblems(workflow, 'w')).toEqual([
      'w jobs.deploy.if: needs.build.outputs.changed is not an output of job build',
      'w jobs.deploy.steps[0].run: needs.test but test is not in needs',
      'w jobs.deploy.steps[0].run: needs.test.outputs.verdict is not an output of job test',
    ]);
  });

  it('schema errors, bad expressions and unknown contexts', () => {
    expect(schemaErrors('t', template('    - run: echo\n      shel: bash\n'), 'action')).not.toEqual([]);
    expect(
      schemaErrors('w', 'on: push\njobs:\n  a:\n    runs-on: x\n    step: []\n', 'workflow'),
    ).not.toEqual([]);
    expect(expressionError("inputs.a == 'b'", 'action')).toBeUndefined();
    expect(expressionError("inputs.a == 'b", 'action')).toBeDefined();
    expect(expressionError('secrets.token', 'action')).toMatch(/secrets/);
    expect(expressionError("always() && needs.build.outputs.changed == 'true'", 'workflow')).toBeUndefined();
    expect(
      injectableRuns(template('    - run: echo ${{ inputs.x }}\n      shell: bash\n'), 'action', 't'),
    ).toHaveLength(1);
    expect(allExpressions("a: ${{ x }} and ${{ 'y}}' }}\nif: success()\n")).toEqual([
      ' x ',
      " 'y}}' ",
      'success()',
    ]);
  });
});
