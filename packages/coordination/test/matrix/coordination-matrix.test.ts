import type { CarePlan, CareTeam, Condition, Goal, MedicationRequest, Observation, Organization, Patient, Resource } from '@footprint/fhir';
import { createRecord, recordMigrationSets, sharingChoiceConsent, staffContext, systemContext, voluntarySharingConsent, type AccessContext, type OpenRecord, type StaffRole } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeTaskStatus, coordinationMigrationSets, CoordinationConflictError, CoordinationNotFoundError, makeReferral } from '../../src';

const SCT = 'http://snomed.info/sct';
const HIV = { coding: [{ system: SCT, code: '86406008', display: 'Human immunodeficiency virus infection' }] };
const HYPERTENSION = { coding: [{ system: SCT, code: '38341003', display: 'Hypertensive disorder' }] };
/** The items of one person's record the matrix asks about, by what they are. */
type Item = 'Patient' | 'Condition' | 'Condition (sensitive)' | 'Observation' | 'MedicationRequest' | 'CarePlan' | 'Goal' | 'CareTeam';
/** What each reading role may see of a person its organisation is related to (docs/trust.md §1), sensitive items never. */
const ROLE_SEES: Record<'social_worker' | 'hospital_clinician', readonly Item[]> = {
  social_worker: ['Patient', 'Condition', 'CarePlan', 'Goal', 'CareTeam'],
  hospital_clinician: ['Patient', 'Condition', 'Observation', 'MedicationRequest', 'CarePlan', 'Goal', 'CareTeam'],
};

/**
 * Care coordination's rows of the access matrix (issue 14 §5): a referral grants the receiving
 * organisation exactly what its role may see of that one person while the referral stands, and
 * nothing more; a person's choice to share only with the recording organisation stops a
 * referral's details from flowing, and the sender is told why; a voluntary organisation sees only
 * what the person agreed to share with it. Every cell is asked of the real record.
 */
for (const kind of postgresKinds()) {
  describe(`the access matrix for care coordination (${kind})`, () => {
    let record: OpenRecord;
    const platform = systemContext();
    const orgs: Record<string, Organization> = {};
    const staff = (role: StaffRole, org: string): AccessContext => staffContext({ id: `${role}-${org}`, displayName: role, role, organisation: { code: org, reference: `Organization/${orgs[org].id}` } }, 'TREAT');
    const at = (org: string) => ({ reference: `Organization/${orgs[org].id}` });
    const by = (org: string): AccessContext => ({ ...platform, organisation: at(org) });

    /** A person registered at the practice with one of every item, each recorded by the practice. */
    async function person(): Promise<{ patient: Patient; items: Map<Item, Resource> }> {
      const patient = (await record.repo.create<Patient>(by('practice'), { resourceType: 'Patient', name: [{ family: 'Matrix' }], generalPractitioner: [at('practice')] })).resource;
      const subject = { reference: `Patient/${patient.id}` };
      const write = async <T extends Resource>(r: T) => (await record.repo.create<T>(by('practice'), r)).resource;
      const items = new Map<Item, Resource>([
        ['Patient', patient],
        ['Condition', await write<Condition>({ resourceType: 'Condition', subject, code: HYPERTENSION })],
        ['Condition (sensitive)', await write<Condition>({ resourceType: 'Condition', subject, code: HIV })],
        ['Observation', await write<Observation>({ resourceType: 'Observation', status: 'final', code: { text: 'blood pressure' }, subject })],
        ['MedicationRequest', await write<MedicationRequest>({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject, medicationCodeableConcept: { text: 'Amlodipine 5mg tablets' } })],
        ['CarePlan', await write<CarePlan>({ resourceType: 'CarePlan', status: 'active', intent: 'plan', subject })],
        ['Goal', await write<Goal>({ resourceType: 'Goal', lifecycleStatus: 'active', description: { text: 'Walk to the shops again' }, subject })],
        // A care team the practice manages alone: it relates nobody else to the person.
        ['CareTeam', await write<CareTeam>({ resourceType: 'CareTeam', status: 'active', subject, managingOrganization: [at('practice')] })],
      ]);
      return { patient, items };
    }
    /** The items `ctx` may read, each asked by read and by search. */
    async function seen(ctx: AccessContext, items: Map<Item, Resource>): Promise<Item[]> {
      const out: Item[] = [];
      for (const [item, resource] of items) {
        const read = await record.repo.read(ctx, resource.resourceType, resource.id!).then(() => true, () => false);
        const found = await record.repo.search(ctx, resource.resourceType, [['_id', resource.id!]]).then((r) => r.matches.length === 1, () => false);
        expect(found, `${item}: read and search agree`).toBe(read);
        if (read) out.push(item);
      }
      return out;
    }

    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'coord_matrix', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...coordinationMigrationSets] }));
      const kinds: Record<string, string> = { practice: 'gp_practice', council: 'local_authority', community: 'community_trust', hospital: 'acute_trust', voluntary: 'voluntary', otherVoluntary: 'voluntary' };
      for (const [key, type] of Object.entries(kinds)) orgs[key] = (await record.repo.create<Organization>(platform, { resourceType: 'Organization', name: key, type: [{ coding: [{ code: type }] }] })).resource;
    }, 300_000);
    afterAll(async () => record?.close());

    it('a referral grants the receiving organisation what its role may see of that person, only while it stands, and nothing of anyone else', async () => {
      const gp = staff('gp_clinician', 'practice');
      for (const [receiver, role] of [['council', 'social_worker'], ['community', 'hospital_clinician']] as const) {
        const referred = await person();
        const neighbour = await person();
        const reader = staff(role, receiver);
        const bystander = staff('hospital_clinician', 'hospital');
        expect(await seen(reader, referred.items), `${receiver} before the referral`).toEqual([]);

        const made = await makeReferral(record, gp, { patientId: referred.patient.id!, to: `Organization/${orgs[receiver].id}`, category: receiver === 'council' ? 'adult-social-care' : 'community-services', reason: 'Falls at home' });
        expect(await seen(reader, referred.items), `${receiver} while referred`).toEqual(ROLE_SEES[role]);
        expect(await seen(reader, neighbour.items), `${receiver}: a person not referred`).toEqual([]);
        expect(await seen(bystander, referred.items), 'an organisation not referred').toEqual([]);

        await changeTaskStatus(record, reader, made.taskId, { status: 'rejected', reason: 'Not eligible' });
        expect(await seen(reader, referred.items), `${receiver} after rejecting`).toEqual([]);
      }
    });

    it('a choice to share only with the recording organisation stops a referral, says why, and grants nothing', async () => {
      const gp = staff('gp_clinician', 'practice');
      for (const choice of ['recording-organisation', 'gp-and-treating'] as const) {
        const chooser = await person();
        await record.repo.create(platform, sharingChoiceConsent(chooser.patient.id!, choice));
        const refused = await makeReferral(record, gp, { patientId: chooser.patient.id!, to: `Organization/${orgs.council.id}`, category: 'adult-social-care', reason: 'Falls at home' }).catch((e: unknown) => e);
        expect(refused, choice).toBeInstanceOf(CoordinationConflictError);
        expect((refused as Error).message).toMatch(/could not read this referral\. Nothing has been sent/);
        const written = await record.repo.search(platform, 'ServiceRequest', [['subject', `Patient/${chooser.patient.id}`]]);
        expect(written.matches, `${choice}: nothing written`).toEqual([]);
        expect(await seen(staff('social_worker', 'council'), chooser.items), `${choice}: the council`).toEqual([]);
      }
    });

    it('a voluntary organisation sees only what the person agreed to share with it, referral or not', async () => {
      const gp = staff('gp_clinician', 'practice');
      const agreed = await person();
      await record.repo.create(platform, voluntarySharingConsent(agreed.patient.id!, [`Organization/${orgs.voluntary.id}`]));
      const notAgreed = await person();
      const worker = staff('voluntary_worker', 'voluntary');
      expect(await seen(worker, agreed.items)).toEqual(['Patient', 'CarePlan', 'Goal', 'CareTeam']);
      expect(await seen(staff('voluntary_worker', 'otherVoluntary'), agreed.items), 'a voluntary organisation not named').toEqual([]);
      expect(await seen(worker, notAgreed.items), 'a person who agreed nothing').toEqual([]);
      await makeReferral(record, gp, { patientId: notAgreed.patient.id!, to: `Organization/${orgs.voluntary.id}`, category: 'social-prescribing', reason: 'Lonely since her husband died' });
      expect(await seen(worker, notAgreed.items), 'a referral is not an agreement to share').toEqual([]);

      // Of a person who agreed, the referral addressed to the voluntary organisation, which it moves on; never one between other partners.
      const toCouncil = await makeReferral(record, gp, { patientId: agreed.patient.id!, to: `Organization/${orgs.council.id}`, category: 'adult-social-care', reason: 'Falls at home' });
      const toCharity = await makeReferral(record, gp, { patientId: agreed.patient.id!, to: `Organization/${orgs.voluntary.id}`, category: 'social-prescribing', reason: 'Would like company and a walking group' });
      const visible = async (who: AccessContext, type: 'Task' | 'ServiceRequest') => ((await record.repo.search(who, type, [['patient', `Patient/${agreed.patient.id}`]])).matches).map((r) => r.id).sort();
      expect(await visible(worker, 'Task')).toEqual([toCharity.taskId]);
      expect(await visible(worker, 'ServiceRequest')).toEqual([toCharity.serviceRequestId]);
      expect(await visible(staff('voluntary_worker', 'otherVoluntary'), 'Task'), 'another voluntary organisation').toEqual([]);
      expect((await changeTaskStatus(record, worker, toCharity.taskId, { status: 'accepted' })).status).toBe('accepted');
      expect(await changeTaskStatus(record, worker, toCouncil.taskId, { status: 'accepted' }).catch((e: unknown) => e), 'the council’s task').toBeInstanceOf(CoordinationNotFoundError);
      // A referral alone still grants nothing: the person who agreed nothing shows no task either.
      expect(await seen(worker, notAgreed.items)).toEqual([]);
    });
  });
}
