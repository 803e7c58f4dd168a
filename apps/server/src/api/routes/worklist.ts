import type { FastifyInstance } from 'fastify';
import { listCaseFindingRules, practiceWorklist } from '@footprint/insight';
import { loadWarehouseKey, Pseudonymiser } from '@footprint/warehouse';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { nhsNumberOf, personName } from '../care-record/present';
import { staffContext } from '../context';
import { ApiProblem } from '../problem';
import type { Worklist, WorklistEntry } from '../responses';
import type { InsightSource } from '../warehouse';

/**
 * GET /api/worklist: the signed-in GP's own practice's case-finding worklist, re-identified.
 * The warehouse flags pseudonymous patient_keys; the record's one re-identification operation
 * matches them to people among the practice's own registered patients, with the user's TREAT
 * context, under the access policy and audited, so nobody outside the practice can turn a key
 * into a person.
 */
export async function worklistRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, insight: InsightSource): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'worklist');
  let pseudonymiser: Promise<Pseudonymiser> | undefined;

  app.get('/worklist', { preHandler: guard }, async (request, reply): Promise<Worklist> => {
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
    const entries: WorklistEntry[] = [];
    let matched = 0;
    if (wanted.size > 0) {
      const found = await platform.record.reidentify(ctx, { practice: practice.reference, keys: [...wanted.keys()], pseudonymOf: (id) => keys.patientKey(id) });
      for (const { key, patient } of found) {
        const rows = wanted.get(key);
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
