import { isAbsolute, resolve } from 'node:path';
import { globMatcher } from '../glob/index.js';
import { ConfigurationError, type InputReader } from '../runtime/index.js';
import {
  CATEGORIES,
  DEFAULT_HISTORY_BRANCH,
  DEFAULT_TOOLCHAIN_TIMEOUT_MS,
  DEFAULT_TOOLCHAINS,
  DEFAULT_WINDOW,
  FAIL_ON_EXTRA,
  HISTORY_STORES,
  INPUT,
  MODES,
} from './constants.js';

export type Baseline = { kind: 'auto' } | { kind: 'run'; run: string } | { kind: 'sha'; sha: string };

export interface PipelineDiffConfig {
  mode: (typeof MODES)[number];
  baseline: Baseline;
  failOn: string[];
  history: (typeof HISTORY_STORES)[number];
  historyDir?: string;
  historyBranch: string;
  window: number;
  /** The `vars` context as passed in (toJSON(vars)): name -> value. */
  vars: Record<string, string>;
  configExcluded: (name: string) => boolean;
  toolchains: Record<string, string[]>;
  toolchainTimeoutMs: number;
  runnerLabels: string[];
  extraLockfile?: (path: string) => boolean;
  insecureRegistries: string[];
  diffFile?: string;
  githubToken?: string;
}

export function parseBaseline(value: string): Baseline {
  const text = value.trim();
  if (text === '' || text === 'auto' || text === 'last-green') return { kind: 'auto' };
  const explicit = /^(run|sha):(.*)$/.exec(text);
  const kind = explicit?.[1];
  const body = explicit ? explicit[2]!.trim() : text;
  if (kind !== 'sha' && /^[1-9]\d{0,19}$/.test(body)) return { kind: 'run', run: body };
  if (kind !== 'run' && /^[0-9a-f]{7,64}$/.test(body)) return { kind: 'sha', sha: body };
  throw ConfigurationError.forInput(
    INPUT.baseline,
    value,
    'auto (the last successful run of this workflow on this branch), a workflow run id such as 9876543210, or a commit SHA (7 to 64 hex digits); run:<id> or sha:<sha> to say which',
  );
}

/** `tool: command args…` lines; a bare name from the defaults (node, python, go, java, docker, git). */
export function parseToolchains(lines: string[]): Record<string, string[]> {
  if (lines.length === 0) return { ...DEFAULT_TOOLCHAINS };
  const tools: Record<string, string[]> = {};
  for (const line of lines) {
    if (line === 'defaults') {
      Object.assign(tools, DEFAULT_TOOLCHAINS);
      continue;
    }
    const match = /^([A-Za-z0-9_.-]+)\s*(?::\s*(.*))?$/.exec(line);
    const name = match?.[1];
    const command = match?.[2]?.trim();
    if (!name || (command === undefined && !DEFAULT_TOOLCHAINS[name]) || command === '')
      throw ConfigurationError.forInput(
        INPUT.toolchains,
        line,
        `one tool per line: a default name (${Object.keys(DEFAULT_TOOLCHAINS).join(', ')}), 'defaults', or name: command args (e.g. rust: rustc --version)`,
      );
    tools[name] = command === undefined ? DEFAULT_TOOLCHAINS[name]! : command.split(/\s+/);
  }
  return tools;
}

function parseVars(value: string | undefined): Record<string, string> {
  if (value === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    // The value may be a secret passed by mistake: it is never echoed.
    throw new ConfigurationError(
      `Input '${INPUT.vars}': not JSON; pass the vars context as vars: \${{ toJSON(vars) }}.`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigurationError(
      `Input '${INPUT.vars}': expected a JSON object of names and values, as \${{ toJSON(vars) }} gives.`,
    );
  const vars: Record<string, string> = {};
  for (const [name, v] of Object.entries(parsed as Record<string, unknown>))
    vars[name] = typeof v === 'string' ? v : JSON.stringify(v);
  return vars;
}

export function readConfig(inputs: InputReader, workspace: string): PipelineDiffConfig {
  const mode = inputs.oneOf(INPUT.mode, MODES, 'record');
  const failOn = inputs
    .string(INPUT.failOn)
    .split(/[\s,]+/)
    .filter(Boolean);
  const known = [...CATEGORIES, ...FAIL_ON_EXTRA] as readonly string[];
  for (const name of failOn)
    if (!known.includes(name))
      throw ConfigurationError.forInput(INPUT.failOn, name, `category names from ${known.join(', ')}`);
  const history = inputs.oneOf(INPUT.history, HISTORY_STORES, 'cache');
  const historyDirInput = inputs.optional(INPUT.historyDir);
  if (history === 'dir' && historyDirInput === undefined)
    throw new ConfigurationError(
      `Input '${INPUT.historyDir}' is required with history: dir; give the directory that keeps the run records.`,
    );
  const historyBranch = inputs.optional(INPUT.historyBranch) ?? DEFAULT_HISTORY_BRANCH;
  if (!/^(?!.*\.\.)(?!\/)(?!.*\/$)[A-Za-z0-9._/-]+$/.test(historyBranch) || historyBranch.endsWith('.lock'))
    throw ConfigurationError.forInput(
      INPUT.historyBranch,
      historyBranch,
      `a branch name such as ${DEFAULT_HISTORY_BRANCH}`,
    );
  const exclude = inputs.lines(INPUT.configExclude);
  const lockGlobs = inputs.lines(INPUT.lockfiles);
  const diffFile = inputs.optional(INPUT.diffFile);
  return {
    mode,
    baseline: parseBaseline(inputs.string(INPUT.baseline)),
    failOn,
    history,
    historyDir: historyDirInput === undefined ? undefined : inWorkspace(workspace, historyDirInput),
    historyBranch,
    window: inputs.integer(INPUT.window, { min: 1, max: 10_000, fallback: DEFAULT_WINDOW }),
    vars: parseVars(inputs.optional(INPUT.vars)),
    configExcluded: exclude.length ? globMatcher(exclude) : () => false,
    toolchains: parseToolchains(inputs.lines(INPUT.toolchains)),
    toolchainTimeoutMs:
      inputs.duration(INPUT.toolchainTimeout, DEFAULT_TOOLCHAIN_TIMEOUT_MS) ?? DEFAULT_TOOLCHAIN_TIMEOUT_MS,
    runnerLabels: inputs
      .string(INPUT.runnerLabels)
      .split(/[\s,]+/)
      .filter(Boolean),
    extraLockfile: lockGlobs.length ? globMatcher(lockGlobs) : undefined,
    insecureRegistries: inputs
      .string(INPUT.insecureRegistries)
      .split(/[\s,]+/)
      .filter(Boolean),
    diffFile: diffFile === undefined ? undefined : inWorkspace(workspace, diffFile),
    githubToken: inputs.optional(INPUT.githubToken),
  };
}

function inWorkspace(workspace: string, path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}
