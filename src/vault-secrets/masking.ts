import { SHORT_SECRET_LENGTH } from './constants.js';

/**
 * Everything that must be registered as a mask for one value read from Vault: the value, each of
 * its lines (the runner masks line by line), and when it is JSON, each string or number leaf and
 * their lines (the runner never looks inside a JSON value registered whole). Booleans and null are
 * not secrets and masking them would garble every log line that says "true".
 */
export function maskParts(value: unknown): string[] {
  const parts = new Set<string>();
  const addText = (text: string) => {
    if (text.trim() === '') return;
    parts.add(text);
    for (const line of text.split(/\r?\n/)) if (line.trim() !== '') parts.add(line.trim());
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
