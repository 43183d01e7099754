/**
 * The `filters` input naming a file, through the bundled action: the file must resolve inside the
 * workspace (no absolute path, no `..`, no symbolic link out, whichever path component it is on),
 * and an error in a filters file names its line, never its content.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness/index.js';
import { events, Scenario } from '../support/git-scenarios.js';

const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const undo of cleanup) undo();
});

/** What an attacker would like echoed: valid-looking filters YAML holding a secret. */
const SECRET = 'hunter2-s3cr3t-value';
const OUTSIDE_YAML = `${SECRET}: 'src/**'\n`;

function setup() {
  const s = new Scenario();
  cleanup.push(() => s.cleanup());
  const outside = mkdtempSync(join(tmpdir(), 'gantry-outside-'));
  cleanup.push(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(outside, 'filters.yml'), OUTSIDE_YAML);
  const before = s.commit('one', { 'README.md': 'r\n' });
  const head = s.commit('two', { 'src/a.ts': 'a\n', '.github/filters.yml': "src: 'src/**'\n" });
  const workspace = s.checkout(head);
  return { s, outside, workspace, event: events.push({ before, after: head, ref: 'refs/heads/main' }) };
}

async function run(workspace: string, event: ReturnType<typeof events.push>, filters: string) {
  const result = await runAction({ action: 'changes', workspace, event, inputs: { filters } });
  return { ...result.main, all: result.main.stdout + result.main.stderr };
}

describe('filters file: only inside the workspace', () => {
  it('reads a file in the workspace, also through a symbolic link that stays inside', async () => {
    const { workspace, event } = setup();
    symlinkSync('.github/filters.yml', join(workspace, 'link.yml'));
    for (const filters of ['.github/filters.yml', './.github/filters.yml', 'link.yml']) {
      const main = await run(workspace, event, filters);
      expect(main.exitCode, main.all).toBe(0);
      expect(main.outputs.src).toBe('true');
    }
  });

  it('refuses an absolute path, a path with .., a symlinked file and a symlinked directory leading out', async () => {
    const { outside, workspace, event } = setup();
    symlinkSync(join(outside, 'filters.yml'), join(workspace, 'out.yml'));
    symlinkSync(outside, join(workspace, 'conf'));
    mkdirSync(join(workspace, 'sub'));
    symlinkSync('../conf', join(workspace, 'sub', 'up'));
    const cases: [string, string][] = [
      [join(outside, 'filters.yml'), 'an absolute path'],
      [`../${outside.split('/').pop()}/filters.yml`, "'..' is not allowed"],
      ['.github/../../x/filters.yml', "'..' is not allowed"],
      ['out.yml', 'outside the workspace'],
      ['conf/filters.yml', 'outside the workspace'],
      ['sub/up/filters.yml', 'outside the workspace'],
    ];
    for (const [filters, why] of cases) {
      const main = await run(workspace, event, filters);
      expect(main.exitCode, `${filters}: ${main.all}`).toBe(1);
      const errors = main.commands.filter((c) => c.command === 'error');
      expect(errors, filters).toHaveLength(1);
      expect(errors[0]!.value).toContain("Input 'filters'");
      expect(errors[0]!.value).toContain(why);
      expect(main.all).not.toContain(SECRET);
      expect(main.outputs).toEqual({});
    }
  });

  it('an error in a filters file names the line, never the keys or values', async () => {
    const { workspace, event } = setup();
    // The line each error must name (the YAML parser's own errors: some line).
    const files: Record<string, [string, RegExp]> = {
      'bad-yaml.yml': [`ok: 'src/**'\n${SECRET}: [unclosed\n`, /line \d+/],
      'bad-value.yml': [`ok: 'src/**'\n${SECRET}: 42\n`, /line 2\b/],
      'bad-name.yml': [`ok: 'src/**'\n"${SECRET} x": 'src/**'\n`, /line 2\b/],
      'bad-type.yml': [`ok:\n  - ${SECRET}: 'src/**'\n`, /line 2\b/],
      'bad-glob.yml': [`ok:\n  - '[${SECRET}'\n  - 'x/**'\n`, /line 2\b/],
      'reserved.yml': [`files: '${SECRET}/**'\n`, /line 1\b/],
      'alias.yml': [`ok: *${SECRET}\n`, /line \d+/],
    };
    for (const [name, [content, line]] of Object.entries(files)) {
      writeFileSync(join(workspace, name), content);
      const main = await run(workspace, event, name);
      if (main.exitCode === 0) continue; // a pattern the glob engine accepts is not an error
      const errors = main.commands.filter((c) => c.command === 'error');
      expect(errors, `${name}: ${main.all}`).toHaveLength(1);
      expect(errors[0]!.value).toContain(`(${name}, line `);
      expect(errors[0]!.value).toMatch(line);
      expect(main.all, name).not.toContain(SECRET);
    }
  });
});
