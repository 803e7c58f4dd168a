import type { SqlClient } from '../../db/sql-client';
import { TREATING_NOW_BASES } from '../trust-codes';

/**
 * Whether the person's sharing choice in force dissents from `organisation` seeing their record:
 * `recording-organisation` (no one but each item's recorder) or `gp-and-treating` when the
 * organisation does not treat them now. A break-glass that overrides a dissent is marked so for
 * the privacy officer.
 */
export async function overridesDissent(sql: SqlClient, patientId: string, organisation: string): Promise<boolean> {
  return (await dissentingChoice(sql, patientId, organisation)) !== undefined;
}

/** The sharing choice that keeps `organisation` from the person's record, or undefined when none does. */
export async function dissentingChoice(sql: SqlClient, patientId: string, organisation: string): Promise<'recording-organisation' | 'gp-and-treating' | undefined> {
  const { rows } = await sql.query<{ choice: string | null }>(
    `SELECT (SELECT CASE
        WHEN s.choice = 'recording-organisation' THEN s.choice
        WHEN s.choice = 'gp-and-treating' AND NOT EXISTS (SELECT 1 FROM care_relationship cr WHERE cr.patient_id = s.patient_id AND cr.organisation = $2 AND cr.basis = ANY($3::text[])) THEN s.choice
        ELSE NULL END
      FROM sharing_choice s WHERE s.patient_id = $1 ORDER BY s.effective DESC, s.seq DESC LIMIT 1) AS choice`,
    [patientId, organisation, [...TREATING_NOW_BASES]],
  );
  const choice = rows[0]?.choice;
  return choice === 'recording-organisation' || choice === 'gp-and-treating' ? choice : undefined;
}
