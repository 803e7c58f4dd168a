import { describe, expect, it } from 'vitest';
import { isRealDate, parseDateRange, toInstant } from './dates';

const range = (s: string) => {
  const r = parseDateRange(s);
  return r && [toInstant(r.start), toInstant(r.end)];
};

describe('FHIR dates as ranges', () => {
  it('covers the whole year, month or day written', () => {
    expect(range('2020')).toEqual(['2020-01-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z']);
    expect(range('2020-03')).toEqual(['2020-03-01T00:00:00.000Z', '2020-04-01T00:00:00.000Z']);
    expect(range('2020-12')).toEqual(['2020-12-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z']);
    expect(range('2020-02-29')).toEqual(['2020-02-29T00:00:00.000Z', '2020-03-01T00:00:00.000Z']);
  });

  it('applies the time zone and the precision of times', () => {
    expect(range('2024-04-30T10:15:00+01:00')).toEqual(['2024-04-30T09:15:00.000Z', '2024-04-30T09:15:01.000Z']);
    expect(range('2024-04-30T10:15:00.5Z')).toEqual(['2024-04-30T10:15:00.500Z', '2024-04-30T10:15:00.600Z']);
    expect(range('2024-04-30T10:15:00.123Z')).toEqual(['2024-04-30T10:15:00.123Z', '2024-04-30T10:15:00.124Z']);
    expect(range('2024-04-30T23:30:00-01:00')).toEqual(['2024-05-01T00:30:00.000Z', '2024-05-01T00:30:01.000Z']);
  });

  it('keeps years before 100 as written', () => {
    expect(range('0050')).toEqual(['0050-01-01T00:00:00.000Z', '0051-01-01T00:00:00.000Z']);
  });

  it('rejects dates that are not on the calendar', () => {
    for (const s of ['2021-02-30', '2021-02-29', '2020-13', '2020-00', '2020-04-31', '2020-01-01T24:00:00Z', '2020-01-01T10:60:00Z', '20200101', 'soon', '2020-1-1']) {
      expect(isRealDate(s), s).toBe(false);
    }
    expect(isRealDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isRealDate('1900-02-29')).toBe(false); // divisible by 100 only
  });
});
