import { details, escapeMarkdown as esc, markdownTable } from '../runtime/text.js';
import type { PipelineDiff } from './diff.js';

export const SUMMARY_HEADING = 'What changed since the last green run';
const ROWS = 50;

const short = (sha: string | undefined) => (sha ? sha.replace(/^sha256:/, '').slice(0, 12) : '—');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** A duration such as 3 h 20 min or 2 d 4 h. */
export function age(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

function table(header: string[], rows: string[][]): string {
  const shown = markdownTable(header, rows.slice(0, ROWS));
  return rows.length > ROWS ? `${shown}\n…and ${rows.length - ROWS} more (see the diff file).\n` : shown;
}

/**
 * The job summary: what the code diff does not show first (moved tags, image digests, dependencies,
 * workflows, runner and toolchain, configuration names), then the code by top-level directory.
 */
export function renderSummary(diff: PipelineDiff, now: number, tripped: string[]): string {
  const parts: string[] = [`## ${SUMMARY_HEADING}\n`];
  const base = diff.base;
  const baseName = base.url ? `[run ${esc(base.run)}](${base.url})` : `run ${esc(base.run)}`;
  parts.push(
    `Baseline: ${baseName} at ${code(short(base.sha))}, ${age(now - base.time)} ago. This run: ${code(short(diff.head.sha))}.\n`,
  );
  let any = false;
  const section = (title: string, body: string) => {
    any = true;
    parts.push(`### ${title}\n\n${body}`);
  };
  if (diff.movedActionTags.length)
    section(
      '⚠️ Moved action tags',
      `The same \`uses:\` line now runs other code.\n\n${table(
        ['uses', 'was', 'now', 'in'],
        diff.movedActionTags.map((m) => [
          code(m.uses),
          code(short(m.before)),
          code(short(m.after)),
          esc(m.from.join(', ')),
        ]),
      )}`,
    );
  if (diff.imageDigests.length)
    section(
      'Image digests changed under the same tag',
      table(
        ['image', 'was', 'now', 'in'],
        diff.imageDigests.map((i) => [
          code(i.image),
          code(short(i.before)),
          code(short(i.after)),
          esc(i.from.join(', ')),
        ]),
      ),
    );
  if (diff.dependencies.length || diff.lockfiles.length) {
    const order = { upgraded: 2, downgraded: 1, added: 3, removed: 4, changed: 5 } as const;
    const deps = [...diff.dependencies].sort(
      (a, b) =>
        Number(!!b.major) - Number(!!a.major) ||
        Number(b.direct === true) - Number(a.direct === true) ||
        order[a.kind] - order[b.kind] ||
        (a.name < b.name ? -1 : 1),
    );
    const rows = deps.map((d) => [
      `${code(d.name)}${d.major ? ' **major**' : ''}`,
      d.kind,
      esc((d.before ?? []).join(', ') || '—'),
      esc((d.after ?? []).join(', ') || '—'),
      d.direct === undefined ? '' : d.direct ? 'direct' : 'transitive',
      esc(d.file),
    ]);
    const counts = ['added', 'removed', 'upgraded', 'downgraded', 'changed']
      .map((k) => [k, deps.filter((d) => d.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`);
    const majors = deps.filter((d) => d.major).length;
    let body = `${counts.join(', ')}${majors ? `; ${majors} major bump${majors === 1 ? '' : 's'}` : ''}.\n\n`;
    if (rows.length) body += table(['package', 'change', 'was', 'now', '', 'lockfile'], rows);
    if (diff.lockfiles.length)
      body += `\n${table(
        ['lockfile', 'change', 'note'],
        diff.lockfiles.map((l) => [esc(l.file), l.change, esc(l.note ?? '')]),
      )}`;
    section('Dependencies', body);
  }
  if (diff.workflow.length || diff.usesChanged.length) {
    let body = '';
    if (diff.workflow.length)
      body += table(
        ['file', 'change'],
        diff.workflow.map((w) => [esc(w.file), w.change]),
      );
    if (diff.usesChanged.length)
      body += `\n${table(
        ['uses', 'change'],
        diff.usesChanged.map((u) => [code(u.name), u.change]),
      )}`;
    section('Workflows and composite actions', body);
  }
  if (diff.runner.length || diff.toolchain.length)
    section(
      'Runner and toolchain',
      table(
        ['', 'was', 'now'],
        [...diff.runner, ...diff.toolchain].map((v) => [
          esc(v.name),
          esc(v.before ?? '—'),
          esc(v.after ?? '—'),
        ]),
      ),
    );
  if (diff.config.length)
    section(
      'Configuration',
      `Names only: values are compared by hash and never shown.\n\n${table(
        ['name', 'change'],
        diff.config.map((c) => [code(`${c.scope}.${c.name}`), c.change]),
      )}`,
    );
  if (diff.code) {
    const dirs = Object.entries(diff.code.directories).sort(([, a], [, b]) => b - a);
    const head = `${diff.code.commits === undefined ? '' : `${diff.code.commits} commit${diff.code.commits === 1 ? '' : 's'}, `}${diff.code.files} file${diff.code.files === 1 ? '' : 's'} changed.${diff.code.note ? ` ${esc(diff.code.note)}` : ''}\n\n`;
    const body = dirs.length
      ? details(
          'Files by top-level directory',
          table(
            ['directory', 'files'],
            dirs.map(([d, n]) => [esc(d || '(root)'), String(n)]),
          ),
        )
      : '';
    if (diff.code.files || diff.code.unknown) section('Code', head + body);
  }
  if (!any) parts.push('Nothing recorded changed.\n');
  if (tripped.length) parts.push(`\n**fail-on:** ${tripped.map(code).join(', ')} changed.\n`);
  return parts.join('\n');
}
