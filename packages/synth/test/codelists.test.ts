import { describe, expect, it } from 'vitest';
import { codelist, codelistIndex } from '../src/data';
import { careFile, conditionsFile, treatmentRules } from '../src/parameters';

/** Verhoeff check (SNOMED CT identifiers end in a Verhoeff check digit over the rest). */
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P: number[][] = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4]];
for (let i = 2; i < 8; i++) P.push(P[1].map((_, j) => P[i - 1][P[1][j]]));
const verhoeff = (id: string) => [...id].reverse().reduce((c, ch, i) => D[c][P[i % 8][Number(ch)]], 0) === 0;

describe('shared codelists', () => {
  it('checks a known identifier the way SNOMED CT does', () => {
    expect(verhoeff('138875005')).toBe(true);
    expect(verhoeff('138875006')).toBe(false);
  });

  for (const entry of codelistIndex()) {
    it(`${entry.id}: well-formed codes, no duplicates`, () => {
      const list = codelist(entry.id);
      const codes = list.codes.map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const { code, term } of list.codes) {
        expect(term.length, code).toBeGreaterThan(0);
        if (entry.system === 'http://snomed.info/sct') {
          expect(code).toMatch(/^[1-9]\d{5,17}$/);
          // Partition: 00 concept (international) or 10 concept (extension, e.g. UK, dm+d).
          expect(['00', '10'], code).toContain(code.slice(-3, -1));
          expect(verhoeff(code), `${code} check digit`).toBe(true);
        } else if (entry.system === 'http://hl7.org/fhir/sid/icd-10') {
          expect(code).toMatch(/^[A-Z]\d{2}(\.\d)?$/);
        } else {
          expect(code).toMatch(/^[A-Z]$/);
        }
      }
    });
  }

  it('has every list the model files name', () => {
    const ids = new Set(codelistIndex().map((e) => e.id));
    const named = [
      ...conditionsFile().conditions.flatMap((c) => [c.codelist, ...(c.icd10 ? [c.icd10] : [])]),
      ...treatmentRules().map((r) => r.codelist),
      careFile().deathCausesOther,
    ];
    for (const id of named) expect(ids, id).toContain(id);
    const causes = new Set(codelist(careFile().deathCausesOther).codes.map((c) => c.code));
    for (const code of Object.values(careFile().deathCauses)) expect(causes, code).toContain(code);
  });
});
