import { fmt, monthIndex, monthOf } from './periods';
import type { TrajectoryValue } from './types';

export interface TrajectoryPath {
  baseline: { value: number; date: string };
  target: { value: number; date: string };
  trajectory: readonly { value: number; date: string }[];
}

/**
 * The plan's trajectory for a month: the path runs baseline → each trajectory point → target, each
 * dated by its month; between two points it is interpolated linearly by month; after the target
 * it stays at the target; before the baseline there is none (null). A point's own month takes its
 * value (the later one where two share a month).
 */
export function trajectoryAt(path: TrajectoryPath, period: string): TrajectoryValue | null {
  const nodes = [
    { value: path.baseline.value, month: monthIndex(path.baseline.date), kind: 'baseline' as const },
    ...path.trajectory.map((p) => ({ value: p.value, month: monthIndex(p.date), kind: 'point' as const })),
    { value: path.target.value, month: monthIndex(path.target.date), kind: 'target' as const },
  ];
  const m = monthIndex(period);
  if (m < nodes[0].month) return null;
  const last = nodes[nodes.length - 1];
  if (m > last.month) return { period, value: last.value, how: 'after-target', words: `held at the target, ${fmt(last.value)} (${monthOf(last.month)})` };
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node.month === m) {
      const words = node.kind === 'baseline' ? 'the baseline' : node.kind === 'target' ? 'the target' : 'a trajectory point';
      return { period, value: node.value, how: node.kind, words: `${words}, ${fmt(node.value)} (${monthOf(m)})` };
    }
  }
  const after = nodes.findIndex((n) => n.month > m);
  const a = nodes[after - 1];
  const b = nodes[after];
  const value = a.value + ((b.value - a.value) * (m - a.month)) / (b.month - a.month);
  return { period, value, how: 'interpolated', words: `interpolated between ${fmt(a.value)} (${monthOf(a.month)}) and ${fmt(b.value)} (${monthOf(b.month)})` };
}
