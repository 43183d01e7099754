import { escapeMarkdown, oneLine } from '../runtime/text.js';

// Workflow, job, step and test names come from the repository's files, which a pull request edits:
// every one of them is untrusted text wherever it is shown.

/** Markdown-safe text (src/runtime/text.ts escapeMarkdown), with @ made inert so a name mentions no one. */
export function safeMarkdown(text: string): string {
  return escapeMarkdown(text).replace(/@/g, '&#64;');
}

/**
 * Text for inside a Mermaid string ("…"): Mermaid has no escape for a quote inside a string, and a
 * newline, a backtick fence, `%%` directives or `;` would end the chart or the statement. Only
 * letters, digits, space and . , : _ / - › ( ) are kept; anything else becomes a space. Cut to `max`.
 */
export function mermaidText(text: string, max = 60): string {
  const kept = oneLine(text)
    .replace(/[^\p{L}\p{N} .,:_/›()-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return kept.length > max ? `${kept.slice(0, max - 1)}…` : kept;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = s / 60;
  if (m < 60) return `${Math.floor(m)} min ${Math.round(s % 60)} s`;
  const h = m / 60;
  if (h < 48) return `${Math.floor(h)} h ${Math.round(m % 60)} min`;
  return `${(h / 24).toFixed(1)} d`;
}

export function formatRate(rate: number | undefined): string {
  if (rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(rate * 100 === Math.round(rate * 100) ? 0 : 1)}%`;
}

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
