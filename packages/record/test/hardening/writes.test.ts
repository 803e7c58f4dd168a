import type { AuditEvent, Bundle, Observation, OperationOutcome, Patient } from '@footprint/fhir';
import { OperationOutcomeError } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type AccessContext, type PurposeOfUse } from '../../src/access-context';
import { staffContext } from '../../src/access/staff-policy';
import type { OpenRecord } from '../../src/create-record';
import type { Repository } from '../../src/repository';
import { CONTRIBUTOR_EXTENSION } from '../../src/store/provenance';
import { testEngines } from '../engines';
import { marker, NHS, nhsNumber } from '../suite/context';
import { statusOf } from '../suite/crud';

/**
 * The probe's record defects (issue 10 §3), one test each: writes bound to the writer and
 * provenance stamped from the token, purpose of use, scope context, who reads the audit trail,
 * paging cursors bound to their principal, control characters and unsafe narratives.
 */
const partner = (org: string, id: string, scopes: string[] = ['system/*.cruds'], purpose: PurposeOfUse = 'TREAT'): AccessContext => ({
  principal: { kind: 'client', id },
  organisation: { reference: `Organization/${org}` },
  scopes,
  purpose,
  request: { id: `req-${id}` },
});
const trust = partner('trust', 'trust-system');
const practice = partner('practice', 'practice-system');
const council = partner('council', 'council-system');
const platform = systemContext();

async function outcomeOf(promise: Promise<unknown>): Promise<{ status: number; text: string }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof OperationOutcomeError) return { status: err.status, text: (err.outcome as OperationOutcome).issue.map((i) => i.diagnostics).join(' ') };
    throw err;
  }
  return { status: 200, text: '' };
}

for (const engine of testEngines()) {
  describe(`writes, purposes, scopes, audit and input on ${engine.name}`, () => {
    let record: OpenRecord;
    let repo: Repository;
    let zoe: Patient;
    let trustObs: Observation;
    const m = marker();
    const meta = { tag: [{ system: 'https://footprint.test/marker', code: m }] };
    const observation = (patient: Patient, text: string): Observation => ({ resourceType: 'Observation', meta, status: 'final', code: { text }, subject: { reference: `Patient/${patient.id}` } });

    beforeAll(async () => {
      record = await engine.open();
      repo = record.repo;
      // Zoë is registered at the practice; the trust wrote her record and an observation.
      zoe = (await repo.create<Patient>(trust, { resourceType: 'Patient', meta, identifier: [{ system: NHS, value: nhsNumber() }], generalPractitioner: [{ reference: 'Organization/practice' }] })).resource;
      trustObs = (await repo.create<Observation>(trust, observation(zoe, 'trust result'))).resource;
    });
    afterAll(async () => {
      await record?.close();
    });

    describe('writes are bound to the writer', () => {
      it("refuses another organisation's update and delete with a 403, and lets the contributor change its own", async () => {
        const changed = { ...trustObs, status: 'amended' as const };
        const update = await outcomeOf(repo.update(practice, changed));
        expect(update.status).toBe(403);
        expect(update.text).toMatch(/contributed by another organisation/);
        expect(await statusOf(repo.delete(council, 'Observation', trustObs.id!))).toBe(403);
        expect((await repo.read<Observation>(platform, 'Observation', trustObs.id!)).status).toBe('final');
        const own = await repo.update(trust, changed);
        expect(own.outcome).toBe('updated');
        trustObs = own.resource;
      });

      it('lets the registered GP practice steward the Patient, and nobody else who did not contribute it', async () => {
        const practiceEdit = await repo.update<Patient>(practice, { ...zoe, gender: 'female' });
        expect(practiceEdit.outcome).toBe('updated');
        zoe = practiceEdit.resource;
        expect(await statusOf(repo.update(council, { ...zoe, gender: 'male' }))).toBe(403);
        expect(await statusOf(repo.delete(council, 'Patient', zoe.id!))).toBe(403);
        // The practice stewards demographics, not the trust's clinical record.
        expect(await statusOf(repo.delete(practice, 'Observation', trustObs.id!))).toBe(403);
      });

      it('binds transactions, batches and imports the same way, and writes nothing of a refused transaction', async () => {
        const fresh: Observation = { ...observation(zoe, 'practice note'), id: undefined };
        const transaction: Bundle = {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            { fullUrl: 'urn:uuid:7c1e0f9e-0a3c-4f8a-9a55-3f4a1b2c3d4e', resource: fresh, request: { method: 'POST', url: 'Observation' } },
            { resource: { ...trustObs, status: 'cancelled' }, request: { method: 'PUT', url: `Observation/${trustObs.id}` } },
          ],
        };
        expect(await statusOf(repo.processBundle(practice, transaction))).toBe(403);
        const notes = await repo.search(platform, 'Observation', [['_tag', `https://footprint.test/marker|${m}`], ['code:text', 'practice note']]);
        expect(notes.matches).toHaveLength(0);
        const batch = await repo.processBundle(practice, { ...transaction, type: 'batch' });
        expect(batch.entry?.map((e) => e.response?.status.slice(0, 3))).toEqual(['201', '403']);
        expect(await statusOf(repo.processBundle(practice, { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'DELETE', url: `Observation/${trustObs.id}` } }] }))).toBe(200);
        expect((await repo.read<Observation>(platform, 'Observation', trustObs.id!)).status).toBe(trustObs.status);
        expect(await statusOf(repo.importBatch(practice, [{ ...trustObs, status: 'cancelled' }]))).toBe(403);
        expect((await repo.read<Observation>(platform, 'Observation', trustObs.id!)).status).toBe(trustObs.status);
      });

      it('lets the platform change anything, and a person only their own Consents', async () => {
        const repaired = await repo.update(platform, { ...trustObs, status: 'final' });
        expect(repaired.outcome).toBe('updated');
        trustObs = repaired.resource;
        const person: AccessContext = { principal: { kind: 'patient', id: zoe.id!, nhsNumber: '9990000018' }, scopes: ['patient/*.cruds'], purpose: 'TREAT' };
        expect(await statusOf(repo.update(person, { ...trustObs, status: 'cancelled' }))).toBe(403);
        expect(await statusOf(repo.delete(person, 'Observation', trustObs.id!))).toBe(403);
      });

      it('stamps provenance from the token, never from the body', async () => {
        const forged: Observation = {
          ...observation(zoe, 'forged provenance'),
          meta: { ...meta, source: 'https://evil.example/pretend', extension: [{ url: CONTRIBUTOR_EXTENSION, valueReference: { reference: 'Organization/practice' } }] },
          performer: [{ reference: 'Organization/practice' }],
        };
        const written = (await repo.create<Observation>(trust, forged)).resource;
        expect(written.meta?.source).toBe('https://footprint.nhs.uk/Id/principal/client/trust-system#req-trust-system');
        expect(written.meta?.extension).toEqual([{ url: CONTRIBUTOR_EXTENSION, valueReference: { reference: 'Organization/trust' } }]);
        const read = await repo.read<Observation>(platform, 'Observation', written.id!);
        expect(read.meta).toEqual(written.meta);
        // The trust contributed it whatever its body says: the practice named as performer may not change it.
        expect(await statusOf(repo.update(practice, { ...read, status: 'amended' }))).toBe(403);
        const imported = await repo.importBatch(practice, [{ ...observation(zoe, 'imported'), id: `imp-${m}`, meta: { ...meta, source: 'https://evil.example/x' } }]);
        expect(imported.created).toBe(1);
        expect((await repo.read<Observation>(platform, 'Observation', `imp-${m}`)).meta?.source).toBe('https://footprint.nhs.uk/Id/principal/client/practice-system#req-practice-system');
        // Importing it again is still "unchanged": provenance is not content.
        expect((await repo.importBatch(practice, [{ ...observation(zoe, 'imported'), id: `imp-${m}` }])).unchanged).toBe(1);
      });
    });

    describe('purpose of use and scope context', () => {
      it('gives operations, planning and research no identifiable record, but reference data and the platform jobs still work', async () => {
        for (const purpose of ['HOPERAT', 'PUBHLTH', 'HRESCH'] as const) {
          const secondary = partner('trust', `secondary-${purpose}`, ['system/*.rs'], purpose);
          expect(await statusOf(repo.read(secondary, 'Patient', zoe.id!))).toBe(403);
          expect(await statusOf(repo.search(secondary, 'Observation', [['_tag', `https://footprint.test/marker|${m}`]]))).toBe(403);
          expect(await statusOf(repo.everything(secondary, zoe.id!, {}))).toBe(403);
          expect(await statusOf(repo.search(secondary, 'Organization', []))).toBe(200);
          const app: AccessContext = { principal: { kind: 'patient', id: zoe.id!, nhsNumber: '9990000018' }, scopes: ['patient/*.rs'], purpose };
          expect(await statusOf(repo.read(app, 'Patient', zoe.id!))).toBe(403);
        }
        // The warehouse build and record matching are the platform's own jobs.
        expect((await repo.read(systemContext('PUBHLTH', 'footprint-warehouse'), 'Patient', zoe.id!)).id).toBe(zoe.id);
        expect((await repo.read(systemContext('HOPERAT', 'record-matching'), 'Patient', zoe.id!)).id).toBe(zoe.id);
      });

      it('grants patient/ scopes only to a patient in their compartment and user/ scopes only to users', async () => {
        for (const scopes of [['patient/*.rs'], ['user/*.rs'], ['patient/Patient.rs', 'user/Observation.rs']]) {
          const wrong = partner('trust', 'scope-context', scopes);
          expect(await statusOf(repo.read(wrong, 'Patient', zoe.id!))).toBe(403);
          expect(await statusOf(repo.search(wrong, 'Patient', []))).toBe(403);
        }
        const person: AccessContext = { principal: { kind: 'patient', id: zoe.id!, nhsNumber: '9990000018' }, scopes: ['system/*.rs'], purpose: 'TREAT' };
        expect(await statusOf(repo.read(person, 'Patient', zoe.id!))).toBe(403);
        expect((await repo.read({ ...person, scopes: ['patient/*.rs'] }, 'Patient', zoe.id!)).id).toBe(zoe.id);
      });
    });

    describe('who reads the audit trail', () => {
      it('refuses partner systems whatever their scopes, and gives the privacy officer their organisation and each person their own', async () => {
        await repo.read(trust, 'Patient', zoe.id!);
        await repo.read(practice, 'Patient', zoe.id!);
        const wide = partner('trust', 'wide', ['system/*.cruds']);
        expect(await statusOf(repo.search(wide, 'AuditEvent', []))).toBe(403);
        expect(await statusOf(repo.search(partner('trust', 'auditor', ['system/AuditEvent.rs']), 'AuditEvent', []))).toBe(403);
        const events = (await repo.search(platform, 'AuditEvent', [['_count', '1000']])).matches as AuditEvent[];
        expect(await statusOf(repo.read(wide, 'AuditEvent', events[0].id!))).toBe(403);
        expect((await repo.search(wide, 'Patient', [['_id', zoe.id!], ['_revinclude', 'AuditEvent:entity']])).includes).toEqual([]);

        const officer = staffContext({ id: 'po-1', displayName: 'Privacy officer', role: 'privacy_officer', organisation: { code: 'P1', reference: 'Organization/practice' } }, 'HOPERAT');
        const seen = (await repo.search(officer, 'AuditEvent', [['_count', '1000']])).matches as AuditEvent[];
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.every((e) => e.agent?.some((a) => a.who?.reference === 'Organization/practice'))).toBe(true);
        expect(seen.some((e) => e.agent?.[0]?.altId === 'trust-system')).toBe(false);
        expect(await statusOf(repo.read(officer, 'Patient', zoe.id!))).toBe(403);
        const clinician = staffContext({ id: 'gp-1', displayName: 'GP', role: 'gp_clinician', organisation: { code: 'P1', reference: 'Organization/practice' } }, 'TREAT');
        expect(await statusOf(repo.search(clinician, 'AuditEvent', []))).toBe(403);

        const person: AccessContext = { principal: { kind: 'patient', id: zoe.id!, nhsNumber: '9990000018' }, scopes: ['patient/*.rs'], purpose: 'TREAT' };
        const own = (await repo.search(person, 'AuditEvent', [['_count', '1000']])).matches as AuditEvent[];
        expect(own.map((e) => e.agent?.[0]?.altId)).toEqual(expect.arrayContaining(['trust-system', 'practice-system']));
        expect(own.every((e) => JSON.stringify(e.entity).includes(`Patient/${zoe.id}`))).toBe(true);
      });
    });

    describe('paging cursors', () => {
      it('refuses a cursor made by another principal, for search, $everything and history', async () => {
        for (let i = 0; i < 3; i++) await repo.create(trust, observation(zoe, `page ${i}`));
        const reader = partner('trust', 'reader-a', ['system/*.rs']);
        const other = partner('trust', 'reader-b', ['system/*.rs']);
        const params: Array<[string, string]> = [['_tag', `https://footprint.test/marker|${m}`], ['_count', '1']];
        const first = await repo.search(reader, 'Observation', params);
        expect(first.next).toBeDefined();
        expect((await repo.search(reader, 'Observation', [...params, ['_cursor', first.next!]])).matches).toHaveLength(1);
        const stolen = await outcomeOf(repo.search(other, 'Observation', [...params, ['_cursor', first.next!]]));
        expect(stolen.status).toBe(400);
        expect(stolen.text).toMatch(/issued to someone else/);
        // The same client acting for another organisation is another principal too.
        expect(await statusOf(repo.search({ ...reader, organisation: { reference: 'Organization/council' } }, 'Observation', [...params, ['_cursor', first.next!]]))).toBe(400);

        const everything = await repo.everything(reader, zoe.id!, { count: 1 });
        expect(everything.next).toBeDefined();
        expect(await statusOf(repo.everything(other, zoe.id!, { count: 1, cursor: everything.next }))).toBe(400);
        expect((await repo.everything(reader, zoe.id!, { count: 1, cursor: everything.next })).matches).toHaveLength(1);

        const history = await repo.history(reader, { resourceType: 'Observation', count: 1 });
        expect(history.next).toBeDefined();
        expect(await statusOf(repo.history(other, { resourceType: 'Observation', count: 1, cursor: history.next }))).toBe(400);
        expect((await repo.history(reader, { resourceType: 'Observation', count: 1, cursor: history.next })).entries).toHaveLength(1);
      });
    });

    describe('bad input', () => {
      it('answers NUL and other control characters in search values, bodies and ids with a 400 (or 404), never a 500', async () => {
        expect(await statusOf(repo.search(trust, 'Patient', [['family', 'Smi\u0000th']]))).toBe(400);
        expect(await statusOf(repo.search(trust, 'Patient', [['identifier', `${NHS}|\u0000`]]))).toBe(400);
        expect(await statusOf(repo.search(trust, 'Patient', [['fam\u0000ily', 'x']]))).toBe(400);
        expect(await statusOf(repo.create<Patient>(trust, { resourceType: 'Patient', name: [{ family: 'Nul\u0000' }] }))).toBe(400);
        expect(await statusOf(repo.create<Patient>(trust, { resourceType: 'Patient', gender: 'fe\u0000male' as Patient['gender'] }))).toBe(400);
        expect(await statusOf(repo.create<Patient>(trust, { resourceType: 'Patient', identifier: [{ system: 'urn:x\u0000', value: '1' }] }))).toBe(400);
        expect(await statusOf(repo.read(trust, 'Patient', 'abc\u0000'))).toBe(404);
        expect(await statusOf(repo.vread(trust, 'Patient', 'abc\u0000', '1'))).toBe(404);
        expect(await statusOf(repo.delete(trust, 'Patient', 'abc\u0000'))).toBe(404);
        expect(await statusOf(repo.history(trust, { resourceType: 'Patient', id: 'abc\u0000' }))).toBe(404);
      });

      it('rejects narratives with scripts, event attributes, javascript: URLs or nothing to say (txt-1, txt-2), and keeps good ones', async () => {
        const X = 'xmlns="http://www.w3.org/1999/xhtml"';
        const withDiv = (div: string): Patient => ({ resourceType: 'Patient', meta, text: { status: 'generated', div } });
        for (const [div, rule] of [
          [`<div ${X}><script>alert(1)</script>Hi</div>`, /txt-1: <script>/],
          [`<div ${X}><p onclick="steal()">Hi</p></div>`, /event attributes such as onclick/],
          [`<div ${X}><img src="x.png" onerror="steal()"/></div>`, /onerror/],
          [`<div ${X}><a href="javascript:steal()">Hi</a></div>`, /javascript: URL/],
          [`<div ${X}><a href=" jav&#x09;ascript:steal()">Hi</a></div>`, /javascript: URL/],
          [`<div ${X}><iframe src="https://evil.example"></iframe>Hi</div>`, /<iframe> is not allowed/],
          [`<div ${X}><p style="background:url(https://evil.example/t.gif)">Hi</p></div>`, /style may not contain url\(/],
          [`<div ${X}>Hi<p>unclosed</div>`, /not well-formed/],
          [`<div>Hi</div>`, /XHTML namespace/],
          [`<div ${X}>   </div>`, /txt-2/],
        ] as const) {
          const refused = await outcomeOf(repo.create(trust, withDiv(div)));
          expect(refused.status, div).toBe(400);
          expect(refused.text, div).toMatch(rule);
        }
        const good = `<div ${X}><p>Zoë, <b>born 1980</b>, <a href="https://www.nhs.uk">NHS</a></p><table><tr><td colspan="2">ok</td></tr></table></div>`;
        expect((await repo.create(trust, withDiv(good))).outcome).toBe('created');
      });
    });
  });
}
