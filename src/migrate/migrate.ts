/**
 * `gantry migrate`: every workflow and action.yml of a repository, each step that uses an action
 * Gantry replaces rewritten in memory and verified; written only with `write`, each file atomically.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { ConfigurationError } from '../runtime/errors.js';
import { listRepoFiles } from '../pins/repo-files.js';
import { insideRepository, type PinTarget, writeFileAtomic } from '../pins/set.js';
import { yamlRole } from '../pins/yaml-refs.js';
import { unifiedDiff } from './diff.js';
import type { MigrateOptions } from './mappings.js';
import { migrateText, type StepReport } from './rewrite.js';

export interface MigrateResult {
  root: string;
  steps: StepReport[];
  /** Unified diffs of the files that change, in path order. */
  diffs: string[];
  /** Files written (only with write). */
  written: string[];
  /** Steps that could not be migrated safely: the exit code is 1. */
  blocked: number;
}

export async function migrateRepository(
  dir: string,
  target: PinTarget,
  options: MigrateOptions & { write?: boolean; env?: Readonly<Record<string, string | undefined>> },
): Promise<MigrateResult> {
  const { root, files } = await listRepoFiles(dir, options.env);
  const realRoot = realpathSync(root);
  const result: MigrateResult = { root, steps: [], diffs: [], written: [], blocked: 0 };
  const pending: { abs: Buffer; path: string; text: string }[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const role = yamlRole(file.path);
    if (!role) continue;
    insideRepository(realRoot, file.abs, file.path);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(file.abs));
    } catch {
      throw new ConfigurationError(
        `${file.path}: not UTF-8 text; GitHub reads workflows as UTF-8. Nothing was rewritten.`,
      );
    }
    const migrated = migrateText(text, file.path, role, target, options);
    result.steps.push(...migrated.steps);
    if (migrated.text === text) continue;
    if (lstatSync(file.abs).isSymbolicLink())
      throw new ConfigurationError(
        `${file.path} is a symbolic link: migrate the file it points to instead. Nothing was rewritten.`,
      );
    result.diffs.push(unifiedDiff(file.path, text, migrated.text));
    pending.push({ abs: file.abs, path: file.path, text: migrated.text });
  }
  result.blocked = result.steps.filter((s) => !s.migrated).length;
  if (options.write)
    for (const file of pending) {
      writeFileAtomic(insideRepository(realRoot, file.abs, file.path), file.text);
      result.written.push(file.path);
    }
  return result;
}

/** The report printed after the diff: per step, what it became and what changes in behaviour. */
export function migrateReport(result: MigrateResult, write: boolean): string {
  const lines: string[] = [];
  if (!result.steps.length) return 'No step uses an action gantry migrate replaces.\n';
  for (const step of result.steps) {
    lines.push(
      step.migrated
        ? `${step.file}:${step.line} ${step.where}: ${step.from} -> ${step.to}`
        : `${step.file}:${step.line} ${step.where}: ${step.from}: NOT MIGRATED`,
    );
    for (const blocker of step.blockers) lines.push(`  ✗ ${blocker}`);
    for (const note of step.notes) lines.push(`  - ${note}`);
  }
  const migrated = result.steps.length - result.blocked;
  lines.push(
    '',
    `${migrated} of ${result.steps.length} steps migrated${
      write ? ` (${result.written.length} files written)` : ' (dry run: nothing written; --write writes)'
    }${result.blocked ? `; ${result.blocked} cannot be migrated safely (✗ says why; they are left as they are)` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}
