import { describe, expect, it } from 'vitest';
import { settleBundleIdentities } from './bundle-identities';
import type { SourceRecord } from './records';

const record = (position: number, value: Record<string, unknown>, extra: Partial<SourceRecord> = {}): SourceRecord => ({ position, where: `entry[${position - 1}]`, value, ...extra });

describe('ids and references inside an imported Bundle', () => {
  it('takes ids from PUT URLs (relative or absolute), urn:uuid fullUrls, absolute fullUrls, or the content', async () => {
    const records = [
      record(1, { resourceType: 'Patient' }, { fullUrl: 'urn:uuid:0B7C3F0E-5D2A-4C1B-9E8F-1A2B3C4D5E6F', request: { method: 'POST', url: 'Patient' } }),
      record(2, { resourceType: 'Patient', id: 'ignored' }, { request: { method: 'PUT', url: 'https://gp.example/fhir/R4/Patient/from-url' } }),
      record(3, { resourceType: 'Organization' }, { fullUrl: 'https://trust.example/fhir/Organization/rbq' }),
      record(4, { resourceType: 'Observation', status: 'final', subject: { reference: 'urn:uuid:0B7C3F0E-5D2A-4C1B-9E8F-1A2B3C4D5E6F' }, performer: [{ reference: 'https://trust.example/fhir/Organization/rbq' }] }),
    ];
    await settleBundleIdentities(records, async () => undefined);
    expect(records.map((r) => r.value!.id)).toEqual(['0b7c3f0e-5d2a-4c1b-9e8f-1a2b3c4d5e6f', 'from-url', 'rbq', expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(records[3].value!.subject).toEqual({ reference: 'Patient/0b7c3f0e-5d2a-4c1b-9e8f-1a2b3c4d5e6f' });
    expect(records[3].value!.performer).toEqual([{ reference: 'Organization/rbq' }]);
  });

  it('uses the existing resource a conditional create or update matches', async () => {
    const records = [
      record(1, { resourceType: 'Organization' }, { fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111', request: { method: 'POST', url: 'Organization', ifNoneExist: 'identifier=x|RBQ' } }),
      record(2, { resourceType: 'Patient' }, { request: { method: 'PUT', url: 'Patient?identifier=x|1' } }),
      record(3, { resourceType: 'Patient', managingOrganization: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' } }),
    ];
    await settleBundleIdentities(records, async (type, query) => `${type.toLowerCase()}-${query.split('|')[1]}`);
    expect(records[0]).toMatchObject({ existing: 'organization-RBQ', value: { id: 'organization-RBQ' } });
    expect(records[1].value!.id).toBe('patient-1');
    expect(records[2].value!.managingOrganization).toEqual({ reference: 'Organization/organization-RBQ' });
  });

  it('derives the same id from the same content every time', async () => {
    const a = [record(1, { resourceType: 'Patient', gender: 'female' })];
    const b = [record(1, { resourceType: 'Patient', gender: 'female' })];
    await settleBundleIdentities(a, async () => undefined);
    await settleBundleIdentities(b, async () => undefined);
    expect(a[0].value!.id).toBe(b[0].value!.id);
  });
});
