import { createHash } from 'node:crypto';
import { callGitHub, type GitHub } from '../github/client.js';

/**
 * The test report where GitHub shows it beyond the step's ten annotations a level: a check run
 * whose annotations carry every failure, and one pull request comment kept up to date.
 *
 * The Checks API takes at most 50 annotations a request: the run is created completed (so the
 * verdict shows even if a later batch fails) with the first 50, and each further 50 is an update,
 * which GitHub appends. Neither request is retried on a server error: both add what they carry, and
 * a repeat would duplicate it. Rate limits are waited out by the client, which creates nothing.
 */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's caps on a check run's output texts and a comment body (characters). */
export const OUTPUT_TEXT_LIMIT = 65_535;
export const COMMENT_LIMIT = 65_536;

export interface CheckRunRequest {
  name: string;
  headSha: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  annotations: Iterable<CheckAnnotation> | AsyncIterable<CheckAnnotation>;
}

export interface CheckRunRef {
  id: number;
  url: string;
  annotations: number;
  requests: number;
}

/** A GitHub call that failed, with its HTTP status: a read-only token answers 403. */
export class GitHubWriteError extends Error {
  override name = 'GitHubWriteError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
  /** 401, 403 or 404: the token may not write here (a fork or Dependabot pull request's token). */
  get denied(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 404;
  }
}

export class GitHubReporter {
  private readonly owner: string;
  private readonly repo: string;

  constructor(
    private readonly client: GitHub,
    private readonly repository: string,
  ) {
    [this.owner = '', this.repo = ''] = repository.split('/');
  }

  async checkRun(request: CheckRunRequest): Promise<CheckRunRef> {
    const output = { title: request.title.slice(0, 255), summary: clip(request.summary, OUTPUT_TEXT_LIMIT) };
    let ref: CheckRunRef | undefined;
    let batch: CheckAnnotation[] = [];
    const send = async (annotations: CheckAnnotation[]) => {
      if (ref === undefined) {
        const created = await this.call('POST', `/repos/${this.repository}/check-runs`, () =>
          this.client.rest.checks.create({
            owner: this.owner,
            repo: this.repo,
            name: request.name,
            head_sha: request.headSha,
            status: 'completed',
            conclusion: request.conclusion,
            output: { ...output, annotations },
            request: { retries: 0 },
          }),
        );
        ref = {
          id: created.data.id,
          url: created.data.html_url ?? '',
          annotations: annotations.length,
          requests: 1,
        };
        return;
      }
      const id = ref.id;
      await this.call('PATCH', `/repos/${this.repository}/check-runs/${id}`, () =>
        this.client.rest.checks.update({
          owner: this.owner,
          repo: this.repo,
          check_run_id: id,
          output: { ...output, annotations },
          request: { retries: 0 },
        }),
      );
      ref.annotations += annotations.length;
      ref.requests += 1;
    };
    for await (const annotation of request.annotations) {
      batch.push(annotation);
      if (batch.length === ANNOTATIONS_PER_REQUEST) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0 || ref === undefined) await send(batch);
    return ref!;
  }

  /** Updates this action's comment on the pull request (found by its hidden marker), or adds it. */
  async comment(
    number: number,
    key: string,
    body: string,
  ): Promise<{ id: number; url: string; created: boolean }> {
    const marker = commentMarker(key);
    const text = `${clip(body, COMMENT_LIMIT - marker.length - 1)}\n${marker}`;
    const path = `/repos/${this.repository}/issues/${number}/comments`;
    const found = await this.call('GET', path, async () => {
      for await (const page of this.client.paginate.iterator(this.client.rest.issues.listComments, {
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        per_page: 100,
      })) {
        const mine = page.data.find((comment) => comment.body?.includes(marker));
        if (mine) return mine;
      }
      return undefined;
    });
    if (found) {
      const updated = await this.call('PATCH', `/repos/${this.repository}/issues/comments/${found.id}`, () =>
        this.client.rest.issues.updateComment({
          owner: this.owner,
          repo: this.repo,
          comment_id: found.id,
          body: text,
        }),
      );
      return { id: updated.data.id, url: updated.data.html_url, created: false };
    }
    const created = await this.call('POST', path, () =>
      this.client.rest.issues.createComment({
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        body: text,
        request: { retries: 0 },
      }),
    );
    return { id: created.data.id, url: created.data.html_url, created: true };
  }

  private call<T>(method: string, path: string, fn: () => Promise<T>): Promise<T> {
    return callGitHub(method, path, fn, (what, status) => new GitHubWriteError(`GitHub API ${what}`, status));
  }
}

/** The hidden marker that finds this action's comment again (one per check name). */
export function commentMarker(key: string): string {
  return `<!-- gantry-quarantine-report: ${createHash('sha256').update(key).digest('hex').slice(0, 16)} -->`;
}

function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = '\n\n… (cut to fit GitHub’s limit; the job summary has the rest)';
  return text.slice(0, limit - note.length) + note;
}
