import type { SqlClient } from '@footprint/record';
import { USER_PRINCIPAL_SYSTEM } from './audit-search';

/**
 * The unusual-access report, computed in SQL over the audit (nothing is loaded but the answer).
 * An "opening" is a successful audited interaction by a member of staff that touched exactly
 * one person's record (the audit row's `patient_id`): viewing the record, an entry, its history,
 * breaking glass. Lists and searches that return many people are not openings, and neither
 * are the privacy officer's own looks at the audit (routes.ts audits them as `AuditEvent?_privacy=…`).
 */
export interface UnusualAccessFilter {
  /** The acting organisation the openings must carry; null for the whole footprint. */
  organisation: string | null;
  /** Inclusive start and exclusive end instants. */
  from: string;
  to: string;
  /** A burst: at least `people` different people opened within `minutes`. */
  people: number;
  minutes: number;
}

/** Staff openings in the period and scope: who (the requestor agent's user id), whose record, when, for which organisation. */
const OPENINGS = `
  opened AS (
    SELECT a.rid, a.last_updated AS at, a.patient_id, a.organisation,
      jsonb_path_query_first(a.content::jsonb, '$.agent[*] ? (@.requestor == true).who.identifier') AS who
    FROM audit_event a
    WHERE a.patient_id IS NOT NULL AND a.outcome = '0'
      AND a.last_updated >= $2::timestamptz AND a.last_updated < $3::timestamptz
      AND ($1::text IS NULL OR a.organisation = $1)
      AND NOT jsonb_path_exists(a.content::jsonb, '$.entity[*].description ? (@ starts with "AuditEvent?_privacy=")')
  ),
  openings AS (
    SELECT rid, at, patient_id, organisation, who ->> 'value' AS user_id FROM opened WHERE who ->> 'system' = '${USER_PRINCIPAL_SYSTEM}'
  )`;

/**
 * A staff account's name as given and family name, compared the way the record compares names
 * (lower case, common accents removed): titles (Dr, Mrs, Prof…) dropped, the first word is the
 * given name and the last the family name.
 */
const STAFF_NAMES = `
  staff_names AS (
    SELECT id, display_name, organisation_ref, split_part(n, ' ', 1) AS given, regexp_replace(n, '^.* ', '') AS family
    FROM (
      SELECT id, display_name, organisation_ref,
        btrim(regexp_replace(regexp_replace(
          translate(lower(display_name), 'àáâãäåāçćčèéêëēęìíîïīłñńòóôõöøōśšùúûüūýÿžźż', 'aaaaaaaccceeeeeeiiiiilnnoooooooossuuuuuyyzzz'),
          '^((dr|mr|mrs|ms|miss|mx|prof|professor|rev|sir|dame)\\.?\\s+)+', ''), '\\s+', ' ', 'g')) AS n
      FROM web_users
    ) s
    WHERE n <> ''
  )`;

/** The family and given names (normalised, from the record's search index) of the people opened. */
const PATIENT_NAMES = `
  patient_names AS (
    SELECT DISTINCT o.patient_id, s.code, s.normalized
    FROM (SELECT DISTINCT patient_id FROM openings) o
    JOIN resource r ON r.resource_type = 'Patient' AND r.id = o.patient_id
    JOIN search_string s ON s.rid = r.rid AND s.resource_type = 'Patient' AND s.code IN ('family', 'given')
  )`;

export interface BurstRow extends Record<string, unknown> {
  user_id: string;
  organisation: string | null;
  starts: Date | string;
  ends: Date | string;
  people: number | string;
}

/**
 * Each member of staff's busiest window: for every opening, the different people they opened
 * from then until `minutes` later; the window with most people, if at least `people`. A running
 * count of openings (a window function) is an upper bound on people, so only windows that could
 * reach the threshold are counted exactly.
 */
export async function accessBursts(sql: SqlClient, filter: UnusualAccessFilter): Promise<BurstRow[]> {
  const { rows } = await sql.query<BurstRow>(
    `WITH ${OPENINGS},
     candidates AS (
       SELECT user_id, organisation, at,
         count(*) OVER (PARTITION BY user_id ORDER BY at RANGE BETWEEN CURRENT ROW AND make_interval(mins => $4::int) FOLLOWING) AS upper_bound
       FROM openings
     ),
     windows AS (
       SELECT c.user_id, c.organisation, c.at AS starts, w.ends, w.people
       FROM candidates c,
       LATERAL (
         SELECT count(DISTINCT o.patient_id) AS people, max(o.at) AS ends FROM openings o
         WHERE o.user_id = c.user_id AND o.at >= c.at AND o.at <= c.at + make_interval(mins => $4::int)
       ) w
       WHERE c.upper_bound >= $5
     ),
     busiest AS (
       SELECT DISTINCT ON (user_id) user_id, organisation, starts, ends, people FROM windows WHERE people >= $5 ORDER BY user_id, people DESC, starts
     )
     SELECT user_id, organisation, starts, ends, people FROM busiest ORDER BY people DESC, starts DESC LIMIT 200`,
    [filter.organisation, filter.from, filter.to, filter.minutes, filter.people],
  );
  return rows;
}

export interface MatchRow extends Record<string, unknown> {
  user_id: string;
  organisation: string | null;
  patient_id: string;
  colleague_id?: string;
  colleague_name?: string;
  first: Date | string;
  last: Date | string;
  times: number | string;
}

/**
 * Openings of the record of someone who may be a colleague: the person's family name and one of
 * their given names match the name of a staff account of the organisation the opening was made
 * for (which may be the user's own account: their own record).
 */
export async function colleagueOpenings(sql: SqlClient, filter: UnusualAccessFilter): Promise<MatchRow[]> {
  const { rows } = await sql.query<MatchRow>(
    `WITH ${OPENINGS}, ${STAFF_NAMES}, ${PATIENT_NAMES}
     SELECT o.user_id, o.organisation, o.patient_id, s.id AS colleague_id, s.display_name AS colleague_name,
       min(o.at) AS first, max(o.at) AS last, count(*) AS times
     FROM openings o
     JOIN staff_names s ON s.organisation_ref = o.organisation
     WHERE EXISTS (SELECT 1 FROM patient_names f WHERE f.patient_id = o.patient_id AND f.code = 'family' AND f.normalized = s.family)
       AND EXISTS (SELECT 1 FROM patient_names g WHERE g.patient_id = o.patient_id AND g.code = 'given' AND g.normalized = s.given)
     GROUP BY o.user_id, o.organisation, o.patient_id, s.id, s.display_name
     ORDER BY max(o.at) DESC LIMIT 200`,
    [filter.organisation, filter.from, filter.to],
  );
  return rows;
}

/** Openings of the record of someone whose family name is the user's own family name. */
export async function surnameOpenings(sql: SqlClient, filter: UnusualAccessFilter): Promise<MatchRow[]> {
  const { rows } = await sql.query<MatchRow>(
    `WITH ${OPENINGS}, ${STAFF_NAMES}, ${PATIENT_NAMES}
     SELECT o.user_id, o.organisation, o.patient_id, min(o.at) AS first, max(o.at) AS last, count(*) AS times
     FROM openings o
     JOIN staff_names u ON u.id = o.user_id
     WHERE EXISTS (SELECT 1 FROM patient_names f WHERE f.patient_id = o.patient_id AND f.code = 'family' AND f.normalized = u.family)
     GROUP BY o.user_id, o.organisation, o.patient_id
     ORDER BY max(o.at) DESC LIMIT 200`,
    [filter.organisation, filter.from, filter.to],
  );
  return rows;
}
