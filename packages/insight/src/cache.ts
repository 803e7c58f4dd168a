import type { CohortEngine } from '@footprint/cohort';

/**
 * Results cached per warehouse build: the key includes the engine's cacheKey, which changes when
 * the warehouse is rebuilt, so a cached figure is never older than the data it came from.
 * Bounded (least recently used out first); failed computations are not kept.
 */
const LIMIT = 1000;
const entries = new Map<string, Promise<unknown>>();

export function cached<T>(wh: CohortEngine, name: string, args: unknown, compute: () => Promise<T>): Promise<T> {
  const key = `${wh.cacheKey}\u0000${name}\u0000${JSON.stringify(args)}`;
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit as Promise<T>;
  }
  const promise = compute();
  entries.set(key, promise);
  promise.catch(() => entries.delete(key));
  while (entries.size > LIMIT) entries.delete(entries.keys().next().value as string);
  return promise;
}

/** Forgets every cached result (tests; after an in-place refresh with an unchanged cache key). */
export function clearInsightCache(): void {
  entries.clear();
}
