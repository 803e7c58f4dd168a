import { describe, expect, it } from 'vitest';
import { trajectoryAt, trendOf } from '../../src/scorecard';

const path = {
  baseline: { value: 58, date: '2021-03-31' },
  target: { value: 70, date: '2026-03-31' },
  trajectory: [
    { value: 60.4, date: '2022-03-31' },
    { value: 62.8, date: '2023-03-31' },
  ],
};

describe('the trajectory for a month', () => {
  it('takes a point’s own value in its month and interpolates linearly by month between points', () => {
    expect(trajectoryAt(path, '2021-03')).toMatchObject({ value: 58, how: 'baseline' });
    expect(trajectoryAt(path, '2022-03')).toMatchObject({ value: 60.4, how: 'point' });
    expect(trajectoryAt(path, '2021-09')!.value).toBeCloseTo(59.2, 10);
    // 2023-03 (62.8) to 2026-03 (70) over 36 months: 0.2 a month.
    const v = trajectoryAt(path, '2024-09')!;
    expect(v.value).toBeCloseTo(66.4, 10);
    expect(v.how).toBe('interpolated');
    expect(v.words).toBe('interpolated between 62.8 (2023-03) and 70 (2026-03)');
  });
  it('holds the target after its date and has none before the baseline', () => {
    expect(trajectoryAt(path, '2026-03')).toMatchObject({ value: 70, how: 'target' });
    expect(trajectoryAt(path, '2027-01')).toMatchObject({ value: 70, how: 'after-target' });
    expect(trajectoryAt(path, '2021-02')).toBeNull();
  });
});

const months = (n: number, values: (i: number) => number) => Array.from({ length: n }, (_v, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, value: values(i) }));

describe('the trend over the last 12 months', () => {
  it('calls a significant rise improving when higher is better and worsening when lower is', () => {
    const rising = months(12, (i) => 50 + 0.5 * i + (i % 2 ? 0.3 : -0.3));
    const up = trendOf(rising, '2024-12', 'higher');
    expect(up.direction).toBe('improving');
    expect(up.lower95!).toBeGreaterThan(0);
    expect(up.words).toMatch(/^Improving: rising by 0\.5\d* a month/);
    expect(trendOf(rising, '2024-12', 'lower').direction).toBe('worsening');
  });
  it('gives the least-squares slope and its t interval', () => {
    // y = 1, 3, 2, 5, 4, 6 on months 1..6: slope 0.8857143 (Sxy 15.5 / Sxx 17.5), residual SE from 4.9143/4.
    const ys = [1, 3, 2, 5, 4, 6];
    const t = trendOf(months(6, (i) => ys[i]), '2024-06', 'higher');
    expect(t.slopePerMonth).toBeCloseTo(15.5 / 17.5, 12);
    const se = Math.sqrt((ys.reduce((s, y, i) => s + (y - (3.5 + (15.5 / 17.5) * (i - 2.5))) ** 2, 0) / 4) / 17.5);
    // qt(0.975, 4) = 2.776445
    expect(t.lower95).toBeCloseTo(15.5 / 17.5 - 2.776445 * se, 5);
    expect(t.upper95).toBeCloseTo(15.5 / 17.5 + 2.776445 * se, 5);
    expect(t.direction).toBe('improving');
  });
  it('finds no significant change in noise, ignores months outside the 12 and needs 6 values', () => {
    const noise = months(12, (i) => 50 + (i % 2 ? 1 : -1));
    expect(trendOf(noise, '2024-12', 'higher').direction).toBe('no-significant-change');
    expect(trendOf(noise, '2024-12', 'higher').words).toMatch(/includes 0/);
    // The 12 months ending 2025-06 hold 2024-07 to 2024-12: six values, enough; ending 2025-07, five.
    expect(trendOf(noise, '2025-06', 'higher')).toMatchObject({ points: 6, from: '2024-07', to: '2024-12' });
    expect(trendOf(noise, '2025-07', 'higher')).toMatchObject({ direction: 'too-few-points', points: 5, slopePerMonth: null });
  });
});

describe('the trend of an indicator with no better direction', () => {
  it('says rising or falling rather than improving or worsening', () => {
    const rising = months(12, (i) => 10 + i + (i % 2 ? 0.1 : -0.1));
    expect(trendOf(rising, '2024-12', 'neutral')).toMatchObject({ direction: 'rising' });
    expect(trendOf(rising, '2024-12', 'neutral').words).toMatch(/^Rising: rising by 1 a month/);
    expect(trendOf(months(12, (i) => 10 - i), '2024-12', 'neutral').direction).toBe('falling');
  });
});
