import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { ConfigurationError } from '../runtime/errors.js';
import { parseUses, type UsesRef } from './uses.js';

export type YamlRole = 'workflow' | 'action';

/** One `uses:` (or docker `runs.image:`) scalar with where exactly its value sits in the source. */
export interface LocatedUses {
  ref: UsesRef;
  node: Scalar;
  line: number;
  column: number;
  /** [start, end) of the scalar in the source, quotes included. */
  range: [number, number];
  /** More YAML follows on its line (`{uses: x@v1, with: …}`), so no comment can be added after it. */
  flow: boolean;
  /** The source text after the value up to the end of its line (spaces and comment). */
  trailing: string;
}

export interface ScannedYaml {
  doc: Document.Parsed;
  uses: LocatedUses[];
}

/**
 * Parses a workflow or action.yml with the `yaml` document API (ranges into the source, nothing
 * reformatted) and finds every step `uses:`, reusable-workflow `jobs.<id>.uses:` and docker
 * `runs.image: docker://…`. A file that is not YAML, or not shaped like its role, is a
 * ConfigurationError naming the file and line.
 */
export function scanYaml(text: string, file: string, role: YamlRole): ScannedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const { line, col } = lines.linePos(firstError.pos[0]);
    throw new ConfigurationError(
      `${file}:${line}:${col}: not valid YAML: ${firstError.message.split('\n')[0]}`,
    );
  }
  if (!isMap(doc.contents))
    throw new ConfigurationError(
      `${file}: not a ${role === 'workflow' ? 'workflow' : 'action.yml'}: the top level is not a mapping.`,
    );
  const found: LocatedUses[] = [];
  const seen = new Set<number>();
  const take = (written: unknown) => {
    if (written === null || written === undefined) return;
    // `uses: *ref` is the anchored scalar, wherever it is written; it is listed (and rewritten) once.
    const value = isAlias(written) ? written.resolve(doc) : written;
    if (isScalar(value) && value.range && seen.has(value.range[0])) return;
    const [start, end] = isScalar(value) && value.range ? [value.range[0], value.range[1]] : [0, 0];
    const { line, col } = lines.linePos(start);
    if (!isScalar(value) || typeof value.value !== 'string')
      throw new ConfigurationError(
        `${file}:${line}:${col}: uses: must be a string such as owner/repo@<full SHA>.`,
      );
    const lineEnd = text.slice(end).search(/\r|\n|$/);
    const trailing = text.slice(end, end + lineEnd);
    const flow = !/^(?:[ \t]*|[ \t]+#.*)$/.test(trailing);
    const comment = flow ? undefined : /^[ \t]+#(.*)$/.exec(trailing)?.[1];
    seen.add(start);
    found.push({
      ref: parseUses(value.value, comment),
      node: value,
      line,
      column: col,
      range: [start, end],
      flow,
      trailing,
    });
  };
  // A parallel step group (`- parallel: [step | {sequential: [step…]}]`) holds steps too: a
  // `uses:` inside one runs like any other and must be seen (and pinned) like any other.
  const steps = (seq: unknown) => {
    if (!isSeq(seq)) return;
    for (const step of seq.items) {
      if (!isMap(step)) continue;
      take(step.get('uses', true));
      steps(step.get('parallel', true));
      steps(step.get('sequential', true));
    }
  };
  const root = doc.contents as YAMLMap;
  if (role === 'workflow') {
    const jobs = root.get('jobs', true);
    if (isMap(jobs)) {
      for (const job of jobs.items) {
        if (!isMap(job.value)) continue;
        take(job.value.get('uses', true));
        steps(job.value.get('steps', true));
      }
    }
  } else {
    const runs = root.get('runs', true);
    if (isMap(runs)) {
      steps(runs.get('steps', true));
      const image = runs.get('image', true);
      if (isScalar(image) && typeof image.value === 'string' && image.value.startsWith('docker://'))
        take(image);
    }
  }
  return { doc, uses: found };
}

/** Which role a repository path plays, or undefined when it holds no `uses:` we audit. */
export function yamlRole(path: string): YamlRole | undefined {
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'workflow';
  if (/(^|\/)action\.ya?ml$/.test(path)) return 'action';
  return undefined;
}
