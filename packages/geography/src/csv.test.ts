import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv: rows keyed by the header', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF line ends', () => {
    const text = 'code,term\r\n1,"Asthma, unspecified"\r\n2,"The ""main"" term"\r\n3,"two\nlines"\r\n';
    expect(parseCsv(text)).toEqual([
      { code: '1', term: 'Asthma, unspecified' },
      { code: '2', term: 'The "main" term' },
      { code: '3', term: 'two\nlines' },
    ]);
  });

  it('skips blank lines and a byte-order mark, and reads a short row’s missing cells as empty', () => {
    expect(parseCsv('\uFEFFa,b,c\n\n1,2,3\n4\n\n')).toEqual([
      { a: '1', b: '2', c: '3' },
      { a: '4', b: '', c: '' },
    ]);
  });

  it('has no rows for a header alone or an empty text', () => {
    expect(parseCsv('a,b\n')).toEqual([]);
    expect(parseCsv('')).toEqual([]);
  });

  it('refuses a quote left open, rather than guessing', () => {
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow();
  });
});
