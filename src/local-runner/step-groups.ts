import { ConfigurationError } from '../runtime/errors.js';

/**
 * GitHub's parallel step groups: `- parallel: [step | {sequential: [step…]}]` inside `steps:`.
 * Everything that reads steps (the local runner, the interface checks, the gate and consumer
 * checks) reads them through here, so a step inside a group is never missed.
 */
export interface FlatStep<T> {
  step: T;
  /** `parallel 2 / sequential 1` for a step inside a group; '' at the top level. */
  group: string;
}

/** Every step of a `steps:` list in document order, parallel groups and their sequences opened. */
export function flattenSteps<T extends object>(steps: unknown, where = 'steps'): FlatStep<T>[] {
  const flat: FlatStep<T>[] = [];
  const walk = (list: unknown, group: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, index) => {
      if (!item || typeof item !== 'object') return;
      const record = item as Record<string, unknown>;
      if ('parallel' in record || 'sequential' in record) {
        const key = 'parallel' in record ? 'parallel' : 'sequential';
        const extra = Object.keys(record).filter((k) => k !== key);
        if (extra.length)
          throw new ConfigurationError(
            `${where}: a ${key} group has ${extra.map((k) => `'${k}'`).join(', ')} beside '${key}'; put if:, env: and the like on its steps.`,
          );
        walk(record[key], `${group}${group ? ' / ' : ''}${key} ${index + 1}`);
        return;
      }
      flat.push({ step: item as T, group });
    });
  };
  walk(steps, '');
  return flat;
}
