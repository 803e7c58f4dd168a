import type { FastifyInstance } from 'fastify';
import type { Patient } from '@medplum/fhirtypes';
import { listCaseFindingRules, practiceWorklist } from '@footprint/insight';
import type { AccessContext, Repository } from '@footprint/record';
import { loadWarehouseKey, Pseudonymiser } from '@footprint/warehouse';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { nhsNumberOf, personName } from '../care-record/present';
import { staffContext } from '../context';
import { ApiProblem } from '../problem';
import type { InsightSource } from '../warehouse';

const PAGE = 500;

/** Every patient registered at the practice, read through the record (so the look is audited). */
async function* registeredPatients(record: Repository, ctx: AccessContext, practiceReference: string): AsyncGenerator<Patient> {
  let cursor: string | undefined;
  do {
    const result = await record.search(ctx, 'Patient', [
      ['general-practitioner', practiceReference],
      ['_count', String(PAGE)],
      ...(cursor ? ([['_cursor', cursor]] as const) : []),
    ]);
    for (const patient of result.matches) yield patient as Patient;
    cursor = result.next;
  } while (cursor);
}

/** How long a practice's key index is reused before the registered list is walked again. */
const KEY_INDEX_TTL_MS = 10 * 60 * 1000;

/**
 * patient_key → record id for one practice's registered patients (ids only, no names), so that
 * repeat views re-identify with one search for just the flagged people. Rebuilt after the TTL so
 * new registrations appear.
 */
class RegisteredKeyIndex {
  private readonly byPractice = new Map<string, { built: number; index: Promise<Map<string, string>> }>();

  constructor(private readonly ttlMs: number) {}

  forPractice(practiceReference: string, walk: () => AsyncIterable<Patient>, keys: Pseudonymiser): Promise<Map<string, string>> {
    const cached = this.byPractice.get(practiceReference);
    if (cached && Date.now() - cached.built < this.ttlMs) return cached.index;
    const index = (async () => {
      const map = new Map<string, string>();
      for await (const patient of walk()) if (patient.id) map.set(keys.patientKey(patient.id), patient.id);
      return map;
    })();
    this.byPractice.set(practiceReference, { built: Date.now(), index });
    index.catch(() => this.byPractice.delete(practiceReference));
    return index;
  }
}

/** The flagged people's records, read as the user (audited) and only while still registered at the practice. */
async function readRegistered(record: Repository, ctx: AccessContext, practiceReference: string, ids: string[]): Promise<Patient[]> {
  const patients: Patient[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const result = await record.search(ctx, 'Patient', [
      ['_id', chunk.join(',')],
      ['general-practitioner', practiceReference],
      ['_count', String(chunk.length)],
    ]);
    patients.push(...(result.matches as Patient[]));
  }
  return patients;
}

/**
 * GET /api/worklist: the signed-in GP's own practice's case-finding worklist, re-identified.
 * The warehouse flags pseudonymous patient_keys; they are matched to people only through the
 * practice's own registered patients in the record, read with the user's TREAT context (audited),
 * so nobody outside the practice can turn a key into a person.
 */
export async function worklistRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, insight: InsightSource): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'worklist');
  let pseudonymiser: Promise<Pseudonymiser> | undefined;
  const keyIndex = new RegisteredKeyIndex(KEY_INDEX_TTL_MS);

  app.get('/worklist', { preHandler: guard }, async (request, reply) => {
    const user = sessionOf(request).user;
    const practice = user.organisation;
    if (!practice?.reference) {
      throw new ApiProblem(403, 'No practice', 'Your account is not linked to a GP practice in the record, so there is no worklist to show.');
    }
    const engine = await insight.engine();
    const asAt = new Date().toISOString().slice(0, 10);
    const flagged = await practiceWorklist(engine, practice.code, { on: asAt });
    pseudonymiser ??= loadWarehouseKey(platform.dataDir).then((key) => new Pseudonymiser(key));
    const keys = await pseudonymiser;
    const wanted = new Map<string, typeof flagged>();
    for (const row of flagged) wanted.set(row.patient_key, [...(wanted.get(row.patient_key) ?? []), row]);

    const ctx = staffContext(user, 'TREAT', request);
    const rules = listCaseFindingRules();
    const entries: Array<{ patientId: string; name: string; nhsNumber: string | null; birthDate: string | null; rule: string; ruleName: string; evidence: string }> = [];
    let matched = 0;
    if (wanted.size > 0) {
      const index = await keyIndex.forPractice(practice.reference, () => registeredPatients(platform.record, ctx, practice.reference!), keys);
      const ids = [...wanted.keys()].map((key) => index.get(key)).filter((id): id is string => id !== undefined);
      for (const patient of await readRegistered(platform.record, ctx, practice.reference, ids)) {
        const rows = patient.id ? wanted.get(keys.patientKey(patient.id)) : undefined;
        if (!rows) continue;
        matched += 1;
        for (const row of rows) {
          entries.push({
            patientId: patient.id!,
            name: personName(patient.name),
            nhsNumber: nhsNumberOf(patient.identifier),
            birthDate: patient.birthDate ?? null,
            rule: row.rule,
            ruleName: rules.find((r) => r.id === row.rule)?.name ?? row.rule,
            evidence: row.evidence,
          });
        }
      }
    }
    entries.sort((a, b) => a.ruleName.localeCompare(b.ruleName) || a.name.localeCompare(b.name));
    reply.header('cache-control', 'no-store');
    return {
      practice: { code: practice.code, name: practice.name },
      asAt,
      rules,
      entries,
      unmatched: wanted.size - matched,
    };
  });
}
