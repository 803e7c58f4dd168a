import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './auth/sessions';
import { answerWithProblems } from './problem';
import { careRecordRoutes } from './routes/care-record';
import { footprintRoutes } from './routes/footprint';
import { populationRoutes } from './routes/population';
import { privacyRoutes } from './routes/privacy';
import { worklistRoutes } from './routes/worklist';
import { InsightSource } from './warehouse';
import { demoRoutes } from './routes/demo';
import { feedRoutes } from './routes/feeds';
import { duplicateRoutes } from './routes/duplicates';
import { sessionRoutes } from './routes/session';
import { sessionsRoutes } from './routes/sessions';
import { answersSettled } from './auth/after-answer';
import type { SignInThrottlePolicy } from './auth/sign-in-throttle';
import { userRoutes } from './routes/users';
import { localPasswordsFromEnvironment } from './auth/local-passwords';
import { correctionRoutes } from './routes/corrections';
import { partnershipRoutes } from './partnership';
import { performanceRoutes } from './performance';
import { engageRoutes } from './engage';
import { coordinationRoutes } from './coordination';

export { seedDemoUsers, readDemoUsers, DEMO_USERS_FILE, type DemoUserCredentials } from './demo-users';
export { upsertUser, authenticate, findStaffUser, type StaffUser, type NewStaffUser } from './auth/users';
export { ROLES, ROLE_LABELS, capabilitiesOf, type Role, type Capability } from './auth/roles';
export { webMigrations } from './auth/migrations';
export * from './accounts';
export { localPasswordsFromEnvironment } from './auth/local-passwords';

export interface ApiOptions {
  platform: Platform;
  /** Idle and absolute session expiry (default 30 minutes idle, 8 hours absolute). */
  sessionPolicy?: SessionPolicy;
  /** Whether staff may sign in with a Footprint password (default: FOOTPRINT_LOCAL_PASSWORDS, on unless `off`). */
  localPasswords?: boolean;
  /** Serve the demo's users and passwords at /api/demo-users (only `footprint demo` sets this; default false). */
  demoUsers?: boolean;
  /** Progressive delays on refused sign-ins (default: 3 free per username and 20 per address in 15 minutes). */
  signInThrottle?: SignInThrottlePolicy;
}

/**
 * The web app's JSON API under /api: sign-in and sessions, the footprint overview, population
 * health, the shared care record, practice worklists and data feeds. Every route but sign-in and
 * the demo start page needs a session, and each checks the user's role on the server.
 */
export const apiRoutes: FastifyPluginAsync<ApiOptions> = async (app, options) => {
  const { platform } = options;
  const policy = options.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  const insight = new InsightSource(platform.warehouse);
  app.addHook('onClose', async () => insight.close());
  app.addHook('onClose', async () => answersSettled());
  app.addHook('onReady', async () => {
    insight.warmUp().catch((error: unknown) => app.log.warn({ err: error }, 'could not warm the population health cache'));
  });

  answerWithProblems(app, 'web API', 'Try again, and tell your administrator if it keeps happening.');

  await sessionRoutes(app, platform, policy, options.localPasswords ?? localPasswordsFromEnvironment(), options.signInThrottle);
  await sessionsRoutes(app, platform, policy);
  await userRoutes(app, platform, policy);
  if (options.demoUsers) await demoRoutes(app, platform);
  await footprintRoutes(app, platform, policy, insight);
  await populationRoutes(app, platform, policy, insight);
  await careRecordRoutes(app, platform, policy);
  await worklistRoutes(app, platform, policy, insight);
  await feedRoutes(app, platform, policy);
  await correctionRoutes(app, platform, policy);
  await duplicateRoutes(app, platform, policy);
  await privacyRoutes(app, platform, policy);
  await partnershipRoutes(app, platform, policy);
  await performanceRoutes(app, platform, policy, insight);
  await engageRoutes(app, platform, policy);
  await coordinationRoutes(app, platform, policy);
};
