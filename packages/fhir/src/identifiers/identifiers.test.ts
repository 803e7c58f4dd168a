import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, nhsNumberCheckDigit, nhsNumberProblem } from './nhs-number';
import { isValidOdsCode, odsCodeProblem } from './ods';

describe('NHS number', () => {
  it('computes the Modulus 11 check digit (weights 10..2)', () => {
    // 9·10+9·9+9·8+0+0+0+0+0+1·2 = 245; 245 mod 11 = 3; 11 − 3 = 8
    expect(nhsNumberCheckDigit('999000001')).toBe(8);
    expect(nhsNumberCheckDigit('943476591')).toBe(9);
    expect(nhsNumberCheckDigit('401023213')).toBe(7);
  });

  it('gives 0 when the remainder is 0 and no digit when the check would be 10', () => {
    expect(nhsNumberCheckDigit('000000000')).toBe(0);
    expect(nhsNumberCheckDigit('000000006')).toBeNull(); // 6·2 = 12, remainder 1 → 10
  });

  it('rejects stems that are not nine digits', () => {
    expect(nhsNumberCheckDigit('99900000')).toBeNull();
    expect(nhsNumberCheckDigit('99900000a')).toBeNull();
  });

  it('accepts valid numbers', () => {
    for (const n of ['9990000018', '9434765919', '4010232137']) expect(isValidNhsNumber(n)).toBe(true);
  });

  it('rejects a wrong check digit, wrong length, spaces and letters', () => {
    for (const n of ['9990000019', '999000001', '99900000180', '999 000 0018', '999000001X', '', '0000000060']) {
      expect(isValidNhsNumber(n)).toBe(false);
    }
  });

  it('explains each problem without repeating the number', () => {
    expect(nhsNumberProblem('999 000 0018')).toMatch(/without spaces/);
    expect(nhsNumberProblem('99900000')).toMatch(/10 digits \(this has 8\)/);
    expect(nhsNumberProblem('999000001X')).toMatch(/only digits/);
    expect(nhsNumberProblem('9990000019')).toMatch(/Modulus 11/);
    expect(nhsNumberProblem('9990000019')).not.toContain('9990000019');
    expect(nhsNumberProblem('9990000018')).toBeUndefined();
  });
});

describe('ODS code', () => {
  it('accepts trust, site, practice, PCN and ICB codes', () => {
    for (const c of ['RBQ', 'R0A', 'RBQ01', 'A81001', 'B86001', 'Y02578', 'U12345', '02Q', 'QWO', 'FA123']) {
      expect(isValidOdsCode(c), c).toBe(true);
    }
  });

  it('rejects ONS codes, lower case, wrong lengths, punctuation and all-digit codes', () => {
    for (const c of ['E54000008', 'rbq', 'R', 'RB', 'A810012', 'RB Q', 'RB-Q', '123456', '']) {
      expect(isValidOdsCode(c), c).toBe(false);
    }
    expect(odsCodeProblem('E54000008')).toMatch(/ONS geography code/);
    expect(odsCodeProblem('a81001')).toMatch(/upper case/);
    expect(odsCodeProblem('A81001')).toBeUndefined();
  });
});
