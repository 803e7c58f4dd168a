import { badRequest, parseStoredJson, type Patient } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { audited } from '../audit/audited';
import type { SqlClient } from '../db/sql-client';
import { findCandidates, hasBlockingKey } from './candidates';
import { demographicsOf } from './demographics';
import { scoreMatch, type MatchGrade } from './score';

export interface MatchRequest {
  /** The Patient to find (need not be stored; its id, when stored, is never its own match). */
  resource: Patient;
  /** Return only certain matches. */
  onlyCertainMatches?: boolean;
  /** The most candidates to return (default 10, at most 100). */
  count?: number;
}

export interface PatientMatch {
  patient: Patient;
  /** 0..1, higher is more likely the same person (Bundle.entry.search.score). */
  score: number;
  grade: Exclude<MatchGrade, 'certainly-not'>;
  /** The evidence, in words without personal data (e.g. `family:close`, `birth-date:exact`). */
  reasons: string[];
}

export const DEFAULT_MATCH_COUNT = 10;
export const MAX_MATCH_COUNT = 100;

/** True when a Patient has been merged into another: its Patient.link says replaced-by. */
export function isMergedAway(patient: Patient): boolean {
  return (patient.link ?? []).some((l) => l.type === 'replaced-by');
}

/** Scores every candidate found by blocking and keeps certain, probable and possible ones, best first. */
export async function scoreCandidates(sql: SqlClient, policy: AccessPolicy, patient: Patient): Promise<PatientMatch[]> {
  const asked = demographicsOf(patient);
  const matches: PatientMatch[] = [];
  for (const row of await findCandidates(sql, policy, patient, patient.id)) {
    const candidate = parseStoredJson(row.content) as Patient;
    if (isMergedAway(candidate)) continue;
    const scored = scoreMatch(asked, demographicsOf(candidate));
    if (scored.grade === 'none' || scored.grade === 'certainly-not') continue;
    matches.push({ patient: candidate, score: scored.score, grade: scored.grade, reasons: scored.reasons });
  }
  return matches.sort((a, b) => b.score - a.score || a.patient.id!.localeCompare(b.patient.id!));
}

/**
 * Patient/$match: the candidates the context may search, scored and graded, best first. The
 * caller needs Patient search and read (an administrator, who may only count, is refused);
 * one AuditEvent names every candidate returned and never the demographics asked about.
 */
export async function matchPatients(sql: SqlClient, ctx: AccessContext, request: MatchRequest): Promise<PatientMatch[]> {
  const policy = new AccessPolicy(ctx);
  const count = request.count ?? DEFAULT_MATCH_COUNT;
  return audited(sql, ctx, { interaction: 'operation', operation: '$match', query: 'Patient/$match' }, async (tx) => {
    policy.require('s', 'Patient');
    policy.require('r', 'Patient');
    policy.requireDisclosure('Patient', false);
    if (!Number.isInteger(count) || count < 1 || count > MAX_MATCH_COUNT) throw badRequest(`count must be a whole number from 1 to ${MAX_MATCH_COUNT}`, 'count');
    if (!hasBlockingKey(request.resource)) {
      throw badRequest('$match needs a Patient with at least a valid NHS number, a full date of birth or a family name', 'resource');
    }
    const all = await scoreCandidates(tx, policy, request.resource);
    const kept = (request.onlyCertainMatches ? all.filter((m) => m.grade === 'certain') : all).slice(0, count);
    return { result: kept, patients: kept.map((m) => m.patient.id!) };
  }, { singleStatement: true });
}
