import { secretFragments } from '../runtime/text.js';
import { SHORT_SECRET_LENGTH } from './constants.js';

/**
 * Everything that must be registered as a secret for one value read from Vault: the value, each
 * fragment the runner could print on a line of its own (secretFragments: split at CR and LF), and
 * when it is JSON, each string or number leaf and its fragments (the runner never looks inside a
 * JSON value registered whole). Booleans and null are not secrets and masking them would garble
 * every log line that says "true". The runtime's setSecret adds every form of each (escaped, …).
 */
export function maskParts(value: unknown): string[] {
  const parts = new Set<string>();
  const addText = (text: string) => {
    if (text.trim() === '') return;
    for (const fragment of secretFragments(text)) parts.add(fragment);
  };
  const walk = (node: unknown) => {
    if (typeof node === 'string') {
      addText(node);
      const parsed = parseJsonContainer(node);
      if (parsed !== undefined) walk(parsed);
    } else if (typeof node === 'number' && Number.isFinite(node)) addText(String(node));
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  if (typeof value === 'string' || typeof value === 'number') walk(value);
  else if (value && typeof value === 'object') {
    addText(JSON.stringify(value));
    walk(value);
  }
  return [...parts];
}

/** The value as it is handed on (outputs, env): strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function isShort(part: string): boolean {
  return part.length < SHORT_SECRET_LENGTH;
}

function parseJsonContainer(text: string): unknown {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}
