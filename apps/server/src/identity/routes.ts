import type { FastifyPluginAsync } from 'fastify';
import { sendProblem } from '../api/problem';
import { patientRoutes } from '../patient';
import type { Platform } from '../platform';
import { readDemoIdentities } from './demo-accounts';
import { createDemoIdentityProvider } from './demo-provider';
import { demoProviderRoutes } from './interactions';
import { once, publicUrlOf } from './public-url';
import { RelyingParty } from './relying-party';
import { relyingPartySettings } from './settings';
import { staffSignInRoutes } from './staff-sign-in';

export interface IdentityOptions {
  platform: Platform;
  /** Run the demo's own OpenID Connect provider at /idp, holding synthetic citizens and staff (`footprint demo`). */
  demoProvider?: boolean;
  /** This server's public origin; default the address it listens on. */
  publicUrl?: string;
  /** Where the issuers and client credentials are configured (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Sign-in through OpenID Connect: the demo provider (when it runs), citizen sign-in and the
 * citizens' route area (/api/patient), and staff sign-in as NHS CIS2 works (/api/session/cis2).
 * Issuers come from the environment (NHS login, NHS CIS2) or, in the demo, the local provider:
 * the relying-party code is the same either way.
 */
export const identityRoutes: FastifyPluginAsync<IdentityOptions> = async (app, options) => {
  const { platform } = options;
  const env = options.env ?? process.env;
  const publicUrl = () => publicUrlOf(app, options.publicUrl ?? env.FOOTPRINT_PUBLIC_URL);
  const demo = options.demoProvider ? once(() => createDemoIdentityProvider(platform.sql, publicUrl())) : undefined;
  if (demo) await demoProviderRoutes(app, demo);

  const relyingParty = (purpose: 'patient' | 'staff') =>
    once(async () => {
      const settings = relyingPartySettings(purpose, publicUrl(), env, demo ? await demo() : undefined);
      return settings ? new RelyingParty(platform.sql, purpose, async () => settings) : undefined;
    });

  await app.register(patientRoutes, { prefix: '/api/patient', platform, relyingParty: relyingParty('patient'), publicUrl });
  await app.register(staffSignInRoutes, { prefix: '/api/session/cis2', platform, relyingParty: relyingParty('staff'), publicUrl });

  /** The demo's logins at its provider, for the start page; 404 when the demo provider does not run. */
  app.get('/api/demo-identities', async (_request, reply) => {
    const identities = options.demoProvider ? await readDemoIdentities(platform.dataDir) : undefined;
    if (!identities) return sendProblem(reply, 404, 'Not a demo', 'This Footprint has no demo identity provider.');
    return reply.header('cache-control', 'no-store').send(identities);
  });
};
