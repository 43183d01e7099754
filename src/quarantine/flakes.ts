import { type Code, observe, type RunRecord } from './history.js';
import { stripParameters } from './identity.js';

/**
 * Flake detection over a window of run records (oldest first, this run last). A failure counts as
 * flaky when the same test also passed
 *  - in the same run (retries: outcome K),
 *  - on the same commit in another run or attempt (a re-run went green), or
 *  - in the neighbouring run while the file it lives in had the same content (nothing changed but
 *    the outcome).
 * The flake rate is flaky runs over the runs the test ran in.
 */
export type EvidenceKind = 'retry' | 'same-commit' | 'flip';

export interface FlakeEvidence {
  kind: EvidenceKind;
  run: string;
  attempt: number;
  sha: string;
}

export interface FlakeStat {
  /** A test id, or a family id when aggregated by family. */
  id: string;
  runs: number;
  flakyRuns: number;
  rate: number;
  evidence: FlakeEvidence[];
}

export interface DetectOptions {
  /** Aggregate parameterised tests as one family (default: each id on its own). */
  by?: 'id' | 'family';
}

interface Observation {
  record: RunRecord;
  code: Code;
  fileHash?: string;
}

export function detectFlakes(records: RunRecord[], options: DetectOptions = {}): FlakeStat[] {
  const keyOf = (id: string) => (options.by === 'family' ? stripParameters(id) : id);
  // Only tests that failed somewhere can be flaky: collect those first, then their observations.
  const suspects = new Map<string, Set<string>>();
  for (const record of records) {
    for (const [id, value] of Object.entries(record.tests)) {
      if (value[0] === 'P') continue;
      const key = keyOf(id);
      const ids = suspects.get(key) ?? new Set<string>();
      ids.add(id);
      suspects.set(key, ids);
    }
  }
  const stats: FlakeStat[] = [];
  for (const [key, ids] of suspects) {
    const observations: Observation[] = [];
    for (const record of records) {
      const seen = [...ids].map((id) => observe(record, id)).filter((o) => o !== undefined);
      if (seen.length === 0) continue;
      observations.push({
        record,
        code: worst(seen.map((o) => o.code)),
        fileHash: seen.length === 1 ? seen[0]!.fileHash : undefined,
      });
    }
    const stat = analyse(key, observations);
    if (stat.flakyRuns > 0) stats.push(stat);
  }
  return stats.sort((a, b) => b.rate - a.rate || b.flakyRuns - a.flakyRuns || a.id.localeCompare(b.id));
}

function worst(codes: Code[]): Code {
  if (codes.includes('K')) return 'K';
  return codes.includes('F') ? 'F' : 'P';
}

function analyse(id: string, observations: Observation[]): FlakeStat {
  const flagged = new Map<number, EvidenceKind>();
  const passedOn = new Set<string>();
  for (const o of observations) if (o.code !== 'F') passedOn.add(o.record.sha);
  observations.forEach((o, i) => {
    if (o.code === 'K') flagged.set(i, 'retry');
    else if (o.code === 'F' && passedOn.has(o.record.sha)) flagged.set(i, 'same-commit');
  });
  for (let i = 1; i < observations.length; i++) {
    const a = observations[i - 1]!;
    const b = observations[i]!;
    const flip = (a.code === 'F' && b.code !== 'F') || (a.code !== 'F' && b.code === 'F');
    if (!flip || a.fileHash === undefined || a.fileHash !== b.fileHash) continue;
    const failed = a.code === 'F' ? i - 1 : i;
    if (!flagged.has(failed)) flagged.set(failed, 'flip');
  }
  const evidence = [...flagged]
    .sort(([x], [y]) => x - y)
    .map(([i, kind]) => {
      const { run, attempt, sha } = observations[i]!.record;
      return { kind, run, attempt, sha };
    });
  const runs = observations.length;
  return { id, runs, flakyRuns: flagged.size, rate: runs === 0 ? 0 : flagged.size / runs, evidence };
}
