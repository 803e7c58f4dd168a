import type { AuditEvent, Patient } from '@footprint/fhir';
import { createRecord, mergePatients, recordMigrationSets, staffContext, systemContext, unmergePatients, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPersonToMeeting, coordinationMigrationSets, CoordinationConflictError, CoordinationInputError, CoordinationNotFoundError, meetingOf, meetingsOf, planMeeting } from '../../src';

const PRACTICE = 'Organization/practice';
const gp = staffContext({ id: 'gp-1', displayName: 'Dr Demo', role: 'gp_clinician', organisation: { code: 'P1', reference: PRACTICE } }, 'TREAT');
const council = staffContext({ id: 'sw-1', displayName: 'Social Worker', role: 'social_worker', organisation: { code: 'C1', reference: 'Organization/council' } }, 'TREAT');
const platform = systemContext();
const attendees = [
  { organisation: PRACTICE, name: 'Dr Demo', role: 'GP' },
  { organisation: 'Organization/council', name: 'A. Worker', role: 'Social worker' },
];

for (const kind of postgresKinds()) {
  describe(`multidisciplinary team meetings (${kind})`, () => {
    let record: OpenRecord;
    let ours: Patient;
    let elsewhere: Patient;

    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'coord_meetings', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...coordinationMigrationSets] }));
      ours = (await record.repo.create<Patient>(platform, { resourceType: 'Patient', birthDate: '1938-02-01', generalPractitioner: [{ reference: PRACTICE }] })).resource;
      elsewhere = (await record.repo.create<Patient>(platform, { resourceType: 'Patient', birthDate: '1940-03-01', generalPractitioner: [{ reference: 'Organization/other-practice' }] })).resource;
    });
    afterAll(async () => {
      await record?.close();
    });

    it('plans a meeting with attendees from several organisations, for the host only', async () => {
      const meeting = await planMeeting(record, gp, { title: 'Frailty MDT', heldOn: '2026-12-10', attendees });
      expect(meeting).toMatchObject({ hostOrganisation: PRACTICE, title: 'Frailty MDT', heldOn: '2026-12-10', status: 'planned', version: 1, attendees, people: [] });
      expect((await meetingsOf(record, gp)).map((m) => m.id)).toContain(meeting.id);
      expect(await meetingsOf(record, council)).toEqual([]);
      await expect(meetingOf(record, council, meeting.id)).rejects.toBeInstanceOf(CoordinationNotFoundError);
    });

    it('refuses a bad plan, naming each field, and writes nothing', async () => {
      const before = (await meetingsOf(record, gp)).length;
      const refusal = await planMeeting(record, gp, { title: ' ', heldOn: '10/12/2026', attendees: [{ organisation: 'council', name: '', role: 'x' }] }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(CoordinationInputError);
      expect((refusal as CoordinationInputError).problems).toEqual([
        'title: give the meeting a title',
        'heldOn: a date, as YYYY-MM-DD',
        'attendees[0].organisation: an Organization reference',
        'attendees[0].name: a name of up to 120 characters',
      ]);
      expect((await meetingsOf(record, gp)).length).toBe(before);
    });

    it('adds a person the host may see, audited, once; refuses a person it may not see', async () => {
      const meeting = await planMeeting(record, gp, { title: 'Frailty MDT', heldOn: '2026-12-17', attendees });
      const listed = await addPersonToMeeting(record, gp, meeting.id, ours.id!, 'frailty');
      expect(listed.people).toEqual([{ patientId: ours.id, source: 'frailty', addedBy: 'gp-1', outcomeRefs: [] }]);
      expect(listed.version).toBe(2);
      const audits = (await record.repo.search(platform, 'AuditEvent', [['entity', `Patient/${ours.id}`]])).matches as AuditEvent[];
      expect(audits.some((a) => a.agent?.some((g) => g.who?.identifier?.value === 'gp-1' || g.who?.display === 'Dr Demo'))).toBe(true);

      await expect(addPersonToMeeting(record, gp, meeting.id, ours.id!, 'by-hand')).rejects.toBeInstanceOf(CoordinationConflictError);
      await expect(addPersonToMeeting(record, gp, meeting.id, elsewhere.id!, 'by-hand')).rejects.toBeInstanceOf(CoordinationNotFoundError);
      await expect(addPersonToMeeting(record, gp, meeting.id, ours.id!, 'gossip' as never)).rejects.toBeInstanceOf(CoordinationInputError);
      expect((await meetingOf(record, gp, meeting.id)).people.map((p) => p.patientId)).toEqual([ours.id]);
    });
  
    it('follows a person through a merge of two records into one, and back through an unmerge', async () => {
      const meeting = await planMeeting(record, gp, { title: 'Frailty MDT', heldOn: '2026-12-24', attendees });
      const duplicate = (await record.repo.create<Patient>(platform, { resourceType: 'Patient', birthDate: '1938-02-01', generalPractitioner: [{ reference: PRACTICE }] })).resource;
      await addPersonToMeeting(record, gp, meeting.id, duplicate.id!, 'by-hand');
      await mergePatients(record.sql, platform, { sourceId: duplicate.id!, targetId: ours.id! });
      const after = await meetingOf(record, gp, meeting.id);
      expect(after.people).toEqual([expect.objectContaining({ patientId: ours.id, listedAs: duplicate.id })]);
      // The same person, under the surviving record, is already listed.
      await expect(addPersonToMeeting(record, gp, meeting.id, ours.id!, 'frailty')).rejects.toBeInstanceOf(CoordinationConflictError);
      await unmergePatients(record.sql, platform, { sourceId: duplicate.id!, targetId: ours.id! });
      expect((await meetingOf(record, gp, meeting.id)).people).toEqual([expect.objectContaining({ patientId: duplicate.id })]);
      expect((await meetingOf(record, gp, meeting.id)).people[0].listedAs).toBeUndefined();
    });
  });
}
