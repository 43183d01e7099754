import { oneLine } from '../runtime/text.js';
import type { AuditResult } from './audit.js';
import { KIND_LABEL } from './uses.js';
import type { SetResult } from './set.js';

/** Fixed-width columns for a terminal; every cell on one line whatever the file names hold. */
function table(header: string[], rows: string[][]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => oneLine(cell)));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

const status = (failing: boolean, allowed: boolean) => (failing ? 'FAIL' : allowed ? 'allowed' : 'ok');

export function auditTable(result: AuditResult): string {
  const out: string[] = [];
  if (result.uses.length) {
    out.push(
      table(
        ['status', 'where', 'pinning', 'mutable', 'suite', 'uses', 'why'],
        result.uses.map((u) => [
          status(u.failing, u.allowed),
          `${u.file}:${u.line}`,
          KIND_LABEL[u.kind],
          u.mutable ? 'yes' : 'no',
          u.suite ? 'yes' : 'no',
          u.version && u.kind === 'sha+comment' ? `${u.uses} # ${u.version}` : u.uses,
          u.reason,
        ]),
      ),
    );
  } else out.push('No uses: references found.');
  out.push('');
  if (result.images.length) {
    out.push(
      table(
        ['status', 'where', 'instruction', 'stage', 'image', 'why'],
        result.images.map((i) => [
          status(i.failing, i.allowed),
          `${i.file}:${i.line}`,
          i.instruction + (i.platform ? ` --platform=${i.platform}` : ''),
          i.stage ?? '',
          i.image,
          i.reason,
        ]),
      ),
    );
  } else out.push('No Dockerfile base images found.');
  for (const problem of result.problems) out.push('', `FAIL  ${oneLine(problem.message)}`);
  const mutable = result.uses.filter((u) => u.failing).length;
  const unpinned = result.images.filter((i) => i.failing).length;
  out.push(
    '',
    `${result.uses.length} uses: references (${mutable} failing), ${result.images.length} base images (${unpinned} not pinned by digest), ${result.problems.length} unreadable files.`,
  );
  return `${out.join('\n')}\n`;
}

export function auditJson(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function setReport(result: SetResult, version: string): string {
  const lines = result.changes.map(
    (c) => `${oneLine(`${c.file}:${c.line}`)}\n  - ${oneLine(c.from)}\n  + ${oneLine(c.to)}`,
  );
  for (const note of result.notes) lines.push(`note: ${oneLine(note)}`);
  const pin = result.sha ? `${result.sha} (${version})` : version;
  lines.push(
    result.changes.length
      ? `Rewrote ${result.changes.length} references in ${result.files.length} files to ${pin}; ${result.unchanged} already there.`
      : `All ${result.unchanged} references already at ${pin}; nothing rewritten.`,
  );
  return `${lines.join('\n')}\n`;
}
