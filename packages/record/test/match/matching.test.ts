import type { AuditEvent, Encounter, Observation, Patient, Resource } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type AccessContext } from '../../src/access-context';
import { staffContext } from '../../src/access/staff-policy';
import type { OpenRecord } from '../../src/create-record';
import { AccessPolicy } from '../../src/access/policy';
import { decideMatchReview, listMatchReviews } from '../../src/match';
import { candidateStatement } from '../../src/match/candidates';
import { testEngines } from '../engines';
import { admin, client, nhsNumber } from '../suite/context';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const administrator = staffContext({ id: 'admin-1', displayName: 'Ada Admin', role: 'administrator', organisation: { code: 'QYG', reference: 'Organization/icb' } }, 'HOPERAT');
const clinician = staffContext({ id: 'gp-1', displayName: 'Grace GP', role: 'gp_clinician', organisation: { code: 'A81001', reference: 'Organization/practice' } }, 'TREAT');
const trust: AccessContext = { ...client(['system/*.cruds'], 'trust-pas'), organisation: { reference: 'Organization/trust', odsCode: 'RBQ' } };

let serial = 0;
/** A person with a surname unique to the test run, so tests sharing one record never meet. */
function patient(over: { family?: string; given?: string; birthDate?: string; nhs?: string | null; postcode?: string; line?: string } = {}): Patient {
  const p = { family: `Bronte${(++serial).toString(36)}x`, given: 'Emily', birthDate: `19${50 + (serial % 40)}-07-${String(1 + (serial % 27)).padStart(2, '0')}`, nhs: nhsNumber() as string | null, postcode: 'BD22 8DR', line: '12 Church Street', ...over };
  return {
    resourceType: 'Patient',
    ...(p.nhs ? { identifier: [{ system: NHS, value: p.nhs }] } : {}),
    active: true,
    name: [{ use: 'official', family: p.family, given: [p.given] }],
    gender: 'female',
    birthDate: p.birthDate,
    address: [{ use: 'home', line: [p.line], city: 'Haworth', postalCode: p.postcode }],
  };
}

/** The resource without the server's version and timestamp, for byte-for-byte comparison. */
const content = (r: Resource): string => {
  const { meta, ...rest } = r;
  const { versionId: _v, lastUpdated: _l, ...otherMeta } = meta ?? {};
  return JSON.stringify({ ...rest, ...(Object.keys(otherMeta).length ? { meta: otherMeta } : {}) });
};

for (const engine of testEngines()) {
  describe(`one person, one record on ${engine.name}`, { timeout: 60_000 }, () => {
    let record: OpenRecord;
    beforeAll(async () => {
      record = await engine.open();
    });
    afterAll(async () => record?.close());

    const reviewsOf = async (id: string) =>
      (await record.sql.query<{ candidate_id: string; patient_id: string; grade: string; status: string; found_by: string }>(
        'SELECT * FROM match_review WHERE patient_id = $1 OR candidate_id = $1',
        [id],
      )).rows;

    describe('Patient/$match', () => {
      it('finds a record with a typo in the surname and no NHS number as probable, and the same NHS number as certain', async () => {
        const emily = (await record.repo.create(admin, patient())).resource;
        const family = emily.name![0].family!;
        const typo = await record.repo.match(admin, { resource: { ...patient({ family: family.replace('ronte', 'rointe'), birthDate: emily.birthDate, nhs: null }) } });
        expect(typo.map((m) => [m.patient.id, m.grade])).toEqual([[emily.id, 'probable']]);
        expect(typo[0].score).toBeGreaterThan(0.7);
        expect(typo[0].score).toBeLessThan(0.9);
        const byNumber = await record.repo.match(admin, { resource: { resourceType: 'Patient', identifier: emily.identifier, birthDate: emily.birthDate, name: [{ given: ['Emily'] }] } });
        expect(byNumber.map((m) => [m.patient.id, m.grade])).toEqual([[emily.id, 'certain']]);
      });

      it('finds a changed surname with the same given name, date of birth and postcode, and leaves out certainly-not', async () => {
        const anne = (await record.repo.create(admin, patient({ given: 'Anne' }))).resource;
        const married = patient({ family: `Married${serial}`, given: 'Anne', birthDate: anne.birthDate, nhs: null, line: '7 New Road' });
        const found = await record.repo.match(admin, { resource: married });
        expect(found.map((m) => [m.patient.id, m.grade, m.reasons.includes('rule:changed-surname')])).toEqual([[anne.id, 'probable', true]]);
        const otherNumber = { ...anne, id: undefined, identifier: [{ system: NHS, value: nhsNumber() }] };
        expect(await record.repo.match(admin, { resource: otherNumber })).toEqual([]);
      });

      it('sorts by score, honours count and onlyCertainMatches', async () => {
        const base = patient({ given: 'Charlotte' });
        const a = (await record.repo.create(admin, base)).resource;
        const b = (await record.repo.create(admin, { ...patient({ family: base.name![0].family + 'e', given: 'Charlotte', birthDate: base.birthDate, nhs: null }) })).resource;
        const asked = { ...base, identifier: a.identifier };
        const all = await record.repo.match(admin, { resource: asked });
        expect(all.map((m) => m.patient.id)).toEqual([a.id, b.id]);
        expect(all.map((m) => m.grade)).toEqual(['certain', 'probable']);
        expect(all[0].score).toBeGreaterThan(all[1].score);
        expect((await record.repo.match(admin, { resource: asked, count: 1 })).map((m) => m.patient.id)).toEqual([a.id]);
        expect((await record.repo.match(admin, { resource: asked, onlyCertainMatches: true })).map((m) => m.grade)).toEqual(['certain']);
      });

      it('reads candidates under the access policy, audits them without demographics, and refuses bad input', async () => {
        const hidden = (await record.repo.create(admin, patient())).resource;
        const onlyObservations = client(['system/Observation.rs'], 'obs-only');
        await expect(record.repo.match(onlyObservations, { resource: hidden })).rejects.toMatchObject({ status: 403 });
        await expect(record.repo.match(administrator, { resource: hidden })).rejects.toMatchObject({ status: 403 });
        await expect(record.repo.match(admin, { resource: { resourceType: 'Patient', gender: 'female' } })).rejects.toMatchObject({ status: 400 });
        await expect(record.repo.match(admin, { resource: hidden, count: 0 })).rejects.toMatchObject({ status: 400 });
        const asker = client(['system/Patient.rs'], `matcher-${serial}`);
        await record.repo.match(asker, { resource: { ...hidden, id: undefined } });
        const { rows } = await record.sql.query<{ content: string }>("SELECT content FROM audit_event WHERE content LIKE $1", [`%${asker.principal.id}%`]);
        expect(rows).toHaveLength(1);
        const event = JSON.parse(rows[0].content) as AuditEvent;
        expect(event.subtype?.[0].code).toBe('operation');
        expect(event.entity?.map((e) => e.what?.reference)).toContain(`Patient/${hidden.id}`);
        expect(rows[0].content).not.toContain(hidden.name![0].family!);
        expect(rows[0].content).not.toContain(hidden.identifier![0].value!);
      });
    });

    it('retrieves candidates through the search indexes, never by scanning the tables', async () => {
      const statement = candidateStatement(new AccessPolicy(admin), patient({ nhs: nhsNumber() }), 'someone')!;
      const plan = await record.sql.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        return (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.text}`, statement.values)).rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/search_token_value_idx/);
      expect(plan).toMatch(/search_date_(lo|hi)_idx/);
      expect(plan).toMatch(/search_string_value_idx/);
      expect(plan).not.toMatch(/Seq Scan/);
    });

    describe('screening creates and imports', () => {
      it('queues a probable match of a new record without an NHS number for review, and the create still succeeds', async () => {
        const first = (await record.repo.create(admin, patient())).resource;
        const second = (await record.repo.create(trust, patient({ family: first.name![0].family!, birthDate: first.birthDate, nhs: null, postcode: 'BD228DR' }))).resource;
        expect(second.id).not.toBe(first.id);
        const reviews = await reviewsOf(second.id!);
        expect(reviews.map((r) => [r.patient_id, r.candidate_id, r.grade, r.status, r.found_by])).toEqual([[second.id, first.id, 'probable', 'pending', 'create']]);
      });

      it('queues a record imported with an NHS number already held by another as certain, once however often it is imported', async () => {
        const first = (await record.repo.create(admin, patient())).resource;
        const again = { ...patient({ family: first.name![0].family!, birthDate: first.birthDate, nhs: first.identifier![0].value! }), id: `import-${serial}` };
        await record.repo.importBatch(systemContext(), [again]);
        await record.repo.importBatch(systemContext(), [again]);
        const reviews = await reviewsOf(first.id!);
        expect(reviews.map((r) => [r.patient_id, r.grade, r.found_by])).toEqual([[again.id, 'certain', 'import']]);
      });

      it('finds an earlier record without an NHS number when the person is created again with one', async () => {
        const unnumbered = (await record.repo.create(trust, patient({ nhs: null }))).resource;
        const numbered = (await record.repo.create(admin, patient({ family: unnumbered.name![0].family!, birthDate: unnumbered.birthDate }))).resource;
        expect((await reviewsOf(unnumbered.id!)).map((r) => [r.patient_id, r.grade])).toEqual([[numbered.id, 'probable']]);
      });

      it('does not queue twins or people who merely share a birthday', async () => {
        const first = (await record.repo.create(admin, patient({ given: 'Emily' }))).resource;
        const twin = (await record.repo.create(admin, patient({ family: first.name![0].family!, given: 'Anne', birthDate: first.birthDate, nhs: null }))).resource;
        expect(await reviewsOf(twin.id!)).toEqual([]);
      });
    });

    describe('merge and unmerge', () => {
      async function duplicatePair() {
        const target = (await record.repo.create(admin, patient())).resource;
        const source = (await record.repo.create(trust, patient({ family: target.name![0].family!, birthDate: target.birthDate, nhs: null }))).resource;
        const encounter = (await record.repo.create<Encounter>(trust, { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject: { reference: `Patient/${source.id}` } })).resource;
        const observation = (await record.repo.create<Observation>(trust, {
          resourceType: 'Observation',
          status: 'final',
          code: { text: 'Body weight' },
          subject: { reference: `Patient/${source.id}`, display: 'as recorded' },
          encounter: { reference: `Encounter/${encounter.id}` },
          performer: [{ reference: `Patient/${source.id}` }],
          valueQuantity: { value: 61.50, unit: 'kg' },
        })).resource;
        const targetObservation = (await record.repo.create<Observation>(admin, { resourceType: 'Observation', status: 'final', code: { text: 'Height' }, subject: { reference: `Patient/${target.id}` } })).resource;
        return { target, source, encounter, observation, targetObservation };
      }
      const searchIds = async (type: string, params: Array<[string, string]>) =>
        (await record.repo.search(admin, type, params)).matches.map((r) => r.id).sort();
      const everythingIds = async (id: string) => (await record.repo.everything(admin, id, {})).matches.map((r) => `${r.resourceType}/${r.id}`).sort();

      it('moves every reference to the survivor, links the records, and unmerge restores both exactly', async () => {
        const pair = await duplicatePair();
        const { source, target } = pair;
        const before = {
          resources: await Promise.all([pair.source, pair.target, pair.encounter, pair.observation, pair.targetObservation].map((r) => record.repo.read(admin, r.resourceType, r.id!))),
          sourceObservations: await searchIds('Observation', [['subject', `Patient/${source.id}`]]),
          targetObservations: await searchIds('Observation', [['subject', `Patient/${target.id}`]]),
          sourceEverything: await everythingIds(source.id!),
          targetEverything: await everythingIds(target.id!),
          organisations: (await record.sql.query<{ id: string; organisation: string | null }>('SELECT id, organisation FROM resource WHERE id = ANY($1) ORDER BY id', [[pair.encounter.id, pair.observation.id]])).rows,
        };

        const merged = await record.repo.merge(administrator, { sourceId: source.id!, targetId: target.id! });
        expect(merged.moved).toBe(2);
        expect(merged.source.active).toBe(false);
        expect(merged.source.link).toEqual([{ other: { reference: `Patient/${target.id}` }, type: 'replaced-by' }]);
        expect(merged.target.link).toEqual([{ other: { reference: `Patient/${source.id}` }, type: 'replaces' }]);
        const movedObservation = await record.repo.read<Observation>(admin, 'Observation', pair.observation.id!);
        expect(movedObservation.subject).toEqual({ reference: `Patient/${target.id}`, display: 'as recorded' });
        expect(movedObservation.performer).toEqual([{ reference: `Patient/${target.id}` }]);
        expect(movedObservation.meta?.versionId).toBe('2');
        expect(await searchIds('Observation', [['subject', `Patient/${source.id}`]])).toEqual([]);
        expect(await searchIds('Observation', [['subject', `Patient/${target.id}`]])).toEqual([pair.observation.id, pair.targetObservation.id].sort());
        expect(await everythingIds(target.id!)).toEqual(
          [`Patient/${target.id}`, `Encounter/${pair.encounter.id}`, `Observation/${pair.observation.id}`, `Observation/${pair.targetObservation.id}`].sort(),
        );
        const history = await record.repo.history(admin, { resourceType: 'Observation', id: pair.observation.id! });
        expect(history.entries.map((e) => e.versionId)).toEqual(['2', '1']);
        const organisations = (await record.sql.query<{ id: string; organisation: string | null }>('SELECT id, organisation FROM resource WHERE id = ANY($1) ORDER BY id', [[pair.encounter.id, pair.observation.id]])).rows;
        expect(organisations).toEqual(before.organisations);
        expect((await record.repo.match(admin, { resource: { ...source, id: undefined } })).map((m) => m.patient.id)).not.toContain(source.id);

        const unmerged = await record.repo.unmerge(administrator, { sourceId: source.id!, targetId: target.id! });
        expect(unmerged.restored).toBe(2);
        const after = await Promise.all([pair.source, pair.target, pair.encounter, pair.observation, pair.targetObservation].map((r) => record.repo.read(admin, r.resourceType, r.id!)));
        expect(after.map(content)).toEqual(before.resources.map(content));
        expect(await searchIds('Observation', [['subject', `Patient/${source.id}`]])).toEqual(before.sourceObservations);
        expect(await searchIds('Observation', [['subject', `Patient/${target.id}`]])).toEqual(before.targetObservations);
        expect(await everythingIds(source.id!)).toEqual(before.sourceEverything);
        expect(await everythingIds(target.id!)).toEqual(before.targetEverything);
        const review = (await reviewsOf(source.id!))[0];
        expect(review.status).toBe('pending');
      });

      it('keeps a change made after the merge when unmerging', async () => {
        const pair = await duplicatePair();
        await record.repo.merge(administrator, { sourceId: pair.source.id!, targetId: pair.target.id! });
        const current = await record.repo.read<Patient>(admin, 'Patient', pair.target.id!);
        await record.repo.update(admin, { ...current, telecom: [{ system: 'phone', value: '01535 640192' }] });
        await record.repo.unmerge(administrator, { sourceId: pair.source.id!, targetId: pair.target.id! });
        const target = await record.repo.read<Patient>(admin, 'Patient', pair.target.id!);
        expect(target.telecom).toEqual([{ system: 'phone', value: '01535 640192' }]);
        expect(target.link).toBeUndefined();
        expect((await record.repo.read<Patient>(admin, 'Patient', pair.source.id!)).active).toBe(true);
      });

      it('refuses bad input with a precise 4xx and writes nothing', async () => {
        const pair = await duplicatePair();
        const versions = async () => (await record.sql.query<{ id: string; version: number }>('SELECT id, version FROM resource WHERE id = ANY($1) ORDER BY id', [[pair.source.id, pair.target.id, pair.observation.id]])).rows;
        const start = await versions();
        await expect(record.repo.merge(administrator, { sourceId: pair.source.id!, targetId: pair.source.id! })).rejects.toMatchObject({ status: 400 });
        await expect(record.repo.merge(administrator, { sourceId: pair.source.id!, targetId: 'no-such-patient' })).rejects.toMatchObject({ status: 404 });
        await expect(record.repo.merge(administrator, { sourceId: 'bad id!', targetId: pair.target.id! })).rejects.toMatchObject({ status: 400 });
        await expect(record.repo.merge(clinician, { sourceId: pair.source.id!, targetId: pair.target.id! })).rejects.toMatchObject({ status: 403 });
        await expect(record.repo.merge(client(['system/Patient.cruds']), { sourceId: pair.source.id!, targetId: pair.target.id! })).rejects.toMatchObject({ status: 403 });
        await expect(record.repo.unmerge(administrator, { sourceId: pair.source.id!, targetId: pair.target.id! })).rejects.toMatchObject({ status: 409 });
        expect(await versions()).toEqual(start);
        await record.repo.merge(trust, { sourceId: pair.source.id!, targetId: pair.target.id! });
        await expect(record.repo.merge(administrator, { sourceId: pair.source.id!, targetId: pair.target.id! })).rejects.toMatchObject({ status: 409 });
        const third = (await record.repo.create(admin, patient())).resource;
        await expect(record.repo.merge(administrator, { sourceId: third.id!, targetId: pair.source.id! })).rejects.toMatchObject({ status: 409 });
      });

      it('audits the merge and each rewritten resource as the administrator, naming both people', async () => {
        const pair = await duplicatePair();
        await record.repo.merge(administrator, { sourceId: pair.source.id!, targetId: pair.target.id! });
        const { rows } = await record.sql.query<{ content: string }>("SELECT content FROM audit_event WHERE content LIKE '%admin-1%' AND content LIKE $1", [`%${pair.target.id}%`]);
        const events = rows.map((r) => JSON.parse(r.content) as AuditEvent);
        const merge = events.find((e) => e.subtype?.[0].code === 'operation');
        expect(merge?.entity?.map((e) => e.what?.reference)).toEqual(expect.arrayContaining([`Patient/${pair.source.id}`, `Patient/${pair.target.id}`]));
        expect(events.filter((e) => e.action === 'U').length).toBeGreaterThanOrEqual(3);
      });
    });

    describe('the review queue', () => {
      it('lists pending pairs with both records’ demographics for an administrator, records decisions, and refuses clinicians', async () => {
        const first = (await record.repo.create(admin, patient())).resource;
        const second = (await record.repo.create(trust, patient({ family: first.name![0].family!, birthDate: first.birthDate, nhs: null }))).resource;
        const pending = await listMatchReviews(record.sql, administrator, { status: 'pending' });
        const pair = pending.find((p) => p.patientId === second.id)!;
        expect(pair.candidate?.nhsNumber).toBe(first.identifier![0].value);
        expect(pair.patient?.family).toBe(first.name![0].family);
        expect(pair.patient?.recordedBy).toBe('Organization/trust');
        expect(Object.keys(pair.patient!)).not.toContain('extension');
        const decided = await decideMatchReview(record.sql, administrator, pair.id, 'not-duplicate');
        expect([decided.status, decided.decidedBy]).toEqual(['not-duplicate', 'admin-1']);
        await expect(listMatchReviews(record.sql, clinician)).rejects.toMatchObject({ status: 403 });
        await expect(decideMatchReview(record.sql, administrator, pair.id, 'merged' as never)).rejects.toMatchObject({ status: 400 });
        await expect(decideMatchReview(record.sql, administrator, 'no-such-review', 'pending')).rejects.toMatchObject({ status: 404 });
      });
    });
  });
}
