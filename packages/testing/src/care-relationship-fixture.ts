/**
 * TEST-ONLY FIXTURE, until the care relationships branch (issue 9, H1) is merged: the access
 * policy's `gp-and-treating` sharing choice joins to H1's `care_relationship` table
 * (patient_id, organisation, basis, source). Where H1's migration has not created it, this
 * creates a bare one after the platform's migrations, so suites can open a record; where it
 * exists, this does nothing. Never used outside tests.
 */
export async function careRelationshipFixture(sql: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> }): Promise<void> {
  const { rows } = await sql.query("SELECT to_regclass('care_relationship')::text AS t");
  if (!(rows[0] as { t: string | null } | undefined)?.t) {
    await sql.query('CREATE TABLE care_relationship (patient_id text NOT NULL, organisation text NOT NULL, basis text NOT NULL, source text)');
  }
}
