import { details, escapeMarkdown, markdownTable } from '../runtime/index.js';
import type { ChangedFile } from './diff.js';
import type { Comparison } from './resolve.js';
import type { AffectedPackage } from './workspaces.js';

export interface FilterResult {
  name: string;
  files: string[];
}

const SHOWN_FILES = 1000;

/** The job summary: filters with their result and count, then the changed files collapsed. */
export function renderSummary(
  comparison: Pick<Comparison, 'base' | 'head' | 'reason'>,
  results: readonly FilterResult[],
  changes: readonly ChangedFile[],
  affected: readonly AffectedPackage[] | undefined,
): string {
  const code = (text: string) => `\`${text.replace(/`/g, '')}\``;
  let out = `### Changes\n\n${escapeMarkdown(comparison.reason)} (${code(comparison.base.slice(0, 12))}..${code(comparison.head.slice(0, 12))}), ${changes.length} changed file${changes.length === 1 ? '' : 's'}.\n\n`;
  out += markdownTable(
    ['filter', 'changed', 'files'],
    results.map((r) => [
      escapeMarkdown(r.name),
      r.files.length > 0 ? '✅ true' : 'false',
      String(r.files.length),
    ]),
  );
  if (affected) {
    out += `\n#### Affected packages (${affected.length})\n\n`;
    out += affected.length
      ? markdownTable(
          ['package', 'path', 'why'],
          affected.map((p) => [escapeMarkdown(p.name), escapeMarkdown(p.path), escapeMarkdown(p.reason)]),
        )
      : '_None._\n';
  }
  if (changes.length > 0) {
    const rows = changes
      .slice(0, SHOWN_FILES)
      .map((c) => [
        c.status,
        escapeMarkdown(c.previousPath !== undefined ? `${c.previousPath} → ${c.path}` : c.path),
      ]);
    const more =
      changes.length > SHOWN_FILES
        ? `\n_…and ${changes.length - SHOWN_FILES} more (see the \`files\` output)._\n`
        : '';
    out += `\n${details(`Changed files (${changes.length})`, markdownTable(['status', 'path'], rows) + more)}`;
  }
  return out;
}
