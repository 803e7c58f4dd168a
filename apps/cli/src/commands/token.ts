import type { Command } from 'commander';
import { isValidNhsNumber, NHS_NUMBER_SYSTEM } from '@footprint/fhir';
import { staffAccess, staffContext, systemContext, type AccessContext } from '@footprint/record';
import {
  configuredPublicBase,
  findStaffUser,
  grantScopes,
  MAX_ACCESS_TOKEN_LIFETIME_SECONDS,
  mintAccessToken,
  readStoredCredentials,
  revokeAccessToken,
  SigningKeys,
  tokenIdentity,
  TokenService,
  type MintOptions,
  type Platform,
} from '@footprint/server';
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
export type PrincipalToken = Omit<MintOptions, 'lifetimeSeconds'>;

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
 * `footprint token`: prints an access token, minted directly with the data directory's current
 * signing key (the same keys the server uses, signing-keys.json) for the issuer and audience of
 * FOOTPRINT_PUBLIC_URL, as the server does: for the administrator client in credentials.json (no
 * database needed: whoever can read the data directory already holds everything a token
 * grants), or acting as a staff user (`--user`) or a person (`--patient`), under the same
 * record policy as the web app. `footprint token revoke` puts a token on the denylist.
 */
export function register(program: Command): void {
  const token = program
    .command('token')
    .description(
      'Print an access token: for the administrator client in <data dir>/credentials.json, or acting as a staff user (--user) or a person (--patient) ' +
        '(for scripts: curl -H "Authorization: Bearer $(footprint token)")',
    )
    .option('-s, --scope <scopes>', 'space-separated SMART scopes to request (default: everything the client may have)')
    .option('--user <username>', 'act as this staff user of the web app: their organisation, role and care relationships, as the web app applies them')
    .option('--patient <nhs-number>', 'act as the person with this NHS number: their own record (patient/*.rs)')
    .option('--lifetime <seconds>', `token lifetime in seconds (at most ${MAX_ACCESS_TOKEN_LIFETIME_SECONDS})`, '3600')
    .action(async (options: TokenOptions) => {
      const dataDir = dataDirectory();
      const lifetime = Number(options.lifetime);
      if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_ACCESS_TOKEN_LIFETIME_SECONDS) {
        throw new Error(`--lifetime must be a whole number of seconds between 1 and ${MAX_ACCESS_TOKEN_LIFETIME_SECONDS}`);
      }
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
      const printed = await mintAccessToken(await SigningKeys.open(dataDir), tokenIdentity(configuredPublicBase({})), { ...minted, lifetimeSeconds: lifetime });
      process.stdout.write(`${printed.token}\n`);
    });

  token
    .command('revoke')
    .description('Revoke an access token at once (the server refuses it from then on, until it would have expired anyway): give the token, or its id with --jti')
    .argument('[token]', 'the access token (JWT) to revoke')
    .option('--jti <id>', 'revoke by token id (the jti claim) instead, e.g. from a log line')
    .action(async (given: string | undefined, options: { jti?: string }) => {
      if (!given === !options.jti) throw new Error('Give the token to revoke, or --jti <id>, not both');
      const dataDir = dataDirectory();
      const platform = await openPlatform();
      try {
        if (options.jti) {
          const expiresAt = new Date(Date.now() + MAX_ACCESS_TOKEN_LIFETIME_SECONDS * 1000);
          await revokeAccessToken(platform.sql, { jti: options.jti, subject: '(revoked by id)', expiresAt, by: 'administrator' });
          process.stdout.write(`Revoked token ${options.jti}\n`);
          return;
        }
        const service = new TokenService({ sql: platform.sql, keys: await SigningKeys.open(dataDir), identity: tokenIdentity(configuredPublicBase({})) });
        const result = await service.revoke(given!.trim(), 'administrator');
        if (!result) throw new Error('That is not an access token this Footprint issued (wrong signature, issuer or audience, or not a JWT)');
        const expired = result.claims.exp * 1000 <= Date.now();
        process.stdout.write(expired ? `Token ${result.claims.jti} has already expired; nothing to revoke\n` : `Revoked token ${result.claims.jti} (subject ${result.claims.sub})\n`);
      } finally {
        await platform.close();
      }
    });
}
