import { ANNOTATION_LIMIT_PER_LEVEL, type Annotation, type AnnotationLevel } from './runtime.js';

/** Counts annotations per level so a step never sends more than GitHub will show. */
export class AnnotationBudget {
  private readonly used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  private readonly dropped: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  admit(annotation: Annotation): boolean {
    if (this.used[annotation.level] >= ANNOTATION_LIMIT_PER_LEVEL) {
      this.dropped[annotation.level] += 1;
      return false;
    }
    this.used[annotation.level] += 1;
    return true;
  }

  droppedCount(level: AnnotationLevel): number {
    return this.dropped[level];
  }
}
