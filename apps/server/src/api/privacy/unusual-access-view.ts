import type { SqlClient } from '@footprint/record';
import type { PartnerOrganisation } from '../partner-organisations';
import { ApiProblem } from '../problem';
import { day, wholeNumber } from './audit-query';
import type { AccessMatchView, UnusualAccessAnswer } from './audit-views';
import { lookUp, organisationOf, staffActor, type Directory } from './directory';
import type { PrivacyScope } from './scope';
import { accessBursts, colleagueOpenings, surnameOpenings, type MatchRow, type UnusualAccessFilter } from './unusual-access';

/** The report's default thresholds: 20 different people within 60 minutes, over the last 30 days. */
export const UNUSUAL_ACCESS_DEFAULTS = { people: 20, minutes: 60, days: 30 } as const;
/** The longest period one report covers, so it stays quick to compute. */
const MAX_DAYS = 366;

export interface UnusualAccessQuery {
  from: string;
  to: string;
  people: number;
  minutes: number;
}

/** The period (whole days, inclusive) and thresholds, with defaults; a bad value is a 400 naming it. */
export function parseUnusualAccessQuery(query: Record<string, unknown>, now: Date): UnusualAccessQuery {
  const today = now.toISOString().slice(0, 10);
  const to = day(query, 'to') ?? today;
  const start = new Date(`${to}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (UNUSUAL_ACCESS_DEFAULTS.days - 1));
  const from = day(query, 'from') ?? start.toISOString().slice(0, 10);
  if (from > to) throw new ApiProblem(400, 'Dates the wrong way round', 'The start date is after the end date.');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_DAYS) throw new ApiProblem(400, 'Period too long', `A report covers at most ${MAX_DAYS} days.`);
  return {
    from,
    to,
    people: wholeNumber(query, 'people', UNUSUAL_ACCESS_DEFAULTS.people, 2, 100_000),
    minutes: wholeNumber(query, 'minutes', UNUSUAL_ACCESS_DEFAULTS.minutes, 1, 7 * 24 * 60),
  };
}

const iso = (value: Date | string): string => new Date(value).toISOString();

function match(directory: Directory, row: MatchRow): AccessMatchView {
  return {
    user: staffActor(directory, row.user_id),
    organisation: organisationOf(directory, row.organisation),
    person: { nhsNumber: directory.nhsNumbers.get(row.patient_id) ?? null },
    ...(row.colleague_id ? { colleague: { name: row.colleague_name ?? row.colleague_id, isUser: row.colleague_id === row.user_id } } : {}),
    first: iso(row.first),
    last: iso(row.last),
    times: Number(row.times),
  };
}

/** Runs the three parts of the report and names what they found; `patients` are the people it discloses (to audit). */
export async function presentUnusualAccess(
  sql: SqlClient,
  partners: readonly PartnerOrganisation[],
  scope: PrivacyScope,
  filter: UnusualAccessFilter,
): Promise<{ view: Omit<UnusualAccessAnswer, 'period'>; patients: string[] }> {
  const bursts = await accessBursts(sql, filter);
  const colleagues = await colleagueOpenings(sql, filter);
  const surnames = await surnameOpenings(sql, filter);
  const patients = [...colleagues, ...surnames].map((r) => r.patient_id);
  const directory = await lookUp(sql, partners, { staff: [...bursts, ...colleagues, ...surnames].map((r) => r.user_id), clients: [], patients });
  return {
    view: {
      scope: scope.view,
      thresholds: { people: filter.people, minutes: filter.minutes },
      bursts: bursts.map((b) => ({ user: staffActor(directory, b.user_id), organisation: organisationOf(directory, b.organisation), from: iso(b.starts), to: iso(b.ends), people: Number(b.people) })),
      colleagues: colleagues.map((r) => match(directory, r)),
      surnames: surnames.map((r) => match(directory, r)),
    },
    patients,
  };
}
