import { OperationOutcomeError, nhsNumberCheckDigit } from '@footprint/fhir';
import type { Bundle, BundleEntry, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../access-context';
import type { OpenRecord } from '../create-record';
import { processBundle } from './process';
import { testEngines } from '../../test/engines';

const ctx = systemContext();
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const PAT = 'urn:uuid:0b7c3f0e-5d2a-4c1b-9e8f-1a2b3c4d5e6f';
const ENC = 'urn:uuid:7e6d5c4b-3a29-4817-8f6e-5d4c3b2a1908';

const patient = (nhs: string): Patient => ({ resourceType: 'Patient', identifier: [{ system: NHS, value: nhs }], name: [{ family: 'Okafor' }] });

/** A fresh valid NHS number for each call, so tests sharing one record never see each other's patients. */
let stem = 943_000_000;
function freshNhsNumber(): string {
  for (;;) {
    const nine = String(stem++);
    const check = nhsNumberCheckDigit(nine);
    if (check !== null) return nine + check;
  }
}
const tx = (entry: BundleEntry[], type: 'transaction' | 'batch' = 'transaction'): Bundle => ({ resourceType: 'Bundle', type, entry });

async function failure(p: Promise<unknown>): Promise<OperationOutcomeError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(OperationOutcomeError);
    return err as OperationOutcomeError;
  }
  throw new Error('expected the Bundle to fail');
}

for (const engine of testEngines()) {
  describe(`Bundles on ${engine.name}`, () => {
    // One record for the file; each test uses its own NHS numbers and counts only its own patients.
    let record: OpenRecord;
    beforeAll(async () => {
      record = await engine.open();
    });
    afterAll(async () => {
      await record.close();
    });

    const patients = async (nhs: string) => (await record.repo.search(ctx, 'Patient', [['identifier', `${NHS}|${nhs}`], ['_total', 'accurate']])).total;

    it('creates a transaction’s resources and rewrites urn:uuid references everywhere, in any entry order', async () => {
      const nhs = freshNhsNumber();
      const response = await processBundle(record.repo, ctx, tx([
        // The Observation comes first but refers to entries after it.
        { request: { method: 'POST', url: 'Observation' }, resource: {
          resourceType: 'Observation', status: 'final', code: { text: 'Blood pressure' },
          subject: { reference: PAT }, encounter: { reference: ENC },
          extension: [{ url: 'https://example.org/recorded-for', valueReference: { reference: PAT } }],
        } as Observation },
        { fullUrl: PAT, request: { method: 'POST', url: 'Patient' }, resource: patient(nhs) },
        { fullUrl: ENC, request: { method: 'POST', url: 'Encounter' }, resource: { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject: { reference: PAT } } },
        { request: { method: 'GET', url: `Observation?subject=${PAT}` } },
      ]));
      expect(response.type).toBe('transaction-response');
      expect(response.entry!.map((e) => e.response!.status)).toEqual(['201 Created', '201 Created', '201 Created', '200 OK']);
      const [obs, pat, enc, search] = response.entry!;
      const patientId = pat.resource!.id!;
      expect(pat.response!.location).toBe(`Patient/${patientId}/_history/1`);
      expect(pat.response!.etag).toBe('W/"1"');
      expect(pat.response!.lastModified).toBe(pat.resource!.meta!.lastUpdated);

      const stored = await record.repo.read<Observation>(ctx, 'Observation', obs.resource!.id!);
      expect(stored.subject!.reference).toBe(`Patient/${patientId}`);
      expect(stored.encounter!.reference).toBe(`Encounter/${enc.resource!.id}`);
      expect(stored.extension![0].valueReference!.reference).toBe(`Patient/${patientId}`);
      // The GET ran last, saw the writes, and its urn:uuid was rewritten too.
      expect((search.resource as Bundle).entry!.map((e) => e.resource!.id)).toEqual([stored.id]);
    });

    it('rolls back the whole transaction when one entry fails, naming the entry and element', async () => {
      const nhs = freshNhsNumber();
      const err = await failure(processBundle(record.repo, ctx, tx([
        { fullUrl: PAT, request: { method: 'POST', url: 'Patient' }, resource: patient(nhs) },
        { request: { method: 'POST', url: 'Patient' }, resource: patient('9990000019') },
      ])));
      expect(err.status).toBe(400);
      expect(err.outcome.issue![0].diagnostics).toMatch(/^Bundle\.entry\[1\]: .*NHS number/);
      expect(err.outcome.issue![0].expression).toEqual(['Bundle.entry[1].resource.identifier[0].value']);
      expect(await patients(nhs)).toBe(0);
    });

    it('rejects a transaction whose urn:uuid reference matches no entry, writing nothing', async () => {
      const nhs = freshNhsNumber();
      const err = await failure(processBundle(record.repo, ctx, tx([
        { fullUrl: PAT, request: { method: 'POST', url: 'Patient' }, resource: patient(nhs) },
        { request: { method: 'POST', url: 'Observation' }, resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: ENC } } },
      ])));
      expect(err.status).toBe(400);
      expect(err.outcome.issue![0].diagnostics).toMatch(/Bundle\.entry\[1\].*does not match the fullUrl/);
      expect(await patients(nhs)).toBe(0);
    });

    it('resolves conditional references by search, and refuses ones matching none or several', async () => {
      const nhs = freshNhsNumber();
      const created = await record.repo.create(ctx, patient(nhs));
      const ref = `Patient?identifier=${NHS}|${nhs}`;
      const obs = { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: ref } } as Observation;
      const ok = await processBundle(record.repo, ctx, tx([{ request: { method: 'POST', url: 'Observation' }, resource: obs }]));
      expect((ok.entry![0].resource as Observation).subject!.reference).toBe(`Patient/${created.resource.id}`);

      const none = await failure(processBundle(record.repo, ctx, tx([{ request: { method: 'POST', url: 'Observation' }, resource: { ...obs, subject: { reference: `Patient?identifier=${NHS}|${freshNhsNumber()}` } } }])));
      expect(none.status).toBe(400);
      expect(none.outcome.issue![0].diagnostics).toMatch(/matches no resource/);

      await record.repo.create(ctx, patient(nhs));
      const several = await failure(processBundle(record.repo, ctx, tx([{ request: { method: 'POST', url: 'Observation' }, resource: obs }])));
      expect(several.status).toBe(412);
      expect(several.outcome.issue![0].diagnostics).toMatch(/Bundle\.entry\[0\].*more than one/);
    });

    it('makes conditional creates idempotent and points references at the existing resource', async () => {
      const nhs = freshNhsNumber();
      const bundle = tx([
        { fullUrl: PAT, request: { method: 'POST', url: 'Patient', ifNoneExist: `identifier=${NHS}|${nhs}` }, resource: patient(nhs) },
        { request: { method: 'POST', url: 'Observation' }, resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: PAT } } as Observation },
      ]);
      const first = await processBundle(record.repo, ctx, bundle);
      const second = await processBundle(record.repo, ctx, bundle);
      expect(first.entry![0].response!.status).toBe('201 Created');
      expect(second.entry![0].response!.status).toBe('200 OK');
      expect(second.entry![0].resource!.id).toBe(first.entry![0].resource!.id);
      expect((second.entry![1].resource as Observation).subject!.reference).toBe(`Patient/${first.entry![0].resource!.id}`);
      expect(await patients(nhs)).toBe(1);
      // The caller's Bundle is not changed by processing.
      expect((bundle.entry![1].resource as Observation).subject!.reference).toBe(PAT);
    });

    it('creates with a conditional update when nothing matches, and updates the match otherwise', async () => {
      const nhs = freshNhsNumber();
      const put = (family: string) => tx([{ request: { method: 'PUT', url: `Patient?identifier=${NHS}|${nhs}` }, resource: { ...patient(nhs), name: [{ family }] } }]);
      const created = await processBundle(record.repo, ctx, put('Ng'));
      expect(created.entry![0].response!.status).toBe('201 Created');
      const updated = await processBundle(record.repo, ctx, put('Ngozi'));
      expect(updated.entry![0].response!.status).toBe('200 OK');
      expect(updated.entry![0].resource!.id).toBe(created.entry![0].resource!.id);
      expect(updated.entry![0].response!.etag).toBe('W/"2"');
      expect(await patients(nhs)).toBe(1);
    });

    it('honours ifMatch: a stale version fails the transaction with 412', async () => {
      const nhs = freshNhsNumber();
      const { resource } = await record.repo.create(ctx, patient(nhs));
      await record.repo.update(ctx, { ...resource, active: true });
      const err = await failure(processBundle(record.repo, ctx, tx([
        { request: { method: 'PUT', url: `Patient/${resource.id}`, ifMatch: 'W/"1"' }, resource: { ...resource, active: false } },
      ])));
      expect(err.status).toBe(412);
      expect(err.outcome.issue![0].diagnostics).toMatch(/^Bundle\.entry\[0\]/);
      const ok = await processBundle(record.repo, ctx, tx([{ request: { method: 'PUT', url: `Patient/${resource.id}`, ifMatch: 'W/"2"' }, resource: { ...resource, active: false } }]));
      expect(ok.entry![0].response!.etag).toBe('W/"3"');
    });

    it('processes DELETE before POST, PUT and GET, and answers in entry order', async () => {
      const nhs = freshNhsNumber();
      const { resource } = await record.repo.create(ctx, patient(nhs));
      const response = await processBundle(record.repo, ctx, tx([
        { request: { method: 'GET', url: `Patient?identifier=${NHS}|${nhs}` } },
        { request: { method: 'POST', url: 'Patient' }, resource: patient(freshNhsNumber()) },
        { request: { method: 'DELETE', url: `Patient/${resource.id}` } },
      ]));
      expect(response.entry!.map((e) => e.response!.status)).toEqual(['200 OK', '201 Created', '204 No Content']);
      expect((response.entry![0].resource as Bundle).entry).toEqual([]); // the DELETE ran first
    });

    it('runs batch entries independently, reporting each failure in its entry', async () => {
      const nhs = freshNhsNumber();
      const response = await processBundle(record.repo, ctx, tx([
        { request: { method: 'POST', url: 'Patient' }, resource: patient(nhs) },
        { request: { method: 'POST', url: 'Patient' }, resource: { ...patient(nhs), birthDate: '2021-02-30' } },
        { request: { method: 'GET', url: 'Patient/does-not-exist' } },
        { resource: patient(nhs) },
        { request: { method: 'POST', url: 'Observation' }, resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: PAT } } as Observation },
      ], 'batch'));
      expect(response.type).toBe('batch-response');
      expect(response.entry!.map((e) => e.response!.status)).toEqual(['201 Created', '400 Bad Request', '404 Not Found', '400 Bad Request', '400 Bad Request']);
      expect(response.entry![1].response!.outcome!.issue![0].expression).toEqual(['Bundle.entry[1].resource.birthDate']);
      expect(response.entry![3].response!.outcome!.issue![0].diagnostics).toMatch(/Bundle\.entry\[3\] has no request/);
      expect(response.entry![4].response!.outcome!.issue![0].diagnostics).toMatch(/batch entries must be independent/);
      expect(await patients(nhs)).toBe(1);
    });

    it('names the entry when a conditional create searches with an unknown parameter', async () => {
      const nhs = freshNhsNumber();
      const err = await failure(processBundle(record.repo, ctx, tx([
        { request: { method: 'POST', url: 'Patient' }, resource: patient(nhs) },
        { request: { method: 'POST', url: 'Patient', ifNoneExist: 'shoe-size=9' }, resource: patient(freshNhsNumber()) },
      ])));
      expect(err.status).toBe(400);
      expect(err.outcome.issue![0].diagnostics).toMatch(/^Bundle\.entry\[1\]: .*shoe-size/);
      expect(await patients(nhs)).toBe(0);
    });

    it('rejects Bundles that are not batches or transactions', async () => {
      const err = await failure(processBundle(record.repo, ctx, { resourceType: 'Bundle', type: 'collection', entry: [] }));
      expect(err.status).toBe(400);
      expect(err.outcome.issue![0].expression).toEqual(['Bundle.type']);
    });
  });
}
