import { details, escapeMarkdown, markdownTable } from '../runtime/text.js';
import type { TagState } from './tags.js';
import type { PromoteResult } from './types.js';

const short = (digest: string | null) => (digest ? `\`${digest.slice(0, 19)}…\`` : '—');

/** The job summary: what moved where, how the content travelled, and the promotion record. */
export function renderSummary(result: PromoteResult, source: string | undefined): string {
  const title =
    result.record?.kind === 'rollback'
      ? 'Rollback'
      : result.dryRun
        ? 'Promotion plan (dry run)'
        : 'Promotion';
  const lines = [`### ${title}: \`${result.digest}\`\n`];
  if (source) lines.push(`Source: ${escapeMarkdown(source)}\n`);
  lines.push(
    markdownTable(
      ['tag', 'role', 'before', 'after', 'outcome'],
      result.tags.map((t) => [
        escapeMarkdown(t.reference),
        t.role,
        short(t.previous),
        short(t.digest),
        t.outcome,
      ]),
    ),
  );
  if (!result.dryRun && result.record?.kind !== 'rollback') {
    const s = result.stats;
    lines.push(
      `\nBlobs: ${s.blobsMounted} mounted, ${s.blobsCopied} copied (${s.bytesCopied} bytes), ${s.blobsPresent} already present; ${result.referrersCopied} referrers copied.\n`,
    );
  }
  if (result.record) {
    const checks = result.record.checks.map((c) => `- ${escapeMarkdown(c)}`).join('\n');
    lines.push(
      `\n**Record** \`${result.recordDigest}\` attached to \`${result.record.digest}\`:\n\n${checks}\n`,
    );
    lines.push(
      details(
        'Promotion record',
        `\`\`\`json\n${JSON.stringify(result.record, null, 2).replace(/```/g, '`\u200b``')}\n\`\`\``,
      ),
    );
  }
  return lines.join('\n');
}

/** After a failure while tags moved: what each destination tag holds now. */
export function renderFailureSummary(tags: TagState[]): string {
  return [
    '### Promotion failed: what each tag holds now\n',
    markdownTable(
      ['tag', 'role', 'holds', 'how'],
      tags.map((t) => [
        escapeMarkdown(t.reference),
        t.role,
        t.holds === undefined ? 'could not be read' : t.holds === null ? 'does not exist' : `\`${t.holds}\``,
        escapeMarkdown(t.note),
      ]),
    ),
    '',
  ].join('\n');
}
