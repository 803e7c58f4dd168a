import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CohortError, codelist_from_csv, parseCsv } from '../src/index';

describe('codelists from OpenCodelists CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codelist-'));

  it('reads the code column, with quoted terms containing commas and CRLF line ends', () => {
    const path = join(dir, 'htn.csv');
    writeFileSync(path, 'code,term\r\n38341003,"Hypertensive disorder, systemic arterial"\r\n1201005,Benign essential hypertension\r\n');
    expect(codelist_from_csv(path).codes).toEqual(['38341003', '1201005']);
  });

  it('reads another named column', () => {
    const path = join(dir, 'dmd.csv');
    writeFileSync(path, 'dmd_id,dmd_name\n42206511000001102,Ramipril 2.5mg capsules\n');
    expect(codelist_from_csv(path, 'dmd_id').codes).toEqual(['42206511000001102']);
  });

  it('names the problem with a missing column, file or code', () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'id,term\n1,x\n');
    expect(() => codelist_from_csv(path)).toThrow(/no column "code"/);
    expect(() => codelist_from_csv(join(dir, 'missing.csv'))).toThrow(CohortError);
    writeFileSync(path, 'code,term\n,x\n');
    expect(() => codelist_from_csv(path)).toThrow(/row 2 has no code/);
  });

  it('parses doubled quotes', () => {
    expect(parseCsv('a,b\n"say ""hi""",2\n')).toEqual([
      ['a', 'b'],
      ['say "hi"', '2'],
    ]);
  });

  it("loads every one of the repository's codelists", () => {
    const root = join(import.meta.dirname, '../../../codelists');
    for (const folder of ['snomed', 'dmd', 'icd10']) {
      for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith('.csv'))) {
        expect(codelist_from_csv(join(root, folder, file)).codes.length, `${folder}/${file}`).toBeGreaterThan(0);
      }
    }
  });
});
