import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../runtime/errors.js';

/** What the runner tells an action about the event that started the workflow. */
export interface EventContext {
  name: string;
  payload: Payload;
  /** GITHUB_SHA. */
  sha: string;
  /** GITHUB_REF, e.g. refs/heads/main or refs/tags/v1. */
  ref: string;
  repository: string;
  apiUrl: string;
  /** The workflow file (from GITHUB_WORKFLOW_REF), for `base: last-success`. */
  workflowFile?: string;
}

export interface Payload {
  before?: string;
  after?: string;
  created?: boolean;
  deleted?: boolean;
  forced?: boolean;
  ref?: string;
  repository?: { default_branch?: string; full_name?: string };
  pull_request?: {
    number: number;
    changed_files?: number;
    base: { sha: string; ref: string };
    head: { sha: string; ref: string; repo?: { fork?: boolean } };
  };
  merge_group?: { base_sha: string; head_sha: string; base_ref?: string; head_ref?: string };
  workflow_run?: { head_sha?: string; head_branch?: string };
}

export function readEventContext(env: Readonly<Record<string, string | undefined>>): EventContext {
  let payload: Payload = {};
  const path = env.GITHUB_EVENT_PATH;
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as Payload;
    } catch (error) {
      throw new ConfigurationError(
        `Cannot read the event payload GITHUB_EVENT_PATH=${path}: ${(error as Error).message}`,
      );
    }
  }
  const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
  const workflowFile = /\/\.github\/workflows\/([^@]+)@/.exec(workflowRef)?.[1];
  return {
    name: env.GITHUB_EVENT_NAME ?? '',
    payload,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    repository: env.GITHUB_REPOSITORY ?? payload.repository?.full_name ?? '',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    workflowFile,
  };
}

export function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

export function tagOf(ref: string): string | undefined {
  return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
}

export const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);
