import type { SqlClient } from '../../db/sql-client';
import { TREATING_NOW_BASES } from '../trust-codes';

/**
 * Whether the person's sharing choice in force dissents from `organisation` seeing their record:
 * `recording-organisation` (no one but each item's recorder) or `gp-and-treating` when the
 * organisation does not treat them now. A break-glass that overrides a dissent is marked so for
 * the privacy officer.
 */
export async function overridesDissent(sql: SqlClient, patientId: string, organisation: string): Promise<boolean> {
  const { rows } = await sql.query<{ dissent: boolean }>(
    `SELECT COALESCE((SELECT CASE s.choice
        WHEN 'recording-organisation' THEN TRUE
        WHEN 'gp-and-treating' THEN NOT EXISTS (SELECT 1 FROM care_relationship cr WHERE cr.patient_id = s.patient_id AND cr.organisation = $2 AND cr.basis = ANY($3::text[]))
        ELSE FALSE END
      FROM sharing_choice s WHERE s.patient_id = $1 ORDER BY s.effective DESC, s.seq DESC LIMIT 1), FALSE) AS dissent`,
    [patientId, organisation, [...TREATING_NOW_BASES]],
  );
  return rows[0]?.dissent === true;
}
