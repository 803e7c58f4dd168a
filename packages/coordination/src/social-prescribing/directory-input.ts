import { CoordinationInputError } from '../errors';
import { DAYS, isNeed, NEEDS, type Day, type Need } from './needs';

/** One opening: the days, and the hours (HH:MM, 24-hour), of a service. */
export interface Opening {
  days: Day[];
  opens: string;
  closes: string;
}

/** A service as its organisation lists it in the directory (POST/PUT /api/coordination/directory/services). */
export interface ServiceEntry {
  name: string;
  description: string;
  needs: Need[];
  /** Where it is held. */
  venue: { name: string; line: string; town: string; postcode: string };
  /** The place of the partnership it is in (a local authority district, as the partnership's register names it). */
  place: string;
  openings: Opening[];
  phone?: string;
  email?: string;
  /** Who it is for, and how to be referred. */
  eligibility?: string;
  active: boolean;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const obj = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

function text(problems: string[], o: Record<string, unknown>, field: string, at: string, limit: number, required: boolean): string | undefined {
  const v = o[field];
  if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) {
    if (required) problems.push(`${at} is required`);
    return undefined;
  }
  if (typeof v !== 'string') {
    problems.push(`${at} must be text`);
    return undefined;
  }
  if (v.trim().length > limit) problems.push(`${at} must be at most ${limit} characters`);
  return v.trim();
}

/** Checks a directory entry, naming every problem at once (400, nothing written). */
export function parseServiceEntry(body: unknown): ServiceEntry {
  const b = obj(body);
  if (!b) throw new CoordinationInputError(['the request body must be a JSON object with name, description, needs, venue, place and openings']);
  const problems: string[] = [];
  const name = text(problems, b, 'name', 'name', 120, true);
  const description = text(problems, b, 'description', 'description', 2000, true);
  const needs = Array.isArray(b.needs) ? b.needs : [];
  if (!Array.isArray(b.needs) || needs.length === 0) problems.push('needs: choose at least one need the service meets');
  for (const [i, n] of needs.entries()) if (!isNeed(n)) problems.push(`needs[${i}] must be one of ${Object.keys(NEEDS).join(', ')}`);
  const v = obj(b.venue) ?? {};
  if (!obj(b.venue)) problems.push('venue is required: where the service is held');
  const venue = { name: text(problems, v, 'name', 'venue.name', 120, true) ?? '', line: text(problems, v, 'line', 'venue.line', 200, true) ?? '', town: text(problems, v, 'town', 'venue.town', 80, true) ?? '', postcode: text(problems, v, 'postcode', 'venue.postcode', 10, true) ?? '' };
  if (venue.postcode && !POSTCODE.test(venue.postcode)) problems.push('venue.postcode must be a UK postcode such as WA7 2DA');
  const place = text(problems, b, 'place', 'place', 80, true);
  const rawOpenings = Array.isArray(b.openings) ? b.openings : [];
  if (!Array.isArray(b.openings) || rawOpenings.length === 0) problems.push('openings: say at least once when the service is open');
  if (rawOpenings.length > 14) problems.push('openings: at most 14');
  const openings: Opening[] = rawOpenings.slice(0, 14).map((raw, i) => {
    const o = obj(raw) ?? {};
    const days = Array.isArray(o.days) ? o.days : [];
    if (days.length === 0) problems.push(`openings[${i}].days: choose at least one day`);
    for (const d of days) if (!(DAYS as readonly unknown[]).includes(d)) problems.push(`openings[${i}].days: "${String(d)}" is not one of ${DAYS.join(', ')}`);
    const opens = text(problems, o, 'opens', `openings[${i}].opens`, 5, true) ?? '';
    const closes = text(problems, o, 'closes', `openings[${i}].closes`, 5, true) ?? '';
    if (opens && !TIME.test(opens)) problems.push(`openings[${i}].opens must be a time, HH:MM`);
    if (closes && !TIME.test(closes)) problems.push(`openings[${i}].closes must be a time, HH:MM`);
    if (TIME.test(opens) && TIME.test(closes) && closes <= opens) problems.push(`openings[${i}]: closes must be after opens`);
    return { days: [...new Set(days)] as Day[], opens, closes };
  });
  const phone = text(problems, b, 'phone', 'phone', 30, false);
  const email = text(problems, b, 'email', 'email', 120, false);
  if (email && !EMAIL.test(email)) problems.push('email must be an email address');
  const eligibility = text(problems, b, 'eligibility', 'eligibility', 1000, false);
  if (b.active !== undefined && typeof b.active !== 'boolean') problems.push('active must be true or false');
  if (problems.length) throw new CoordinationInputError(problems);
  return {
    name: name!,
    description: description!,
    needs: [...new Set(needs)] as Need[],
    venue: { ...venue, postcode: venue.postcode.toUpperCase() },
    place: place!,
    openings,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(eligibility ? { eligibility } : {}),
    active: b.active !== false,
  };
}

/** A search of the directory: by need, place, and a day and time it is open. */
export interface DirectoryQuery {
  need?: Need;
  place?: string;
  day?: Day;
  /** HH:MM: open at this time (on `day`, or on any day). */
  at?: string;
  text?: string;
}

export function parseDirectoryQuery(q: Record<string, unknown>): DirectoryQuery {
  const problems: string[] = [];
  const s = (k: string) => (typeof q[k] === 'string' && (q[k] as string).trim() ? (q[k] as string).trim() : undefined);
  const need = s('need');
  if (need && !isNeed(need)) problems.push(`need must be one of ${Object.keys(NEEDS).join(', ')}`);
  const day = s('day');
  if (day && !(DAYS as readonly string[]).includes(day)) problems.push(`day must be one of ${DAYS.join(', ')}`);
  const at = s('at');
  if (at && !TIME.test(at)) problems.push('at must be a time, HH:MM');
  const place = s('place');
  const words = s('text');
  if (words && words.length > 100) problems.push('text must be at most 100 characters');
  if (problems.length) throw new CoordinationInputError(problems);
  return { ...(need ? { need: need as Need } : {}), ...(place ? { place } : {}), ...(day ? { day: day as Day } : {}), ...(at ? { at } : {}), ...(words ? { text: words } : {}) };
}
