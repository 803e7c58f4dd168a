import type { Command } from 'commander';
import { grantScopes, loadSigningKey, mintAccessToken, readStoredCredentials } from '@footprint/server';
import { dataDirectory } from '../platform';

/**
 * `footprint token`: prints an access token for the administrator client in credentials.json.
 * It mints the token directly with the data directory's signing key (the same key the server
 * uses), so it needs no running server and no database connection: whoever can read the data
 * directory already holds everything a token grants.
 */
export function register(program: Command): void {
  program
    .command('token')
    .description('Print an access token for the administrator client in <data dir>/credentials.json (for scripts: curl -H "Authorization: Bearer $(footprint token)")')
    .option('-s, --scope <scopes>', 'space-separated SMART scopes to request (default: everything the client may have)')
    .option('--lifetime <seconds>', 'token lifetime in seconds', '3600')
    .action(async (options: { scope?: string; lifetime: string }) => {
      const dataDir = dataDirectory();
      const credentials = await readStoredCredentials(dataDir);
      const lifetime = Number(options.lifetime);
      if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > 86_400) throw new Error('--lifetime must be a whole number of seconds between 1 and 86400');
      const requested = options.scope?.split(/\s+/).filter(Boolean);
      const scopes = grantScopes(requested, credentials.scopes);
      if (scopes.length === 0) throw new Error(`None of the requested scopes are allowed; the client may have: ${credentials.scopes.join(' ')}`);
      const { token } = mintAccessToken(await loadSigningKey(dataDir), {
        issuer: 'footprint',
        clientId: credentials.clientId,
        name: 'Footprint administrator',
        ...(credentials.organisation ? { organisation: { reference: credentials.organisation } } : {}),
        scopes,
        purpose: credentials.purpose,
        lifetimeSeconds: lifetime,
      });
      process.stdout.write(`${token}\n`);
    });
}
