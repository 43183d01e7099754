/**
 * The suite's one concurrency pool: requests (or any async work) with at most a fixed number in
 * flight. createLimiter shares one limit among calls made anywhere (reads of one repository);
 * forEachLimit and mapLimit run a list through it.
 */

/** Runs functions with at most a fixed number unsettled at once; the rest wait their turn, in order. */
export type Limiter = <T>(fn: () => Promise<T>) => Promise<T>;

export function createLimiter(limit: number): Limiter {
  const max = Math.max(1, Math.floor(limit));
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await fn();
    } finally {
      // The slot passes straight to the next waiter, so `running` never exceeds `max`.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

/** Run fn over items with at most `limit` running; the first failure is thrown after the rest settle. */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < items.length && failure === undefined) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure;
}

/**
 * fn over items with at most `limit` running; the results in the items' order. After a failure no
 * new item starts, and the first failure is thrown once the running ones have settled.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const indexed = items.map((item, index) => ({ item, index }));
  await forEachLimit(indexed, limit, async ({ item, index }) => {
    results[index] = await fn(item, index);
  });
  return results;
}
