import { studentTQuantile } from '@footprint/statistics';
import { fmt, monthIndex } from './periods';
import type { PlanDirection, Trend } from './types';

/** The trend looks at the 12 months ending the period and needs at least this many values in them. */
export const TREND_MONTHS = 12;
export const TREND_MINIMUM_POINTS = 6;

const TREND_LABEL: Record<Trend['direction'], string> = { improving: 'Improving', worsening: 'Worsening', rising: 'Rising', falling: 'Falling', 'no-significant-change': 'No significant change', 'too-few-points': 'Too few points' };

/**
 * The trend over the last 12 months: the ordinary least-squares slope of value on month, with its
 * 95% confidence interval from Student's t with n − 2 degrees of freedom. When the interval
 * excludes 0 the series is moving: improving or worsening by the plan's direction; otherwise there
 * is no significant change (rising or falling where no direction is better). Fewer than 6 values in the 12 months: too few points to say.
 */
export function trendOf(series: readonly { period: string; value: number }[], period: string, direction: PlanDirection | 'neutral'): Trend {
  const end = monthIndex(period);
  const used = series.filter((p) => {
    const m = monthIndex(p.period);
    return m <= end && m > end - TREND_MONTHS;
  });
  const n = used.length;
  const from = used[0]?.period ?? null;
  const to = used[n - 1]?.period ?? null;
  if (n < TREND_MINIMUM_POINTS) {
    return { direction: 'too-few-points', slopePerMonth: null, lower95: null, upper95: null, points: n, from, to, words: `Too few points to say: ${n} of the last ${TREND_MONTHS} months have a value (${TREND_MINIMUM_POINTS} are needed).` };
  }
  const xs = used.map((p) => monthIndex(p.period));
  const ys = used.map((p) => p.value);
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i] - (my + slope * (xs[i] - mx))) ** 2;
  const se = Math.sqrt(sse / (n - 2) / sxx);
  const t = studentTQuantile(0.975, n - 2);
  const lower95 = slope - t * se;
  const upper95 = slope + t * se;
  const moving = lower95 > 0 || upper95 < 0;
  const rising = slope > 0;
  const trendDirection = !moving ? 'no-significant-change' : direction === 'neutral' ? (rising ? 'rising' : 'falling') : rising === (direction === 'higher') ? 'improving' : 'worsening';
  const movement = `${rising ? 'rising' : 'falling'} by ${fmt(Math.abs(slope))} a month (95% CI ${fmt(lower95)} to ${fmt(upper95)})`;
  const words =
    trendDirection === 'no-significant-change'
      ? `No significant change over ${n} months (${from} to ${to}): the slope, ${fmt(slope)} a month, has a 95% CI from ${fmt(lower95)} to ${fmt(upper95)}, which includes 0.`
      : `${TREND_LABEL[trendDirection]}: ${movement} over ${n} months (${from} to ${to}).`;
  return { direction: trendDirection, slopePerMonth: slope, lower95, upper95, points: n, from, to, words };
}
