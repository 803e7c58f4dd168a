import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNhsNumber, personalNames, scanLine, scanLogFolder } from './scan';

const names = personalNames();
const line = (fields: Record<string, unknown>) => JSON.stringify({ level: 30, time: 1796181733000, pid: 123, hostname: 'h', reqId: 'r', ...fields });

describe('the log scan', () => {
  it('finds NHS numbers (plain and spaced), names and dates of birth anywhere in a line', () => {
    expect(isNhsNumber('9990000019')).toBe(false);
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(scanLine(line({ msg: 'search', path: '/fhir/R4/Patient?identifier=9434765919' }), names)).toEqual([{ kind: 'NHS number', match: '9********9' }]);
    expect(scanLine(line({ err: { message: 'no match for 943 476 5919' } }), names).map((f) => f.kind)).toEqual(['NHS number']);
    expect(scanLine(line({ msg: 'query failed', err: { detail: 'family = Okafor' } }), names)).toEqual([{ kind: 'name', match: 'O****r' }]);
    expect(scanLine(line({ msg: 'birthdate 1961-04-12' }), names).map((f) => f.kind)).toEqual(['date of birth']);
    expect(scanLine(line({ msg: 'born 12/04/1961' }), names).map((f) => f.kind)).toEqual(['date of birth']);
    expect(scanLine('not json: Olivia 9434765919', names).map((f) => f.kind).sort()).toEqual(['NHS number', 'name']);
  });

  it('leaves timestamps, ids, counts and pino’s own fields alone', () => {
    expect(scanLine(line({ msg: 'request completed', method: 'GET', path: '/fhir/R4/Patient/0b6a1c1e-8f1e-4e55-9b1a-2f3c4d5e6f70', statusCode: 200, responseTime: 9434765919 }), names)).toEqual([]);
    expect(scanLine(line({ msg: 'audit head written', at: '2026-12-02T03:16:41.123Z', seq: 1234567890 }), names)).toEqual([]);
    // Ten digits inside a UUID or after letters are not an NHS number (6291270927 alone would be).
    expect(scanLine(line({ req: { id: 'ecb8b9df-a5f7-4ec1-9a0a-be6291270927' } }), names)).toEqual([]);
    expect(scanLine(line({ path: '/fhir/R4/6291270927' }), names).map((f) => f.kind)).toEqual(['NHS number']);
    // A name's letters inside a random token (a fuzzed client id, a secret) are not a name; the name alone is.
    expect(scanLine(line({ clientId: 'q3YanZ8k', secret: 'pXOliviaQ' }), names)).toEqual([]);
    expect(scanLine(line({ clientId: 'Yan' }), names)).toEqual([{ kind: 'name', match: 'Y*n' }]);
    expect(scanLine(line({ msg: 'family=Okafor;given=Olivia' }), names).map((f) => f.match)).toEqual(['O****r', 'O****a']);
  });

  it('reports every finding with its file and line, and nothing for clean logs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'footprint-log-scan-'));
    try {
      await writeFile(join(dir, 'server-1.ndjson'), `${line({ msg: 'fine' })}\n${line({ msg: 'Patient Olivia' })}\n`);
      await writeFile(join(dir, 'server-2.ndjson'), `${line({ msg: 'fine' })}\n`);
      await writeFile(join(dir, 'ignored.txt'), 'Olivia 9434765919');
      const result = await scanLogFolder(dir);
      expect(result).toMatchObject({ files: 2, lines: 3 });
      expect(result.findings.map((f) => [f.file, f.line, f.kind])).toEqual([['server-1.ndjson', 2, 'name']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
