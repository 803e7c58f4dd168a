import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resource } from '@footprint/fhir';
import { describe, expect, it } from 'vitest';
import { isSensitive, loadSensitiveCodes, readCodelistCodes } from '../../src/access/sensitivity';

const condition = (code: string, security?: string): Resource =>
  ({
    resourceType: 'Condition',
    ...(security ? { meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: security }] } } : {}),
    code: { coding: [{ system: 'http://snomed.info/sct', code }] },
    subject: { reference: 'Patient/p' },
  }) as Resource;

describe('sensitive information', () => {
  it('reads the bundled codelists: each category the Summary Care Record withholds', () => {
    const codes = loadSensitiveCodes({});
    for (const code of ['86406008', '8098009', '386639001', '52637005', '93461009']) expect(codes.has(code), code).toBe(true);
    expect(codes.has('38341003')).toBe(false);
  });

  it('flags a sensitive code anywhere in the resource, and R or V labels, but not N', () => {
    expect(isSensitive(condition('86406008'))).toBe(true);
    expect(isSensitive(condition('38341003'))).toBe(false);
    expect(isSensitive(condition('38341003', 'R'))).toBe(true);
    expect(isSensitive(condition('38341003', 'V'))).toBe(true);
    expect(isSensitive(condition('38341003', 'N'))).toBe(false);
    const nested = { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, reasonCode: [{ coding: [{ system: 'http://snomed.info/sct', code: '15628003' }] }] } as Resource;
    expect(isSensitive(nested)).toBe(true);
    // The same code in another system is not the SNOMED CT concept.
    expect(isSensitive({ ...condition('x'), code: { coding: [{ system: 'http://example.org', code: '86406008' }] } } as Resource)).toBe(false);
    expect(isSensitive(undefined)).toBe(false);
  });

  it('takes another OpenCodelists CSV from FOOTPRINT_SENSITIVE_CODELIST', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sensitive-'));
    try {
      const file = join(dir, 'local.csv');
      writeFileSync(file, 'code,term\n"38341003","Hypertensive disorder, systemic"\n');
      expect(readCodelistCodes('term,code\n"a, b",123\n')).toEqual(['123']);
      const codes = loadSensitiveCodes({ FOOTPRINT_SENSITIVE_CODELIST: file });
      expect([...codes]).toEqual(['38341003']);
      expect(isSensitive(condition('38341003'), codes)).toBe(true);
      expect(isSensitive(condition('86406008'), codes)).toBe(false);
      expect(() => loadSensitiveCodes({ FOOTPRINT_SENSITIVE_CODELIST: join(dir, 'missing.csv') })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
