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

/**
 * GET /api/worklist: the signed-in GP's own practice's case-finding worklist, re-identified.
 * The warehouse flags pseudonymous patient_keys; they are matched to people only by walking the
 * practice's own registered patients in the record with the user's TREAT context (audited), so
 * nobody outside the practice can turn a key into a person.
 */
export async function worklistRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, insight: InsightSource): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'worklist');
  let pseudonymiser: Promise<Pseudonymiser> | undefined;

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
      for await (const patient of registeredPatients(platform.record, ctx, practice.reference)) {
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
        if (matched === wanted.size) break;
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
