/** The promote domain's contract with its adapter: what it is handed and what it returns. */
import type { CopyStats, OciRepository, Reference } from '../oci/index.js';
import type { Evaluation } from '../policy/spec.js';

/** Where the promotion ran, for the record. */
export interface RunContext {
  repository: string;
  commit: string;
  workflowRun: string;
  actor: string;
}

export interface PromoteDeps {
  /** The repository a reference names (a layout destination is created when missing). */
  open(ref: Reference, role: 'source' | 'destination'): OciRepository;
  now(): number;
  info(message: string): void;
  /** Something the user should see (a warning annotation under the runner): a record not trusted, a referrer skipped. */
  warn(message: string): void;
  run: RunContext;
}

export type Outcome = 'created' | 'moved' | 'unchanged' | 'planned' | 'rolled-back';

export interface TagResult {
  reference: string;
  repository: string;
  tag: string;
  role: 'destination' | 'stable';
  previous: string | null;
  digest: string;
  outcome: Outcome;
}

export interface PromoteResult {
  digest: string;
  tags: TagResult[];
  record?: PromotionRecord;
  /** Digest of the record artifact (the same in every destination repository). */
  recordDigest?: string;
  referrersCopied: number;
  stats: CopyStats;
  dryRun: boolean;
}

export interface PromotionRecord {
  /** A refusal records a promotion the policy gate stopped: nothing moved, every rule evaluated is kept. */
  kind: 'promotion' | 'rollback' | 'refusal';
  source: string;
  digest: string;
  mediaType: string;
  destinations: {
    reference: string;
    repository: string;
    tag: string;
    role: 'destination' | 'stable';
    previous: string | null;
  }[];
  checks: string[];
  /** Each policy rule evaluated before the tags moved: outcome, the digest, evidence digests, expected vs found. */
  evaluations?: Evaluation[];
  repository: string;
  commit: string;
  workflowRun: string;
  actor: string;
  time: string;
}
