import { addPersonToMeeting, markMeetingHeld, meetingSuggestions, planMeeting, recordMeetingOutcome, type MeetingAttendee } from '@footprint/coordination';
import { staffContext } from '@footprint/record';
import { findStaffUser } from '../auth/users';
import type { Platform } from '../../platform';

const day = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

/**
 * The demo's team meetings (docs/coordination.md §3): the demo GP's practice held a frailty
 * meeting last week, with the hospital and the council, and recorded an outcome for one person
 * (a message, a task for itself and a referral to the council, marked with the meeting on the
 * person's timeline); its next meeting is planned for next week with people from the frailty and
 * recent-admission worklists. Everything is done as the demo GP, through the record's policy, so it
 * is audited as theirs. Runs once; returns true when it seeded.
 */
export async function seedMeetingsDemo(platform: Pick<Platform, 'record' | 'sql'>): Promise<boolean> {
  const existing = await platform.sql.query<{ n: string }>('SELECT count(*) AS n FROM coordination_meeting');
  if (Number(existing.rows[0].n) > 0) return false;
  const [gpUser, hospitalUser, socialWorker] = [await findStaffUser(platform.sql, 'gp.clinician'), await findStaffUser(platform.sql, 'hospital.clinician'), await findStaffUser(platform.sql, 'social.worker')];
  const practice = gpUser?.organisation?.reference;
  const council = socialWorker?.organisation?.reference;
  if (!gpUser || !practice || !council) return false;
  const gp = staffContext(gpUser, 'TREAT');
  const record = { repo: platform.record, sql: platform.sql };
  const attendees: MeetingAttendee[] = [
    { organisation: practice, name: gpUser.displayName, role: 'GP' },
    ...(hospitalUser?.organisation?.reference ? [{ organisation: hospitalUser.organisation.reference, name: hospitalUser.displayName, role: 'Consultant geriatrician' }] : []),
    { organisation: council, name: socialWorker!.displayName, role: 'Social worker' },
  ];

  const held = await planMeeting(record, gp, { title: 'Frailty MDT', heldOn: isoDate(-7), attendees });
  const frail = (await meetingSuggestions(record, gp, held.id, 'frailty')).people;
  if (frail.length === 0) return true;
  await addPersonToMeeting(record, gp, held.id, frail[0].patientId, 'frailty');
  await recordMeetingOutcome(record, gp, held.id, {
    patientId: frail[0].patientId,
    summary: 'Two falls in the last month and finding stairs hard; lives alone. Agreed a medication review and a social care assessment for support at home.',
    carePlanChange: 'Falls prevention added: medication review, and an assessment for support at home',
    actions: [
      { description: 'Structured medication review (falls risk)', owner: practice, dueDate: isoDate(7) },
      { description: 'Care Act assessment of needs: support at home after two falls', owner: council, dueDate: isoDate(14), category: 'adult-social-care' },
    ],
  });
  await markMeetingHeld(record, gp, held.id);

  const next = await planMeeting(record, gp, { title: 'Frailty MDT', heldOn: isoDate(7), attendees });
  for (const person of frail.slice(1, 4)) await addPersonToMeeting(record, gp, next.id, person.patientId, 'frailty');
  const admitted = (await meetingSuggestions(record, gp, next.id, 'recent-admission')).people;
  for (const person of admitted.slice(0, 2)) await addPersonToMeeting(record, gp, next.id, person.patientId, 'recent-admission');
  // A small footprint may have few people on the worklists: the GP adds older patients of the practice by hand.
  const listed = new Set([frail[0].patientId, ...frail.slice(1, 4).map((p) => p.patientId), ...admitted.slice(0, 2).map((p) => p.patientId)]);
  if (listed.size < 4) {
    const older = await platform.record.search(gp, 'Patient', [['general-practitioner', practice], ['birthdate', 'le1950-12-31'], ['_count', '10']]);
    for (const p of older.matches.filter((m) => !listed.has(m.id!)).slice(0, 4 - listed.size)) await addPersonToMeeting(record, gp, next.id, p.id!, 'by-hand');
  }
  return true;
}
