import { describe, expect, it } from 'vitest';
import { CohortError, parseCodelistCsv } from '../src/index';

describe('a codelist file that is not valid CSV', () => {
  it('is refused with a CohortError naming the file, not read as a code with a stray quote', () => {
    const read = () => parseCodelistCsv('code,term\n38341003,"Hypertensive disorder\n', 'code', 'codelists/snomed/htn.csv');
    expect(read).toThrow(CohortError);
    expect(read).toThrow(/codelist codelists\/snomed\/htn.csv is not valid CSV/);
  });

  it('still reads a list with a blank line and a byte-order mark', () => {
    expect(parseCodelistCsv('\uFEFFcode,term\n1,a\n\n2,"b, c"\n', 'code', 'inline').codes).toEqual(['1', '2']);
  });
});
