// Regenerates the Inputs/Outputs reference in each actions/<name>/README.md (and
// action-templates/<name>/README.md) from its action.yml, between the markers
//   <!-- gantry:reference:start --> … <!-- gantry:reference:end -->
// `node scripts/action-docs.mjs --check` fails when a README is out of date (run by the tests).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- gantry:reference:start -->';
const END = '<!-- gantry:reference:end -->';

const cell = (text) =>
  String(text ?? '')
    .trim()
    .replace(/\r?\n\s*\n/g, '<br><br>')
    .replace(/\r?\n/g, ' ')
    .replace(/\|/g, '\\|');

export function reference(actionYml) {
  const doc = parse(actionYml);
  const lines = [
    '### Inputs',
    '',
    '| input | required | default | description |',
    '| --- | --- | --- | --- |',
  ];
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    const def = spec?.default === undefined || spec?.default === '' ? '' : `\`${cell(spec.default)}\``;
    lines.push(`| \`${name}\` | ${spec?.required ? 'yes' : 'no'} | ${def} | ${cell(spec?.description)} |`);
  }
  lines.push('', '### Outputs', '', '| output | description |', '| --- | --- |');
  for (const [name, spec] of Object.entries(doc.outputs ?? {}))
    lines.push(`| \`${name}\` | ${cell(spec?.description)} |`);
  return `${START}\n<!-- generated from action.yml by scripts/action-docs.mjs; do not edit by hand -->\n\n${lines.join('\n')}\n\n${END}`;
}

export function documentedDirs() {
  const dirs = [];
  for (const parent of ['actions', 'action-templates']) {
    if (!existsSync(join(root, parent))) continue;
    for (const name of readdirSync(join(root, parent)).sort()) {
      if (!existsSync(join(root, parent, name, 'action.yml'))) continue;
      dirs.push(join(root, parent, name));
      // Sub-actions (actions/layer-cache/restore) have their own action.yml and README.
      for (const sub of readdirSync(join(root, parent, name)).sort())
        if (existsSync(join(root, parent, name, sub, 'action.yml'))) dirs.push(join(root, parent, name, sub));
    }
  }
  return dirs;
}

export function render(dir) {
  const readmePath = join(dir, 'README.md');
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
  const block = reference(readFileSync(join(dir, 'action.yml'), 'utf8'));
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) return { readmePath, readme, next: undefined };
  return { readmePath, readme, next: readme.slice(0, start) + block + readme.slice(end + END.length) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const problems = [];
  for (const dir of documentedDirs()) {
    const { readmePath, readme, next } = render(dir);
    if (next === undefined) problems.push(`${readmePath}: missing the ${START} … ${END} markers`);
    else if (next !== readme) {
      if (check)
        problems.push(`${readmePath}: out of date with action.yml (run node scripts/action-docs.mjs)`);
      else writeFileSync(readmePath, next);
    }
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}
