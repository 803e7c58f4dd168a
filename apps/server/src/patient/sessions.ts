import { createHash, randomBytes } from 'node:crypto';
import type { SqlClient } from '@footprint/record';

/**
 * Citizens' server-side sessions (table `identity_patient_session`). The browser holds only a
 * random 256-bit token; the table holds its SHA-256, the CSRF token, and the times that end the
 * session after 30 minutes without a request (ASVS V3.3) or 8 hours after sign-in, whichever comes first.
 */
export interface PatientSessionPolicy {
  idleSeconds: number;
  absoluteSeconds: number;
}

export const DEFAULT_PATIENT_SESSION_POLICY: PatientSessionPolicy = { idleSeconds: 30 * 60, absoluteSeconds: 8 * 60 * 60 };

/** The signed-in person: their Patient in the record, matched at sign-in from the identity provider's claims. */
export interface PatientSession {
  patientId: string;
  nhsNumber: string;
  displayName: string;
  issuer: string;
  subject: string;
  csrfToken: string;
  expiresAt: string;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function startPatientSession(
  sql: SqlClient,
  person: Omit<PatientSession, 'csrfToken' | 'expiresAt'>,
  policy: PatientSessionPolicy,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await sql.query(`DELETE FROM identity_patient_session WHERE expires_at < now() OR last_seen_at < now() - make_interval(secs => $1)`, [policy.idleSeconds]);
  await sql.query(
    `INSERT INTO identity_patient_session (id, patient_id, nhs_number, display_name, issuer, subject, csrf_token, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8))`,
    [digest(token), person.patientId, person.nhsNumber, person.displayName, person.issuer, person.subject, csrfToken, policy.absoluteSeconds],
  );
  return { token, csrfToken };
}

/** The live session for a token (refreshing its idle timer), or undefined when unknown, idle too long or expired. */
export async function resumePatientSession(sql: SqlClient, token: string, policy: PatientSessionPolicy): Promise<PatientSession | undefined> {
  const { rows } = await sql.query<{
    patient_id: string;
    nhs_number: string;
    display_name: string;
    issuer: string;
    subject: string;
    csrf_token: string;
    expires_at: string | Date;
  }>(
    `UPDATE identity_patient_session SET last_seen_at = now()
      WHERE id = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)
     RETURNING patient_id, nhs_number, display_name, issuer, subject, csrf_token, expires_at`,
    [digest(token), policy.idleSeconds],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    patientId: row.patient_id,
    nhsNumber: row.nhs_number,
    displayName: row.display_name,
    issuer: row.issuer,
    subject: row.subject,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

export async function endPatientSession(sql: SqlClient, token: string): Promise<void> {
  await sql.query(`DELETE FROM identity_patient_session WHERE id = $1`, [digest(token)]);
}
