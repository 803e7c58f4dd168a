import type { Statement } from '../../db/statement';
import type { ConsentImplication } from './implication';

/**
 * Adds to a write's statement the derivation of its Consents: the rows of every Consent written
 * (`consentIds`) are deleted from the access tables and what each now implies is inserted, with
 * the change sequence of its write (`join` names the written row as `c`, with `c.seq`). All in the
 * write's own statement, so the policy sees the new choice from the next request and never a
 * half-applied one. PostgreSQL runs the DELETEs and INSERTs against the same snapshot, so the
 * DELETEs never remove the rows inserted beside them.
 */
export function addConsentDerivation(stmt: Statement, consentIds: readonly string[], implications: readonly ConsentImplication[], join: (u: string) => string): void {
  if (consentIds.length === 0) return;
  const ids = stmt.add([...consentIds]);
  for (const table of ['sharing_choice', 'voluntary_share', 'data_opt_out']) stmt.cte('consent_del', `DELETE FROM ${table} WHERE consent_id = ANY(${ids}::text[])`);

  const sharing = implications.flatMap((i) => (i.sharing ? [{ ...i.sharing, consentId: i.consentId, patientId: i.patientId }] : []));
  if (sharing.length) {
    stmt.cte(
      'consent_choice',
      `INSERT INTO sharing_choice (consent_id, patient_id, choice, effective, seq)
       SELECT u.consent_id, u.patient_id, u.choice, u.effective, c.seq
       FROM unnest(${stmt.add(sharing.map((s) => s.consentId))}::text[], ${stmt.add(sharing.map((s) => s.patientId))}::text[],
         ${stmt.add(sharing.map((s) => s.choice))}::text[], ${stmt.add(sharing.map((s) => s.effective))}::timestamptz[]) AS u(consent_id, patient_id, choice, effective)
       ${join('u')}`,
    );
  }
  const voluntary = implications.flatMap((i) => i.voluntary.map((organisation) => ({ consentId: i.consentId, patientId: i.patientId, organisation })));
  if (voluntary.length) {
    stmt.cte(
      'consent_voluntary',
      `INSERT INTO voluntary_share (consent_id, patient_id, organisation)
       SELECT u.consent_id, u.patient_id, u.organisation
       FROM unnest(${stmt.add(voluntary.map((v) => v.consentId))}::text[], ${stmt.add(voluntary.map((v) => v.patientId))}::text[],
         ${stmt.add(voluntary.map((v) => v.organisation))}::text[]) AS u(consent_id, patient_id, organisation)
       ${join('u')}`,
    );
  }
  const optOuts = implications.flatMap((i) => i.optOuts.map((o) => ({ ...o, consentId: i.consentId, patientId: i.patientId })));
  if (optOuts.length) {
    stmt.cte(
      'consent_opt_out',
      `INSERT INTO data_opt_out (consent_id, patient_id, opt_out, practice)
       SELECT u.consent_id, u.patient_id, u.opt_out, u.practice
       FROM unnest(${stmt.add(optOuts.map((o) => o.consentId))}::text[], ${stmt.add(optOuts.map((o) => o.patientId))}::text[],
         ${stmt.add(optOuts.map((o) => o.optOut))}::text[], ${stmt.add(optOuts.map((o) => o.practice))}::text[]) AS u(consent_id, patient_id, opt_out, practice)
       ${join('u')}`,
    );
  }
}
