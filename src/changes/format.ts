import type { ListFormat } from './constants.js';
import { encodePath, hasUnprintable } from './paths.js';

/**
 * `<filter>_files` in dorny/paths-filter's formats, safe for any name: json is exact; csv quotes
 * as RFC 4180 does; shell and escape never let a name end a quote, start a command or continue a
 * line, and a name starting with '-' is written as './-…' so it cannot be taken for an option.
 */
export function formatFiles(paths: readonly string[], format: ListFormat): string {
  switch (format) {
    case 'none':
      return '';
    case 'json':
      return JSON.stringify(paths);
    case 'csv':
      return paths.map(csvField).join(',');
    case 'shell':
      return paths.map((path) => shellQuote(optionSafe(path))).join(' ');
    case 'escape':
      return paths.map((path) => backslashEscape(optionSafe(path))).join(' ');
  }
}

const SHELL_SAFE = /^[a-zA-Z0-9,._+:@%/-]+$/;

function optionSafe(path: string): string {
  return path.startsWith('-') ? `./${path}` : path;
}

export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Single quotes for printable names; ANSI-C $'…' (byte escapes) when a name holds control or non-UTF-8 bytes. */
export function shellQuote(value: string): string {
  if (value === '') return "''";
  if (SHELL_SAFE.test(value)) return value;
  if (hasUnprintable(value)) return ansiC(value);
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function backslashEscape(value: string): string {
  let out = '';
  for (const char of value) {
    if (hasUnprintable(char)) out += ansiC(char);
    else if (/[^a-zA-Z0-9,._+:@%/-]/.test(char)) out += `\\${char}`;
    else out += char;
  }
  return out;
}

function ansiC(value: string): string {
  let out = "$'";
  for (const byte of encodePath(value)) {
    if (byte === 0x27) out += "\\'";
    else if (byte === 0x5c) out += '\\\\';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}'`;
}
