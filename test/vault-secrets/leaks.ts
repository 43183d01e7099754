/**
 * Scans everything a run wrote (stdout without the add-mask commands the runner consumes, stderr,
 * the summary, and every file left under the runner's temp directory, the structured log among
 * them) for secret values and their JSON-escaped, base64, URL-encoded and hex forms.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { ActionRun } from '../harness/index.js';
import { parseCommand } from '../harness/index.js';

export function forms(value: string): Record<string, string> {
  return {
    raw: value,
    json: JSON.stringify(value).slice(1, -1),
    base64: Buffer.from(value).toString('base64'),
    base64url: Buffer.from(value).toString('base64url'),
    url: encodeURIComponent(value),
    hex: Buffer.from(value).toString('hex'),
  };
}

/** Each value and each of its lines (a line alone is a leak too). */
function needles(values: string[]): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  for (const [i, value] of values.entries()) {
    const pieces = new Set([value, ...value.split('\n').map((l) => l.trim())].filter((p) => p.length >= 8));
    for (const piece of pieces) {
      for (const [form, text] of Object.entries(forms(piece)))
        out.push({ label: `value #${i}${piece === value ? '' : ' (a line)'} as ${form}`, text });
    }
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export interface ScanOptions {
  /** File names (set_output, set_env, save_state…) where values are expected and allowed. */
  allowFiles?: string[];
}

/** Where each value (or form of it) appears; empty when nothing leaked. */
export function scanRun(run: ActionRun, values: string[], options: ScanOptions = {}): string[] {
  const places: { where: string; text: string }[] = [];
  for (const step of run.steps) {
    const shown = step.stdout
      .split('\n')
      .filter((line) => parseCommand(line)?.command !== 'add-mask')
      .join('\n');
    places.push(
      { where: `${step.phase} stdout`, text: shown },
      { where: `${step.phase} stderr`, text: step.stderr },
      { where: `${step.phase} summary`, text: step.summary },
    );
  }
  for (const file of filesUnder(run.runnerTemp)) {
    if (options.allowFiles?.includes(basename(file))) continue;
    places.push({ where: relative(run.runnerTemp, file), text: readFileSync(file, 'utf8') });
  }
  const found: string[] = [];
  for (const needle of needles(values)) {
    for (const place of places)
      if (place.text.includes(needle.text)) found.push(`${needle.label} in ${place.where}`);
  }
  return found;
}
