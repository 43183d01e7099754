import { ConfigurationError } from './errors.js';
import type { Runtime } from './runtime.js';

/**
 * Typed readers over Runtime.getInput. Each input is parsed once, here, into the action's typed
 * config; a wrong value is a ConfigurationError naming the input, what was given and what is expected.
 */
export interface InputReader {
  string(name: string): string;
  required(name: string): string;
  optional(name: string): string | undefined;
  boolean(name: string, fallback?: boolean): boolean;
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T;
  integer(name: string, opts?: { min?: number; max?: number; fallback?: number }): number;
  /** Non-empty trimmed lines; lines starting with '#' are comments. */
  lines(name: string): string[];
  /** A duration such as 30s, 15m, 12h, 7d (or plain seconds). Returns milliseconds. */
  duration(name: string, fallback?: number): number | undefined;
  /** Bytes such as 512MB, 1GiB, 1000. */
  size(name: string, fallback?: number): number;
}

export function inputReader(runtime: Runtime): InputReader {
  const raw = (name: string) => runtime.getInput(name).trim();
  return {
    string: (name) => raw(name),
    required(name) {
      const value = raw(name);
      if (!value) throw new ConfigurationError(`Input '${name}' is required but was not given.`);
      return value;
    },
    optional(name) {
      const value = raw(name);
      return value === '' ? undefined : value;
    },
    boolean(name, fallback) {
      const value = raw(name);
      if (value === '' && fallback !== undefined) return fallback;
      return parseBoolean(name, value);
    },
    oneOf(name, allowed, fallback) {
      const value = raw(name);
      if (value === '' && fallback !== undefined) return fallback;
      const found = allowed.find((candidate) => candidate === value);
      if (found === undefined) throw ConfigurationError.forInput(name, value, `one of ${allowed.join(', ')}`);
      return found;
    },
    integer(name, opts = {}) {
      const value = raw(name);
      if (value === '' && opts.fallback !== undefined) return opts.fallback;
      const range = `an integer${opts.min !== undefined ? ` >= ${opts.min}` : ''}${opts.max !== undefined ? ` <= ${opts.max}` : ''}`;
      if (!/^-?\d+$/.test(value)) throw ConfigurationError.forInput(name, value, range);
      const n = Number(value);
      if (
        !Number.isSafeInteger(n) ||
        (opts.min !== undefined && n < opts.min) ||
        (opts.max !== undefined && n > opts.max)
      ) {
        throw ConfigurationError.forInput(name, value, range);
      }
      return n;
    },
    lines(name) {
      return runtime
        .getInput(name)
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
    },
    duration(name, fallback) {
      const value = raw(name);
      if (value === '') return fallback;
      const ms = parseDuration(value);
      if (ms === undefined)
        throw ConfigurationError.forInput(name, value, 'a duration such as 90s, 15m, 12h or 7d');
      return ms;
    },
    size(name, fallback) {
      const value = raw(name);
      if (value === '' && fallback !== undefined) return fallback;
      const bytes = parseSize(value);
      if (bytes === undefined)
        throw ConfigurationError.forInput(name, value, 'a size such as 512MB, 1GiB or 1048576');
      return bytes;
    },
  };
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw ConfigurationError.forInput(name, value, "'true' or 'false'");
}

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export function parseDuration(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?$/.exec(value.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * DURATION_UNITS[match[2] ?? 's']!);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

export function parseSize(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  if (!match) return undefined;
  const unit = SIZE_UNITS[match[2]!.toLowerCase()];
  return unit === undefined ? undefined : Math.round(Number(match[1]) * unit);
}

/** Inputs that cannot be combined: exactly one of them must be given. */
export function exactlyOneOf(runtime: Runtime, names: string[]): string {
  const given = names.filter((name) => runtime.getInput(name).trim() !== '');
  if (given.length !== 1) {
    throw new ConfigurationError(
      `Exactly one of the inputs ${names.map((n) => `'${n}'`).join(', ')} must be given; got ${given.length === 0 ? 'none' : given.map((n) => `'${n}'`).join(' and ')}.`,
    );
  }
  return given[0]!;
}
