import { describe, expect, it } from 'vitest';
import { prescriptionFigures, type PrescriptionFact } from '../../src';

/** Two places, Halton (decile 1 and 8 LSOAs) and Wirral (decile 4), as an LSOA lookup would give them. */
const WHERE: Record<string, { placeCode: string; imdDecile: number }> = {
  H1: { placeCode: 'E06000006', imdDecile: 1 },
  H8: { placeCode: 'E06000006', imdDecile: 8 },
  W4: { placeCode: 'E08000015', imdDecile: 4 },
};
const many = (n: number, fact: PrescriptionFact): PrescriptionFact[] => Array.from({ length: n }, () => ({ ...fact }));
const cell = (rows: ReturnType<typeof prescriptionFigures>, areaCode: string, breakdown = '', period = '2026-10') => rows.find((r) => r.areaCode === areaCode && r.breakdown === breakdown && r.period === period);

describe('social prescribing figures', () => {
  const facts = [
    ...many(12, { month: '2026-10', lsoaCode: 'H1', completed: true, wellbeingChange: 2 }),
    ...many(9, { month: '2026-10', lsoaCode: 'H1', completed: true, wellbeingChange: 0 }),
    ...many(3, { month: '2026-10', lsoaCode: 'H8', completed: false }),
    ...many(14, { month: '2026-10', lsoaCode: 'W4', completed: true, wellbeingChange: -1 }),
    ...many(2, { month: '2026-10', completed: true, wellbeingChange: 4 }),
    ...many(8, { month: '2026-11', lsoaCode: 'H1', completed: false }),
  ];
  const rows = prescriptionFigures(facts, 'E54000008', (code) => WHERE[code]);

  it('counts by place and by IMD quintile, rounded to 5, and suppresses 7 or fewer', () => {
    expect(cell(rows, 'E06000006')).toMatchObject({ areaType: 'place', referrals: 25, measured: 20, improved: 10 });
    expect(cell(rows, 'E06000006', 'imd_quintile:1')).toMatchObject({ referrals: 20, measured: 20, improved: 10 });
    // Three referrals from the less deprived LSOA: suppressed, not shown as 3 or 5.
    expect(cell(rows, 'E06000006', 'imd_quintile:4')).toMatchObject({ referrals: null, measured: null, improved: null, improvedPercent: null });
    expect(cell(rows, 'E08000015', 'imd_quintile:2')).toMatchObject({ referrals: 15, measured: 15, improved: null, improvedPercent: null });
    expect(cell(rows, 'E06000006', '', '2026-11')).toMatchObject({ referrals: 10, measured: null });
  });

  it('gives the footprint everyone, including people whose place is unknown, and computes the percentage from the controlled counts', () => {
    expect(cell(rows, 'E54000008')).toMatchObject({ areaType: 'footprint', referrals: 40, measured: 35, improved: 15 });
    expect(cell(rows, 'E54000008')!.improvedPercent).toBeCloseTo((15 / 35) * 100, 10);
    expect(cell(rows, 'E06000006', 'imd_quintile:1')!.improvedPercent).toBe(50);
  });

  it('follows the disclosure options it is given', () => {
    const strict = prescriptionFigures(facts, 'E54000008', (code) => WHERE[code], { threshold: 22, rounding: 10 });
    expect(cell(strict, 'E06000006')).toMatchObject({ referrals: 20, measured: null });
  });
});
