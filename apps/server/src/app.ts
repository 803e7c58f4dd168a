import { publicRoutes } from './public';
import { publicPages } from './public/pages';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ensureDefinitions } from '@footprint/fhir';
import { pendingMigrations } from '@footprint/record';
import { apiRoutes } from './api';
import { scheduleRetention } from './api/engage/enquiries';
import { registerCoordinationNotifications, type SubscriptionOption } from './api/coordination/notifications';
import { registerEngageMail, type MailOption } from './api/engage/mail';
import { ensureAdministratorClient } from './auth/administrator';
import { oauthRoutes } from './auth/oauth-routes';
import { loadSigningKey } from './auth/signing-key';
import { TokenService } from './auth/token-service';
import { configuredPublicBase, tokenIdentity } from './http/public-base';
import { smartAuthorizeRoutes } from './auth/smart/authorize-routes';
import { patientSignIn } from './auth/smart/patient-sign-in';
import { ExportJobs } from './fhir/export/jobs';
import { fhirPlugin } from './fhir/plugin';
import { identityRoutes } from './identity/routes';
import { asyncStdout, loggerOptions, RequestLogController } from './logging';
import { platformMigrations } from './migrations';
import { rejectControlCharacters } from './http/reject-control-characters';
import { generateRequestId } from './http/request-metadata';
import { rateLimitsFromEnvironment, registerRateLimits, type RateLimits } from './http/rate-limits';
import { registerSecurityHeaders } from './http/security-headers';
import { trustProxyFromEnvironment, type TrustProxy } from './http/trust-proxy';
import type { Platform } from './platform';
import './types';
import { webApp } from './web';

export const SERVER_VERSION = '0.1.0';

export interface ServerOptions {
  /** pino logger settings; `false` for silence (tests). Defaults to LOG_LEVEL, redacting credentials. */
  logger?: FastifyServerOptions['logger'];
  /** Public base URL of the FHIR API when behind a proxy, e.g. `https://footprint.example.nhs.uk/fhir/R4`. */
  fhirBaseUrl?: string;
  /** Largest request body accepted, in bytes (transaction Bundles are the big ones). Default 16 MB. */
  bodyLimit?: number;
  /** Access token lifetime in seconds (default 300). */
  tokenLifetimeSeconds?: number;
  /** Where the built web app is (default apps/web/dist). */
  webDist?: string;
  /** Whether staff may sign in with a Footprint password (default: FOOTPRINT_LOCAL_PASSWORDS, on unless `off`). */
  localPasswords?: boolean;
  /** Create the administrator client and credentials.json on empty storage (default true). */
  bootstrapAdministrator?: boolean;
  /** Called once the administrator's credentials have been written, with the file's path (never the secret). */
  onAdministratorCreated?: (path: string) => void;
  /** Run the demo's own OpenID Connect provider at /idp with synthetic citizens and staff (`footprint demo`; default false). */
  demoIdentityProvider?: boolean;
  /** This server's public origin for OpenID Connect redirects (default FOOTPRINT_PUBLIC_URL, else the address it listens on). */
  publicUrl?: string;
  /**
   * Which proxies to believe about the client's address and protocol (X-Forwarded-For/-Proto):
   * `true` for all, a hop count, or addresses/CIDR ranges. Default FOOTPRINT_TRUST_PROXY, else none.
   * Rate limits, sign-in delays and the Secure session cookie depend on it behind a TLS proxy.
   */
  trustProxy?: TrustProxy;
  /** Serve the demo's users and passwords at /api/demo-users (only `footprint demo` sets this; default false). */
  demoUsers?: boolean;
  /** Requests per minute per address on sign-in, token and public endpoints (default from FOOTPRINT_*_RATE_LIMIT, else 30, 120, 300). */
  rateLimits?: Partial<RateLimits>;
  /**
   * Outgoing mail for replies to enquiries: `{ smtpUrl, from }` (default FOOTPRINT_SMTP_URL and
   * FOOTPRINT_MAIL_FROM; without them replies are recorded but not emailed), with `demoSink` when it
   * is the demo's own sink (`footprint demo`), shown at /engage/mail; `false` for none.
   */
  mail?: MailOption;
  /**
   * Care coordination's notifications: FHIR Subscription delivery to partner systems (REST hook)
   * and referral email notices: `{ intervalMs, allowHttp }` (default FOOTPRINT_SUBSCRIPTION_INTERVAL_MS,
   * else 5 s, and FOOTPRINT_SUBSCRIPTION_ALLOW_HTTP=true to allow http: endpoints; otherwise only
   * https:), or `false` for neither.
   */
  subscriptions?: SubscriptionOption;
}

export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * Composes the HTTP server: the FHIR R4 API at /fhir/R4, OAuth2 at /oauth/token with SMART
 * discovery and the SMART App Launch authorisation of patient apps (/oauth/authorize), the web app's JSON API at /api and the built web app. The platform's storage must
 * have been opened with `platformMigrations`; start-up work (checking that, the signing key, the
 * first administrator client) runs when the instance becomes ready (`listen`, `ready` or the first `inject`).
 */
export function buildServer(platform: Platform, options: ServerOptions = {}): FastifyInstance {
  const stdout = options.logger === undefined ? asyncStdout() : undefined;
  const app = Fastify({
    logger: options.logger ?? { ...(loggerOptions() as object), stream: stdout },
    logController: new RequestLogController(),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Our own id for every request; a client's X-Request-Id is recorded separately (requestMetadata).
    requestIdHeader: false,
    genReqId: generateRequestId,
    // Start-up (definitions, signing key, first administrator) can take a while on a busy machine.
    pluginTimeout: 120_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    // Fastify accepts a hop count too, though its types leave it out.
    trustProxy: (options.trustProxy ?? trustProxyFromEnvironment()) as FastifyServerOptions['trustProxy'],
  });
  app.decorateRequest('accessContext', undefined);
  if (stdout) app.addHook('onClose', async () => stdout.flushSync());

  app.register(async (root) => {
    // Both before any route: headers on every answer, limits attached to routes as they are added.
    await registerSecurityHeaders(root);
    await registerRateLimits(root, { ...rateLimitsFromEnvironment(), ...options.rateLimits });
    // Load the R4 definitions now (a few seconds) rather than inside the first request that needs them.
    ensureDefinitions();
    const pending = await pendingMigrations(platform.sql, platformMigrations);
    if (pending.length > 0) throw new Error(`Storage was opened without the platform's migrations (missing ${pending.slice(0, 3).join(', ')}); open it with createRecord({ migrations: platformMigrations })`);
    const signingKey = await loadSigningKey(platform.dataDir);
    const publicBase = configuredPublicBase(options);
    const tokens = await TokenService.open(platform.sql, platform.dataDir, tokenIdentity(publicBase), options.tokenLifetimeSeconds);
    if (options.bootstrapAdministrator !== false) {
      const admin = await ensureAdministratorClient(platform.sql, platform.dataDir);
      if (admin.created) {
        if (options.onAdministratorCreated) options.onAdministratorCreated(admin.path);
        else root.log.info({ path: admin.path }, 'created the administrator client; its credentials are in this file');
      }
    }
    const jobs = new ExportJobs(platform.sql, platform.record, platform.dataDir, root.log);
    root.addHook('onReady', async () => jobs.resumeUnfinished());
    root.addHook('onClose', async () => jobs.close());
    // Engagement: replies by email (retried every five minutes) and the daily retention job.
    registerEngageMail(root, platform, options.mail);
    scheduleRetention(root, platform);
    // Care coordination: FHIR Subscriptions and referral email notices, from the change feed, apart from every write.
    registerCoordinationNotifications(root, platform, options.subscriptions, publicBase.publicUrl);

    rejectControlCharacters(root);
    await root.register(oauthRoutes, { sql: platform.sql, tokens, publicBase });
    await root.register(smartAuthorizeRoutes, { sql: platform.sql, signingKey, person: patientSignIn(platform), publicBase });
    await root.register(fhirPlugin, { prefix: '/fhir/R4', record: platform.record, tokens, jobs, version: SERVER_VERSION, publicBase });
    await root.register(apiRoutes, { prefix: '/api', platform, demoUsers: options.demoUsers ?? false, ...(options.localPasswords !== undefined ? { localPasswords: options.localPasswords } : {}) });
    await root.register(publicRoutes, { prefix: '/api/public', platform });
    await root.register(publicPages, { prefix: '/public', platform });
    await root.register(identityRoutes, { platform, demoProvider: options.demoIdentityProvider ?? false, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
    await root.register(webApp, options.webDist ? { dist: options.webDist } : {});
  });
  return app;
}
