import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { codelist_from_csv, type Codelist } from '@footprint/cohort';
import type { Condition, Encounter, Patient, Resource } from '@footprint/fhir';
import { AccessPolicy, type AccessContext, type SearchParams } from '@footprint/record';
import { CoordinationInputError } from '../errors';
import { personSummary } from '../people';
import type { CoordinationRecord } from '../referrals/service';
import { meetingOf, type MeetingSource } from './service';

/** The worklists a meeting's list is drawn from, and how each is defined (docs/coordination.md §3). */
export const SUGGESTION_RULES = {
  frailty: 'A frailty diagnosis (SNOMED CT, codelists/snomed/frailty.csv) in the record.',
  'recent-admission': 'Admitted to hospital (an inpatient Encounter, class IMP) in the last 30 days.',
  'high-risk': 'Two or more emergency attendances (Encounter class EMER) in the last 90 days.',
} as const;
export type SuggestionSource = keyof typeof SUGGESTION_RULES;

export interface MeetingSuggestion {
  patientId: string;
  name: string;
  nhsNumber?: string;
  birthDate?: string;
  /** Why the person is suggested, in words. */
  reason: string;
}

export interface MeetingSuggestions {
  source: SuggestionSource;
  definition: string;
  people: MeetingSuggestion[];
  /** True when more matched than were looked at (the newest are shown). */
  truncated: boolean;
}

const SNOMED = 'http://snomed.info/sct';
const ENCOUNTER_CLASS = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/** How many record entries each worklist looks at, newest first. */
const LOOK_AT = 500;
const SHOW = 50;
const DAY = 86_400_000;
const CODELISTS = fileURLToPath(new URL('../../../../codelists/', import.meta.url));

let frailtyCodes: Codelist | undefined;
const frailty = (): Codelist => (frailtyCodes ??= codelist_from_csv(join(CODELISTS, 'snomed', 'frailty.csv')));

const dayOf = (iso: string | undefined): string => (iso ?? '').slice(0, 10);
const subjectId = (r: Condition | Encounter): string | undefined => /^Patient\/([A-Za-z0-9.-]{1,64})$/.exec(r.subject?.reference ?? '')?.[1];


/** One page of a search as this user, with the people it refers to (the record's policy filters both, and audits the search). */
async function searchWithPeople<T extends Condition | Encounter>(record: CoordinationRecord, ctx: AccessContext, type: T['resourceType'], params: SearchParams) {
  const result = await record.repo.search(ctx, type, [...params, ['_count', String(LOOK_AT)], [`_include`, `${type}:subject`]]);
  const people = new Map<string, Patient>();
  for (const r of result.includes as Resource[]) if (r.resourceType === 'Patient' && r.id) people.set(r.id, r as Patient);
  return { matches: result.matches as T[], people, truncated: result.next !== undefined };
}

/** Reasons per person, in the order first met (the search is newest first). */
async function reasons(record: CoordinationRecord, ctx: AccessContext, source: SuggestionSource, asOf: Date) {
  const since = (days: number) => new Date(asOf.getTime() - days * DAY).toISOString().slice(0, 10);
  const byPerson = new Map<string, string>();
  if (source === 'frailty') {
    const codes = frailty().codes.map((c) => `${SNOMED}|${c}`).join(',');
    const found = await searchWithPeople<Condition>(record, ctx, 'Condition', [['code', codes], ['_sort', '-recorded-date']]);
    for (const c of found.matches) {
      const id = subjectId(c);
      if (id && !byPerson.has(id)) byPerson.set(id, `${c.code?.coding?.[0]?.display ?? c.code?.text ?? 'Frailty'}${c.recordedDate ? `, recorded ${dayOf(c.recordedDate)}` : ''}`);
    }
    return { byPerson, people: found.people, truncated: found.truncated };
  }
  const cls = source === 'recent-admission' ? 'IMP' : 'EMER';
  const found = await searchWithPeople<Encounter>(record, ctx, 'Encounter', [['class', `${ENCOUNTER_CLASS}|${cls}`], ['date', `ge${since(source === 'recent-admission' ? 30 : 90)}`], ['_sort', '-date']]);
  if (source === 'recent-admission') {
    for (const e of found.matches) {
      const id = subjectId(e);
      if (id && !byPerson.has(id)) byPerson.set(id, `Admitted ${dayOf(e.period?.start)}${e.period?.end ? `, discharged ${dayOf(e.period.end)}` : ', not yet discharged'}`);
    }
    return { byPerson, people: found.people, truncated: found.truncated };
  }
  const counts = new Map<string, number>();
  for (const e of found.matches) {
    const id = subjectId(e);
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const [id, n] of [...counts].sort((a, b) => b[1] - a[1])) if (n >= 2) byPerson.set(id, `${n} emergency attendances since ${since(90)}`);
  return { byPerson, people: found.people, truncated: found.truncated };
}

/**
 * People the host may want to discuss at a meeting, from one worklist, leaving out those already
 * on its list. Each search is the user's own through the record's policy: only people the host
 * organisation may see are suggested, and the search is audited.
 */
export async function meetingSuggestions(record: CoordinationRecord, ctx: AccessContext, meetingId: string, source: MeetingSource, asOf = new Date()): Promise<MeetingSuggestions> {
  if (!(source in SUGGESTION_RULES)) throw new CoordinationInputError([`source must be one of ${Object.keys(SUGGESTION_RULES).join(', ')}`]);
  const rule = source as SuggestionSource;
  const meeting = await meetingOf(record, ctx, meetingId);
  const listed = new Set(meeting.people.map((p) => p.patientId));
  const policy = new AccessPolicy(ctx);
  if (!policy.allows('s', rule === 'frailty' ? 'Condition' : 'Encounter')) return { source: rule, definition: SUGGESTION_RULES[rule], people: [], truncated: false };
  const found = await reasons(record, ctx, rule, asOf);
  const people: MeetingSuggestion[] = [];
  for (const [patientId, reason] of found.byPerson) {
    const patient = found.people.get(patientId);
    if (listed.has(patientId) || !patient) continue;
    people.push({ patientId, ...personSummary(patient), reason });
    if (people.length === SHOW) break;
  }
  return { source: rule, definition: SUGGESTION_RULES[rule], people, truncated: found.truncated || found.byPerson.size > people.length + listed.size };
}
