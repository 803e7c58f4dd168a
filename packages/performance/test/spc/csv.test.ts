import { describe, expect, it } from 'vitest';
import { spcCsv, SpcInputError } from '../../src/spc';
import { alternating, series } from './helpers';

const csv = (values: number[]) => ['date,value', ...series(values).map((p) => `${p.date},${p.value}`)].join('\n');

describe('spcCsv', () => {
  it('adds mean, limits, point type, rule and assurance', () => {
    const out = spcCsv(csv([...alternating(12), 20]), { improvement: 'increase', target: 5 }).trim().split('\n');
    expect(out[0]).toBe('date,value,mean,lpl,upl,point_type,rule,assurance');
    expect(out).toHaveLength(14);
    expect(out[13]).toMatch(/^2024-01-13,20,.*,special_cause_improvement,outside_limits,consistent_pass$/);
    expect(out[1].split(',').slice(5)).toEqual(['common_cause', '', 'consistent_pass']);
  });

  it('says what is wrong with bad input', () => {
    expect(() => spcCsv('when,value\n2024-01-01,1\n', { improvement: 'increase' })).toThrow(/no "date" column/);
    expect(() => spcCsv('date,value\n2024-01-01,1\n2024-01-02,abc\n', { improvement: 'increase' })).toThrow(/row 3: the value "abc" is not a number/);
    expect(() => spcCsv('date,value\n2024-01-01,1\n2024-01-01,2\n', { improvement: 'increase' })).toThrow(/more than once/);
    expect(() => spcCsv('date,value\n2024-01-01,1\n', { improvement: 'increase' })).toThrow(SpcInputError);
  });
});
