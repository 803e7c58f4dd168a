import { NHS_NUMBER_SYSTEM, parseStoredJson, type Patient, type Resource } from '@footprint/fhir';
import { systemContext, type AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { writeAudit } from '../audit/write';
import type { SqlClient } from '../db/sql-client';
import { demographicsOf, validNhsNumber } from './demographics';
import { hasBlockingKey } from './candidates';
import { isMergedAway, scoreCandidates } from './match';
import { queueReview } from './reviews-sql';
import { scoreMatch } from './score';

/**
 * Screening looks at every Patient for the platform, whoever wrote the new record (it discloses
 * nothing to them: the writer gets no answer about other people), and is audited as such.
 */
const SCREENING: AccessContext = systemContext('HOPERAT', 'record-matching');

/** The grades queued for review; possible matches are too weak to ask a person about. */
const QUEUED = new Set(['certain', 'probable']);

/** Existing Patients that share a valid NHS number with the given ones: one set-based statement for a batch. */
async function sameNhsNumber(sql: SqlClient, ids: readonly string[]): Promise<Array<{ patient_id: string; candidate_id: string; content: string }>> {
  const { rows } = await sql.query<{ patient_id: string; candidate_id: string; content: string }>(
    `SELECT a_r.id AS patient_id, b_r.id AS candidate_id, b_r.content
     FROM resource a_r
     JOIN search_token a ON a.rid = a_r.rid AND a.resource_type = 'Patient' AND a.code = 'identifier' AND a.system = $1
     JOIN search_token b ON b.resource_type = 'Patient' AND b.code = 'identifier' AND b.value = a.value AND b.system = $1 AND b.rid <> a.rid
     JOIN resource b_r ON b_r.rid = b.rid AND NOT b_r.deleted
     WHERE a_r.resource_type = 'Patient' AND a_r.id = ANY($2::text[]) AND NOT a_r.deleted`,
    [NHS_NUMBER_SYSTEM, ids],
  );
  return rows;
}

export interface ScreeningResult {
  /** Pairs newly queued for review. */
  queued: number;
}

/**
 * Runs newly written Patients through matching, inside the writer's transaction: a record with a
 * valid NHS number is compared with the other records holding that number (one statement per
 * batch); a record without one, and any created one by one, is matched on demographics. Certain and probable matches are
 * queued for review in `match_review` (never merged: a person decides); the write itself
 * proceeds whatever is found. One AuditEvent names the records compared and queued, and says on
 * whose write the screening ran.
 */
export async function screenPatients(sql: SqlClient, writer: AccessContext, resources: readonly Resource[], foundBy: 'create' | 'import'): Promise<ScreeningResult> {
  const patients = resources.filter((r): r is Patient => r?.resourceType === 'Patient' && typeof r.id === 'string' && !isMergedAway(r as Patient));
  if (patients.length === 0) return { queued: 0 };
  const policy = new AccessPolicy(SCREENING);
  const touched = new Set<string>();
  let queued = 0;
  const withNumber = patients.filter((p) => validNhsNumber(p));
  const byId = new Map(withNumber.map((p) => [p.id!, p]));
  for (const row of withNumber.length ? await sameNhsNumber(sql, [...byId.keys()]) : []) {
    const candidate = parseStoredJson(row.content) as Patient;
    const patient = byId.get(row.patient_id);
    if (!patient || isMergedAway(candidate)) continue;
    const scored = scoreMatch(demographicsOf(patient), demographicsOf(candidate));
    if (!QUEUED.has(scored.grade)) continue;
    const grade = scored.grade as 'certain' | 'probable';
    touched.add(patient.id!).add(candidate.id!);
    if (await queueReview(sql, { patientId: patient.id!, candidateId: candidate.id!, grade, score: scored.score, reasons: scored.reasons, foundBy })) queued++;
  }
  // One record at a time (a create) is also matched on demographics when it has an NHS number,
  // so an earlier record of the person without one is found; a batch pays that only for records without one.
  const onDemographics = patients.filter((p) => hasBlockingKey(p) && (foundBy === 'create' || !validNhsNumber(p)));
  for (const patient of onDemographics) {
    for (const match of await scoreCandidates(sql, policy, patient)) {
      if (!QUEUED.has(match.grade)) continue;
      touched.add(patient.id!).add(match.patient.id!);
      if (await queueReview(sql, { patientId: patient.id!, candidateId: match.patient.id!, grade: match.grade as 'certain' | 'probable', score: match.score, reasons: match.reasons, foundBy })) queued++;
    }
  }
  if (touched.size > 0) {
    await writeAudit(sql, { ...SCREENING, ...(writer.request ? { request: writer.request } : {}) }, {
      interaction: 'operation',
      operation: '$match',
      query: `Patient/$match?found-by=${foundBy}&writer=${encodeURIComponent(writer.principal.id)}`,
      entities: [],
      patients: [...touched],
      outcome: '0',
    });
  }
  return { queued };
}

/** Whether a batch holds any Patient, so only such writes pay for screening. */
export const holdsPatient = (resources: readonly Resource[]): boolean => resources.some((r) => r?.resourceType === 'Patient');
