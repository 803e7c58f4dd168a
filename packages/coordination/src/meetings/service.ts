import { randomUUID } from 'node:crypto';
import { OperationOutcomeError, type Patient } from '@footprint/fhir';
import { currentRecordsOf, type AccessContext } from '@footprint/record';
import { CoordinationConflictError, CoordinationInputError, CoordinationNotFoundError } from '../errors';
import { personSummary } from '../people';
import type { CoordinationRecord } from '../referrals/service';

/** Where a person on a meeting's list came from: a worklist, or added by hand. */
export const MEETING_SOURCES = ['frailty', 'high-risk', 'recent-admission', 'by-hand'] as const;
export type MeetingSource = (typeof MEETING_SOURCES)[number];

export interface MeetingAttendee {
  organisation: string;
  name: string;
  role: string;
}

export interface MeetingPlan {
  title: string;
  heldOn: string;
  attendees: MeetingAttendee[];
}

export interface MeetingPerson {
  /** The person's record now: where they were listed, or the record that was merged into since. */
  patientId: string;
  /** The record the person was listed under, when it has since been merged into `patientId`. */
  listedAs?: string;
  source: MeetingSource;
  addedBy: string;
  discussedAt?: string;
  outcomeRefs: string[];
}

export interface Meeting {
  id: string;
  hostOrganisation: string;
  title: string;
  heldOn: string;
  status: 'planned' | 'held';
  version: number;
  attendees: MeetingAttendee[];
  people: MeetingPerson[];
}

/** A meeting on the host's list of meetings: without its attendees, and with how many people it will discuss. */
export type MeetingSummary = Omit<Meeting, 'attendees' | 'people'> & { people: number };

/** A `date` column as YYYY-MM-DD, whichever driver read it (PGlite and node-postgres differ). */
const isoDay = (d: string | Date): string => (d instanceof Date ? d.toISOString() : String(d)).slice(0, 10);

const hostOf = (ctx: AccessContext): string => {
  const host = ctx.organisation?.reference;
  if (!host) throw new CoordinationInputError(['organisation: only staff of an organisation may hold a team meeting']);
  return host;
};

/** Reads a meeting plan from untrusted input (an HTTP body): anything that is not text where text belongs is refused, naming the field. */
export function parseMeetingPlan(body: unknown): MeetingPlan {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new CoordinationInputError(['the request body must be a JSON object with title, heldOn and attendees']);
  const b = body as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const attendees = b.attendees === undefined ? [] : b.attendees;
  if (!Array.isArray(attendees)) throw new CoordinationInputError(['attendees: a list']);
  const plan: MeetingPlan = {
    title: text(b.title),
    heldOn: text(b.heldOn),
    attendees: attendees.map((a: unknown) => {
      const o = typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : {};
      return { organisation: text(o.organisation), name: text(o.name), role: text(o.role) };
    }),
  };
  checkMeetingPlan(plan);
  return plan;
}

/** Checks a plan's fields and says, for each one that is wrong, what is wrong with it. */
export function checkMeetingPlan(plan: MeetingPlan): void {
  const problems: string[] = [];
  if (!plan.title?.trim()) problems.push('title: give the meeting a title');
  else if (plan.title.length > 200) problems.push('title: at most 200 characters');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(plan.heldOn ?? '') || Number.isNaN(Date.parse(plan.heldOn))) problems.push('heldOn: a date, as YYYY-MM-DD');
  if (!Array.isArray(plan.attendees)) problems.push('attendees: a list');
  else
    plan.attendees.forEach((a, i) => {
      if (!/^Organization\/[A-Za-z0-9.-]{1,64}$/.test(a?.organisation ?? '')) problems.push(`attendees[${i}].organisation: an Organization reference`);
      if (!a?.name?.trim() || a.name.length > 120) problems.push(`attendees[${i}].name: a name of up to 120 characters`);
      if (!a?.role?.trim() || a.role.length > 120) problems.push(`attendees[${i}].role: a role of up to 120 characters`);
    });
  if (problems.length > 0) throw new CoordinationInputError(problems);
}

/**
 * Plans a multidisciplinary team meeting hosted by the user's organisation (docs/coordination.md
 * §3), with attendees from any of the partners. The meeting row and its attendees are written
 * together or not at all.
 */
export async function planMeeting(record: CoordinationRecord, ctx: AccessContext, plan: MeetingPlan): Promise<Meeting> {
  checkMeetingPlan(plan);
  const host = hostOf(ctx);
  const id = randomUUID();
  await record.sql.transaction(async (tx) => {
    await tx.query('INSERT INTO coordination_meeting (id, host_organisation, title, held_on, created_by) VALUES ($1, $2, $3, $4, $5)', [id, host, plan.title.trim(), plan.heldOn, ctx.principal.id]);
    for (const [position, a] of plan.attendees.entries())
      await tx.query('INSERT INTO coordination_meeting_attendee (meeting_id, position, organisation, name, role) VALUES ($1, $2, $3, $4, $5)', [id, position, a.organisation, a.name.trim(), a.role.trim()]);
  });
  return meetingOf(record, ctx, id);
}

/** One of the host organisation's meetings, with its attendees and list; another organisation's is not found. */
export async function meetingOf(record: CoordinationRecord, ctx: AccessContext, id: string): Promise<Meeting> {
  const host = hostOf(ctx);
  const rows = (
    await record.sql.query<{ id: string; host_organisation: string; title: string; held_on: string | Date; status: 'planned' | 'held'; version: number }>(
      'SELECT id, host_organisation, title, held_on, status, version FROM coordination_meeting WHERE id = $1 AND host_organisation = $2',
      [id, host],
    )
  ).rows;
  if (rows.length === 0) throw new CoordinationNotFoundError(`No team meeting ${id} is held by your organisation`);
  const [m] = rows;
  const attendees = (await record.sql.query<{ organisation: string; name: string; role: string }>('SELECT organisation, name, role FROM coordination_meeting_attendee WHERE meeting_id = $1 ORDER BY position', [id])).rows;
  const people = (
    await record.sql.query<{ patient_id: string; source: MeetingSource; added_by: string; discussed_at: string | Date | null; outcome_refs: string[] }>(
      'SELECT patient_id, source, added_by, discussed_at, outcome_refs FROM coordination_meeting_person WHERE meeting_id = $1 ORDER BY added_at, patient_id',
      [id],
    )
  ).rows;
  // The list follows a merge of two records into one person (and an unmerge back); a person listed under both is shown once.
  const current = await currentRecordsOf(record.sql, people.map((p) => p.patient_id));
  const now = (p: { patient_id: string }) => current.get(p.patient_id) ?? p.patient_id;
  const listed = people.filter((p, i) => people.findIndex((q) => now(q) === now(p)) === i);
  return {
    id: m.id,
    hostOrganisation: m.host_organisation,
    title: m.title,
    heldOn: isoDay(m.held_on),
    status: m.status,
    version: Number(m.version),
    attendees,
    people: listed.map((p) => ({
      patientId: now(p),
      ...(now(p) !== p.patient_id ? { listedAs: p.patient_id } : {}),
      source: p.source,
      addedBy: p.added_by,
      ...(p.discussed_at ? { discussedAt: new Date(p.discussed_at).toISOString() } : {}),
      outcomeRefs: p.outcome_refs ?? [],
    })),
  };
}

/** The host organisation's meetings, newest first, without their lists. */
export async function meetingsOf(record: CoordinationRecord, ctx: AccessContext): Promise<MeetingSummary[]> {
  const host = hostOf(ctx);
  const rows = (
    await record.sql.query<{ id: string; title: string; held_on: string | Date; status: 'planned' | 'held'; version: number; people: number | string }>(
      `SELECT m.id, m.title, m.held_on, m.status, m.version, (SELECT count(*) FROM coordination_meeting_person p WHERE p.meeting_id = m.id) AS people
         FROM coordination_meeting m WHERE m.host_organisation = $1 ORDER BY m.held_on DESC, m.created_at DESC`,
      [host],
    )
  ).rows;
  return rows.map((m) => ({
    id: m.id,
    hostOrganisation: host,
    title: m.title,
    heldOn: isoDay(m.held_on),
    status: m.status,
    version: Number(m.version),
    people: Number(m.people),
  }));
}

/**
 * Adds a person to a planned meeting's list. The host must be able to read the person's record
 * (a care relationship, their sharing choice): the read goes through the record's policy, so it is
 * checked and audited, and a person the host may not see is refused as not found.
 */
export async function addPersonToMeeting(record: CoordinationRecord, ctx: AccessContext, meetingId: string, patientId: string, source: MeetingSource): Promise<Meeting> {
  if (!(MEETING_SOURCES as readonly string[]).includes(source)) throw new CoordinationInputError([`source: one of ${MEETING_SOURCES.join(', ')}`]);
  if (!/^[A-Za-z0-9.-]{1,64}$/.test(patientId ?? '')) throw new CoordinationInputError(['patientId: a Patient id']);
  const meeting = await meetingOf(record, ctx, meetingId);
  if (meeting.status !== 'planned') throw new CoordinationConflictError('This meeting has been held; add the person to a new meeting');
  patientId = (await currentRecordsOf(record.sql, [patientId])).get(patientId) ?? patientId;
  if (meeting.people.some((p) => p.patientId === patientId)) throw new CoordinationConflictError('This person is already on the meeting’s list');
  try {
    await record.repo.read<Patient>(ctx, 'Patient', patientId);
  } catch (err) {
    if (err instanceof OperationOutcomeError && [403, 404, 410].includes(err.status)) throw new CoordinationNotFoundError('No person with that id is in a record your organisation may see');
    throw err;
  }
  await record.sql.transaction(async (tx) => {
    const inserted = await tx.query(
      'INSERT INTO coordination_meeting_person (meeting_id, patient_id, source, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT (meeting_id, patient_id) DO NOTHING',
      [meetingId, patientId, source, ctx.principal.id],
    );
    if (inserted.rowCount === 0) throw new CoordinationConflictError('This person is already on the meeting’s list');
    await tx.query('UPDATE coordination_meeting SET version = version + 1 WHERE id = $1', [meetingId]);
  });
  return meetingOf(record, ctx, meetingId);
}

/** A person on a meeting's list as the host's staff see them: named where the record lets this user read them. */
export interface MeetingPersonView extends MeetingPerson {
  name?: string;
  nhsNumber?: string;
  birthDate?: string;
}

export interface MeetingView extends Omit<Meeting, 'people'> {
  people: MeetingPersonView[];
}

/**
 * A meeting with the people on its list named, each read through the record's policy as this user
 * (so each is checked and audited); a person the host may no longer see stays on the list unnamed.
 */
export async function meetingView(record: CoordinationRecord, ctx: AccessContext, meeting: Meeting): Promise<MeetingView> {
  const people = await Promise.all(
    meeting.people.map(async (p): Promise<MeetingPersonView> => {
      const patient = await record.repo.read<Patient>(ctx, 'Patient', p.patientId).catch((err: unknown) => {
        if (err instanceof OperationOutcomeError && [403, 404, 410].includes(err.status)) return undefined;
        throw err;
      });
      return patient ? { ...p, ...personSummary(patient) } : p;
    }),
  );
  return { ...meeting, people };
}
