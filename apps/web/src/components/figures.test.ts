import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../pages/CareRecordSearchPage';
import { pyramidRows } from '../pages/FootprintPage';
import { groupLabel } from '../pages/population/labels';
import { toCsv } from './FigureTable';
import { formatCount, formatNhsNumber, formatRate } from './format';

describe('figures as people see them', () => {
  it('shows suppressed counts and rates as [c] and rounds rates to one decimal place', () => {
    expect(formatCount(null)).toBe('[c]');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatRate(null)).toBe('[c]');
    expect(formatRate(133.3333)).toBe('133.3');
  });

  it('writes RFC 4180 CSV with suppressed values as empty cells and quoted commas', () => {
    const csv = toCsv(
      [
        { key: 'group', header: 'Group' },
        { key: 'count', header: 'Per 1,000 people' },
      ],
      [
        { group: 'Halton, "east"', count: 12.5 },
        { group: 'Sefton', count: null },
      ],
    );
    expect(csv).toBe('Group,"Per 1,000 people"\r\n"Halton, ""east""",12.5\r\nSefton,\r\n');
  });

  it('neutralises CSV cells a spreadsheet would run as formulas, keeping negative numbers as numbers', () => {
    const csv = toCsv(
      [
        { key: 'name', header: 'Organisation' },
        { key: 'change', header: 'Change' },
      ],
      [
        { name: '=HYPERLINK("http://evil.example","Click")', change: -1.5 },
        { name: '+44 151', change: 2 },
        { name: '-2+3', change: 0 },
        { name: '@SUM(A1:A2)', change: null },
        { name: '\tcmd', change: 1 },
        { name: '\rcmd', change: 1 },
        { name: 'Riverside Surgery', change: 3 },
      ],
    );
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""Click"")",-1.5`,
      `"'+44 151",2`,
      `"'-2+3",0`,
      `"'@SUM(A1:A2)",`,
      `"'\tcmd",1`,
      `"'\rcmd",1`,
      'Riverside Surgery,3',
    ]);
  });

  it('checks NHS numbers with Modulus 11 before searching', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });

  it('folds pyramid rows into one row per age band', () => {
    expect(
      pyramidRows([
        { age_band: '0-4', sex: 'male', people: 10 },
        { age_band: '0-4', sex: 'female', people: null },
        { age_band: '5-9', sex: 'female', people: 15 },
      ]),
    ).toEqual([
      { age_band: '0-4', male: 10, female: null },
      { age_band: '5-9', male: null, female: 15 },
    ]);
  });

  it('names groups with the labels the API sent (insight names deciles and the rest: packages/insight/test/breakdowns.test.ts), else the code itself', () => {
    expect(groupLabel('E08000012', { E08000012: 'Liverpool' })).toBe('Liverpool');
    expect(groupLabel('1', { '1': 'Decile 1' })).toBe('Decile 1');
    expect(groupLabel('Core20', { Core20: 'Core20 (most deprived 20%)' })).toBe('Core20 (most deprived 20%)');
    expect(groupLabel('E06000006', {})).toBe('E06000006');
    expect(groupLabel(null, {})).toBe('Unknown');
  });
});
