import type { Command } from 'commander';
import { isValidNhsNumber, NHS_NUMBER_SYSTEM } from '@footprint/fhir';
import { staffAccess, staffContext, systemContext, type AccessContext } from '@footprint/record';
import { findStaffUser, grantScopes, loadSigningKey, mintAccessToken, readStoredCredentials, type MintOptions, type Platform } from '@footprint/server';
import { dataDirectory, openPlatform } from '../platform';

interface TokenOptions {
  scope?: string;
  lifetime: string;
  user?: string;
  patient?: string;
}

/**
 * What a token acting as a member of staff holds: exactly the AccessContext the web app builds
 * for them (their organisation, the scopes and purpose of use their role's staff policy gives),
 * so the FHIR API answers them as the web app does.
 */
export type PrincipalToken = Omit<MintOptions, 'issuer' | 'lifetimeSeconds'>;

export async function staffToken(platform: Pick<Platform, 'sql'>, username: string): Promise<PrincipalToken> {
  const user = await findStaffUser(platform.sql, username);
  if (!user) throw new Error(`There is no staff user "${username}" (see the users of the web app)`);
  const access = staffAccess(user.role, user.organisation?.reference ? { reference: user.organisation.reference } : undefined);
  const ctx: AccessContext = staffContext(user, access.purposes[0] ?? 'TREAT');
  if (ctx.scopes.length === 0) {
    process.stderr.write(`Note: the ${user.role} role reads nothing in the record; the token will be refused every record interaction, as the web app would be.\n`);
  }
  return {
    clientId: user.id,
    name: user.displayName,
    ...(ctx.organisation ? { organisation: ctx.organisation } : {}),
    scopes: ctx.scopes,
    purpose: ctx.purpose,
    principal: { kind: 'user', role: user.role },
  };
}

/** A token acting as the person with this NHS number: their own record (patient/*.rs). */
export async function patientToken(platform: Pick<Platform, 'record'>, nhsNumber: string): Promise<PrincipalToken> {
  const nhs = nhsNumber.replace(/\s+/g, '');
  if (!isValidNhsNumber(nhs)) throw new Error(`"${nhsNumber}" is not a valid NHS number (10 digits with a valid check digit)`);
  const found = await platform.record.search(systemContext('SYSADMIN', 'footprint-token'), 'Patient', [['identifier', `${NHS_NUMBER_SYSTEM}|${nhs}`], ['_count', '2']]);
  if (found.matches.length === 0) throw new Error('No person in the record has that NHS number');
  if (found.matches.length > 1) throw new Error('More than one person in the record has that NHS number; resolve the duplicate first');
  return { clientId: found.matches[0].id!, scopes: ['patient/*.rs'], purpose: 'TREAT', principal: { kind: 'patient', nhsNumber: nhs } };
}

/**
 * `footprint token`: prints an access token, minted directly with the data directory's signing
 * key (the same key the server uses): for the administrator client in credentials.json (no
 * database needed: whoever can read the data directory already holds everything a token
 * grants), or acting as a staff user (`--user`) or a person (`--patient`), under the same
 * record policy as the web app.
 */
export function register(program: Command): void {
  program
    .command('token')
    .description(
      'Print an access token: for the administrator client in <data dir>/credentials.json, or acting as a staff user (--user) or a person (--patient) ' +
        '(for scripts: curl -H "Authorization: Bearer $(footprint token)")',
    )
    .option('-s, --scope <scopes>', 'space-separated SMART scopes to request (default: everything the client may have)')
    .option('--user <username>', 'act as this staff user of the web app: their organisation, role and care relationships, as the web app applies them')
    .option('--patient <nhs-number>', 'act as the person with this NHS number: their own record (patient/*.rs)')
    .option('--lifetime <seconds>', 'token lifetime in seconds', '3600')
    .action(async (options: TokenOptions) => {
      const dataDir = dataDirectory();
      const lifetime = Number(options.lifetime);
      if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > 86_400) throw new Error('--lifetime must be a whole number of seconds between 1 and 86400');
      if (options.user && options.patient) throw new Error('Give --user or --patient, not both');
      const requested = options.scope?.split(/\s+/).filter(Boolean);
      let minted: PrincipalToken;
      if (options.user || options.patient) {
        const platform = await openPlatform();
        try {
          minted = options.user ? await staffToken(platform, options.user) : await patientToken(platform, options.patient!);
        } finally {
          await platform.close();
        }
        if (requested) {
          const scopes = grantScopes(requested, minted.scopes);
          if (scopes.length === 0) throw new Error(`None of the requested scopes are allowed; this principal may have: ${minted.scopes.join(' ') || 'none'}`);
          minted = { ...minted, scopes };
        }
      } else {
        const credentials = await readStoredCredentials(dataDir);
        const scopes = grantScopes(requested, credentials.scopes);
        if (scopes.length === 0) throw new Error(`None of the requested scopes are allowed; the client may have: ${credentials.scopes.join(' ')}`);
        minted = {
          clientId: credentials.clientId,
          name: 'Footprint administrator',
          ...(credentials.organisation ? { organisation: { reference: credentials.organisation } } : {}),
          scopes,
          purpose: credentials.purpose,
        };
      }
      const { token } = mintAccessToken(await loadSigningKey(dataDir), {
        issuer: 'footprint',
        ...minted,
        lifetimeSeconds: lifetime,
      });
      process.stdout.write(`${token}\n`);
    });
}
