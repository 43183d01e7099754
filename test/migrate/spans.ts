/** Where the migrated steps sit in a file, to compare everything else byte for byte. */
import { isMap, isSeq, type Node, parseDocument } from 'yaml';
import type { StepReport } from '../../src/migrate/rewrite.js';

/** The step maps a report names (jobs.<id>.steps[n] / runs.steps[n]), as [start, end) of their lines. */
export function stepSpans(text: string, reports: StepReport[]): [number, number][] {
  const doc = parseDocument(text);
  return reports.map((report) => {
    const m = /^(?:jobs\.(.+)\.steps|runs\.steps)\[(\d+)\]$/.exec(report.where)!;
    const path = m[1] ? ['jobs', m[1], 'steps'] : ['runs', 'steps'];
    const seq = doc.getIn(path, true);
    if (!isSeq(seq)) throw new Error(`no steps at ${report.where}`);
    const step = seq.items[Number(m[2]) - 1] as Node;
    if (!isMap(step) || !step.range) throw new Error(`no step at ${report.where}`);
    const start = text.lastIndexOf('\n', step.range[0] - 1) + 1;
    const next = text.indexOf('\n', step.range[1] - 1);
    return [start, next === -1 ? text.length : next + 1];
  });
}

export const outside = (text: string, spans: [number, number][]) => {
  let rest = '';
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    rest += `${text.slice(at, start)}\u0000`;
    at = end;
  }
  return rest + text.slice(at);
};
