import type { Command } from 'commander';
import type { PurposeOfUse } from '@footprint/record';
import { createClient, DEFAULT_APP_SCOPES, disableClient, disableSmartApp, findClient, listClients, listSmartApps, registerSmartApp } from '@footprint/server';
import { openPlatform, type OpenPlatform } from '../platform';

/** Opens storage (every migration set applied, the server's tables among them), runs `fn`, and closes storage. */
async function withPlatform<T>(fn: (platform: OpenPlatform) => Promise<T>): Promise<T> {
  const platform = await openPlatform();
  try {
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

/**
 * `footprint client add|list|disable`: registers the partner systems that may call the FHIR API
 * with OAuth2 client credentials; `add-app|list-apps|disable-app` the SMART apps people may connect
 * to their own record. With embedded storage, stop the server first (PGlite allows
 * one process at a time); with DATABASE_URL it can run beside the server.
 */
export function register(program: Command): void {
  const client = program.command('client').description('Manage the OAuth2 clients (partner systems) allowed to call the FHIR API');

  client
    .command('add')
    .description('Register a partner system; prints its client id and secret once (the secret is stored only as a hash)')
    .requiredOption('--name <name>', 'the system, e.g. "Riverside GP clinical system"')
    .requiredOption('--organisation <reference>', 'the Organization it acts for, e.g. Organization/abc')
    .option('--ods <code>', "the organisation's ODS code")
    .option('--scope <scopes>', 'space-separated SMART system/ scopes it may be granted (a partner system never holds patient/ or user/ scopes)', 'system/*.rs')
    .option('--purpose <purpose>', 'purpose of use: TREAT, HOPERAT, PUBHLTH, HRESCH or SYSADMIN', 'TREAT')
    .action(async (options: { name: string; organisation: string; ods?: string; scope: string; purpose: string }) => {
      const { client: created, secret } = await withPlatform((platform) =>
        createClient(platform.sql, {
          name: options.name,
          organisation: options.organisation,
          ...(options.ods ? { odsCode: options.ods } : {}),
          scopes: options.scope.split(/\s+/).filter(Boolean),
          purpose: options.purpose as PurposeOfUse,
        }),
      );
      console.log(JSON.stringify({ client_id: created.id, client_secret: secret, scope: created.scopes.join(' ') }, null, 2));
      console.error('Keep the secret safe: it cannot be shown again.');
    });

  client
    .command('list')
    .description('List registered clients (never their secrets)')
    .action(async () => {
      const clients = await withPlatform((platform) => listClients(platform.sql));
      for (const c of clients) {
        console.log(`${c.id}  ${c.active ? 'active  ' : 'disabled'}  ${c.organisation ?? '(platform)'}  ${c.purpose}  ${c.scopes.join(' ')}  ${c.name}`);
      }
    });

  client
    .command('disable')
    .description('Disable a client: its secret and every token already issued to it stop working at once')
    .argument('<client-id>')
    .action(async (id: string) => {
      await withPlatform(async (platform) => {
        if (!(await findClient(platform.sql, id))) throw new Error(`No client ${id}`);
        await disableClient(platform.sql, id);
      });
      console.log(`Disabled ${id}`);
    });

  client
    .command('add-app')
    .description('Register a SMART on FHIR app people may connect to their own record (standalone launch, authorization code with PKCE); prints its client id, and a secret once for a confidential app')
    .requiredOption('--name <name>', 'the app as people will see it on the consent screen, e.g. "My Health Diary"')
    .requiredOption('--redirect-uri <uri...>', 'the redirect URIs it may use (https, or http for localhost); requests must match one exactly')
    .option('--type <type>', 'public (browser or mobile app, PKCE only) or confidential (server-side, with a secret)', 'public')
    .option('--scope <scopes>', 'space-separated scopes it may ask for', DEFAULT_APP_SCOPES.join(' '))
    .action(async (options: { name: string; redirectUri: string[]; type: string; scope: string }) => {
      if (options.type !== 'public' && options.type !== 'confidential') throw new Error('--type must be public or confidential');
      const type = options.type;
      const { app, secret } = await withPlatform((platform) =>
        registerSmartApp(platform.sql, { name: options.name, type, redirectUris: options.redirectUri, scopes: options.scope.split(/\s+/).filter(Boolean) }),
      );
      console.log(JSON.stringify({ client_id: app.id, ...(secret ? { client_secret: secret } : {}), type: app.type, redirect_uris: app.redirectUris, scope: app.scopes.join(' ') }, null, 2));
      if (secret) console.error('Keep the secret safe: it cannot be shown again.');
    });

  client
    .command('list-apps')
    .description('List registered SMART apps (never their secrets)')
    .action(async () => {
      const apps = await withPlatform((platform) => listSmartApps(platform.sql));
      for (const a of apps) console.log(`${a.id}  ${a.active ? 'active  ' : 'disabled'}  ${a.type.padEnd(12)}  ${a.scopes.join(' ')}  ${a.name}  ${a.redirectUris.join(' ')}`);
    });

  client
    .command('disable-app')
    .description('Disable a SMART app: it can no longer be authorised, its refresh tokens are revoked, and its access tokens stop working at once')
    .argument('<client-id>')
    .action(async (id: string) => {
      const found = await withPlatform((platform) => disableSmartApp(platform.sql, id));
      if (!found) throw new Error(`No SMART app ${id}`);
      console.log(`Disabled ${id}`);
    });
}
