import { NHS_NUMBER_SYSTEM } from '@footprint/fhir';
import { grantScopes, splitScopes, type SqlClient } from '@footprint/record';
import { InvalidTokenError, type AccessTokenClaims } from './tokens';

/**
 * A token is only as good as the principal it names, today: the OAuth client must exist, be
 * enabled and still hold the token's organisation, purpose and scopes; a member of staff must
 * exist, be enabled and still hold the token's role and organisation; a person must still be in
 * the record with the token's NHS number; a SMART app must still be enabled. So disabling a client,
 * an account or an app ends its tokens at once, and a token naming no one is refused.
 */
export async function checkPrincipal(sql: SqlClient, claims: AccessTokenClaims): Promise<void> {
  if (claims.kind === 'user') return checkStaff(sql, claims);
  if (claims.kind === 'patient') {
    if (!claims.nhs) throw new InvalidTokenError('The access token names a patient without an NHS number');
    return checkPerson(sql, claims.sub, claims.nhs);
  }
  if (claims.patient !== undefined || claims.nhs !== undefined) return checkSmartApp(sql, claims);
  return checkClient(sql, claims);
}

async function checkClient(sql: SqlClient, claims: AccessTokenClaims): Promise<void> {
  const { rows } = await sql.query<{ active: boolean; organisation: string | null; scopes: string; purpose: string }>(
    'SELECT active, organisation, scopes, purpose FROM oauth_client WHERE id = $1',
    [claims.sub],
  );
  const client = rows[0];
  if (!client) throw new InvalidTokenError('The access token names no registered client');
  if (!client.active) throw new InvalidTokenError('The client this access token was issued to is disabled');
  if ((client.organisation ?? undefined) !== claims.org) throw new InvalidTokenError("The access token's organisation is not the client's");
  if (client.purpose !== claims.purpose) throw new InvalidTokenError("The access token's purpose of use is not the client's");
  const allowed = splitScopes(client.scopes);
  const beyond = splitScopes(claims.scope).filter((scope) => !grantScopes([scope], allowed).includes(scope));
  if (beyond.length > 0) throw new InvalidTokenError('The access token carries scopes the client no longer holds');
}

async function checkStaff(sql: SqlClient, claims: AccessTokenClaims): Promise<void> {
  if (typeof claims.role !== 'string') throw new InvalidTokenError('The access token names a user without a role');
  const { rows } = await sql.query<{ role: string; organisation_ref: string | null; disabled: boolean }>(
    'SELECT role, organisation_ref, disabled_at IS NOT NULL AS disabled FROM web_users WHERE id = $1',
    [claims.sub],
  );
  const user = rows[0];
  if (!user) throw new InvalidTokenError('The access token names no staff user');
  if (user.disabled) throw new InvalidTokenError('The staff account this access token acts for is disabled');
  if (user.role !== claims.role) throw new InvalidTokenError("The access token's role is not the user's role");
  if ((user.organisation_ref ?? undefined) !== claims.org) throw new InvalidTokenError("The access token's organisation is not the user's");
}

/**
 * The person exists (not deleted) with this NHS number. Only the identity is looked at (the
 * resource row and its identifier index), never the record's content, so this is no access to the
 * person's record and is not audited; the request the token then makes is.
 */
async function checkPerson(sql: SqlClient, patientId: string, nhsNumber: string): Promise<void> {
  const { rows } = await sql.query(
    `SELECT 1 FROM resource r
     WHERE r.resource_type = 'Patient' AND r.id = $1 AND NOT r.deleted
       AND EXISTS (SELECT 1 FROM search_token t WHERE t.rid = r.rid AND t.resource_type = 'Patient' AND t.code = 'identifier' AND t.system = $2 AND t.value = $3)`,
    [patientId, NHS_NUMBER_SYSTEM, nhsNumber],
  );
  if (rows.length === 0) throw new InvalidTokenError('The access token names no person in the record');
}

async function checkSmartApp(sql: SqlClient, claims: AccessTokenClaims): Promise<void> {
  if (typeof claims.patient !== 'string' || typeof claims.nhs !== 'string') throw new InvalidTokenError('The access token names a person without both their id and NHS number');
  const { rows } = await sql.query<{ active: boolean }>('SELECT active FROM smart_app WHERE id = $1', [claims.sub]);
  if (!rows[0]) throw new InvalidTokenError('The access token names no registered app');
  if (!rows[0].active) throw new InvalidTokenError('The app this access token was issued to is disabled');
  await checkPerson(sql, claims.patient, claims.nhs);
}
