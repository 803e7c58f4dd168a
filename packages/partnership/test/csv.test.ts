import { describe, expect, it } from 'vitest';
import { PartnershipProblem, readCsv, writeCsv } from '../src';

describe("the partnership's CSV", () => {
  it('neutralises formulas on the way out and restores them on the way back', () => {
    const text = writeCsv(['name', 'note', 'n'], [{ name: '=HYPERLINK("x")', note: 'Line one\nline two, "quoted"', n: -3 }]);
    expect(text.split('\r\n')[0]).toBe('name,note,n');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const [row] = readCsv(text);
    expect(row.cells).toEqual({ name: '=HYPERLINK("x")', note: 'Line one\nline two, "quoted"', n: '-3' });
    expect(row.row).toBe(2);
  });

  it('names what is wrong with a bad file', () => {
    const problem = (text: string, required?: string[]) => {
      try {
        readCsv(text, { required });
      } catch (error) {
        expect(error).toBeInstanceOf(PartnershipProblem);
        return (error as PartnershipProblem).title;
      }
      return 'accepted';
    };
    expect(problem('')).toBe('Empty CSV file');
    expect(problem('a,b\n1,2,3\n')).toBe('Not a CSV file');
    expect(problem('a,b\n1,2\n', ['code'])).toBe('Missing column');
    expect(problem('a,"b\n1,2\n')).toBe('Not a CSV file');
  });
});
