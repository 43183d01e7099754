import type { EventPayload, GitHubContext } from '../github/context.js';

export { branchOf, tagOf } from '../github/context.js';

/** What the changes action needs of the GitHub context (src/github reads it, once). */
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

export type Payload = EventPayload;

/** The payload is read here, for every event: a bad one is the context's ConfigurationError. */
export function eventContext(github: GitHubContext): EventContext {
  return {
    name: github.eventName,
    payload: github.payload,
    sha: github.sha,
    ref: github.ref,
    repository: github.repository,
    apiUrl: github.apiUrl,
    workflowFile: github.workflowFile,
  };
}

export const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);
