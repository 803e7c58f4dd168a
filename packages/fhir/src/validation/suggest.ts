import { resourceTypes } from '../definitions/resource-types';

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The R4 resource type a mistyped name probably meant (`patient`, `Patinet` → `Patient`), if any. */
export function suggestResourceType(name: string): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const t of resourceTypes()) {
    if (t.toLowerCase() === lower) return t;
    const d = distance(lower, t.toLowerCase());
    if (d < bestDistance) {
      best = t;
      bestDistance = d;
    }
  }
  return best;
}
