/**
 * Deleting what a plan says, in its order (children and referrers before what names them), one at a
 * time. A failure stops the run: the report says what was deleted, what failed and what was not
 * attempted. Every delete is by digest and a digest already gone counts as deleted, so running again
 * (which plans afresh) is safe.
 */
import { errorMessage } from '../runtime/errors.js';
import type { PlannedDeletion, RetentionPlan } from './plan.js';

export interface Deleter {
  /** Where deletes go, for messages: `registry` (manifest DELETE) or `GitHub Packages`. */
  readonly via: string;
  delete(deletion: PlannedDeletion): Promise<void>;
}

export interface ApplyReport {
  deleted: string[];
  failed?: { digest: string; error: string };
  notAttempted: string[];
  bytesFreed: number;
}

export class ApplyFailedError extends Error {
  override name = 'ApplyFailedError';
  constructor(
    message: string,
    readonly report: ApplyReport,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

export async function applyPlan(plan: RetentionPlan, deleter: Deleter): Promise<ApplyReport> {
  const report: ApplyReport = { deleted: [], notAttempted: [], bytesFreed: 0 };
  for (const [i, deletion] of plan.deletions.entries()) {
    try {
      await deleter.delete(deletion);
    } catch (error) {
      report.failed = { digest: deletion.digest, error: errorMessage(error) };
      report.notAttempted = plan.deletions.slice(i + 1).map((d) => d.digest);
      throw new ApplyFailedError(
        `${plan.repository}: deleting ${deletion.digest} through ${deleter.via} failed after ${report.deleted.length} of ${plan.deletions.length} deletions (${errorMessage(error)}); ${report.notAttempted.length + 1} not deleted. Running again is safe: it plans afresh.`,
        report,
        error,
      );
    }
    report.deleted.push(deletion.digest);
    report.bytesFreed += deletion.bytes;
  }
  return report;
}
