import { requestMetadata } from '../../http/request-metadata';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { writeAccountEvent, type AccessContext } from '@footprint/record';
import type { Platform } from '../../platform';
import { changeOwnPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../accounts';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../auth/cookies';
import { afterAnswer } from '../auth/after-answer';
import { sessionOrigin } from '../auth/session-origin';
import { clearSignInFailures, DEFAULT_SIGN_IN_THROTTLE, recordSignInFailure, signInRetryAfter, type SignInThrottlePolicy } from '../auth/sign-in-throttle';
import { isCrossSite, requireSession, sessionOf } from '../auth/guard';
import { capabilitiesOf, ROLE_LABELS, type Role } from '../auth/roles';
import { endSession, startSession, type SessionPolicy } from '../auth/sessions';
import { authenticate, type SignInResult, type StaffUser } from '../auth/users';
import { staffContext } from '../context';
import { sendProblem } from '../problem';

/** What the web app learns about the signed-in user. */
export function describeUser(user: StaffUser) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role as Role],
    organisation: user.organisation ? { code: user.organisation.code, name: user.organisation.name } : null,
    capabilities: capabilitiesOf(user.role),
    /** True until a temporary password has been changed: the web app shows only the change-password page. */
    mustChangePassword: user.mustChangePassword,
  };
}

/** The sign-in methods this Footprint offers (GET /api/sign-in-options). */
export interface SignInOptions {
  localPasswords: boolean;
  passwordRules: { minLength: number; maxLength: number };
}

/** Audits a refused sign-in to a known account (wrong password, disabled); unknown usernames are not recorded. */
async function auditRefusal(platform: Platform, request: FastifyRequest, result: Extract<SignInResult, { ok: false }>): Promise<void> {
  if (!result.account) return;
  const ctx: AccessContext = {
    principal: { kind: 'user', id: result.account.id, role: result.account.role },
    scopes: [],
    purpose: 'SYSADMIN',
    request: requestMetadata(request),
  };
  await writeAccountEvent(platform.sql, ctx, {
    change: 'sign-in-refused',
    account: { id: result.account.id, username: result.account.username },
    outcome: '4',
    outcomeDesc: result.reason === 'disabled' ? 'account disabled' : 'wrong password',
  });
}

/** Sign in (POST), who am I (GET), sign out (DELETE) and change password (POST /session/password). */
export async function sessionRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, localPasswords: boolean, throttle: SignInThrottlePolicy = DEFAULT_SIGN_IN_THROTTLE): Promise<void> {
  app.get('/sign-in-options', async (): Promise<SignInOptions> => ({
    localPasswords,
    passwordRules: { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH },
  }));

  /**
   * Sign-in answers the same, after the same work, whether the username is unknown, the account has
   * no password, is disabled or the password is wrong (only the holder of a disabled account's right
   * password learns it is disabled). Refusals slow down the address that made them, progressively;
   * the per-address request limit (rate-limits.ts) caps the rest. The audit of a refusal is written
   * once the answer has gone, so its cost cannot tell known usernames from unknown ones.
   */
  app.post<{ Body: { username?: unknown; password?: unknown } }>('/session', async (request, reply) => {
    // Login CSRF: refuse anything cross-site; JSON bodies cannot be sent cross-site without a CORS preflight.
    if (isCrossSite(request)) return sendProblem(reply, 403, 'Request refused', 'Sign-in must come from this site.');
    if (!localPasswords) {
      return sendProblem(reply, 403, 'Password sign-in is switched off', 'This Footprint signs staff in through their organisation’s identity service, not with a Footprint password.');
    }
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendProblem(reply, 415, 'Unsupported media type', 'Send the username and password as application/json.');
    }
    const { username, password } = request.body ?? {};
    if (typeof username !== 'string' || username.trim() === '' || typeof password !== 'string' || password === '') {
      return sendProblem(reply, 400, 'Enter your username and password', 'Both username and password are required.');
    }
    if (username.length > 64 || password.length > 256) {
      return sendProblem(reply, 400, 'Username or password too long');
    }
    const wait = await signInRetryAfter(platform.sql, request.ip, username, throttle);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return sendProblem(reply, 429, 'Too many sign-in attempts', `Too many sign-ins were refused from here. Wait ${formatWait(wait)} and try again.`);
    }
    const result = await authenticate(platform.sql, username, password);
    if (!result.ok) {
      await recordSignInFailure(platform.sql, request.ip, username, throttle);
      afterAnswer(request, reply, () => auditRefusal(platform, request, result));
      if (result.reason === 'disabled') return sendProblem(reply, 403, 'Your account is disabled', 'Ask your administrator to enable it.');
      return sendProblem(reply, 401, 'Username or password is not correct', 'Check your username and password and try again.');
    }
    await clearSignInFailures(platform.sql, request.ip, username);
    const { token, csrfToken } = await startSession(platform.sql, result.user.id, policy, sessionOrigin(request));
    setSessionCookie(request, reply, token);
    reply.header('cache-control', 'no-store');
    return { user: describeUser(result.user), csrfToken };
  });

  const duringPasswordChange = requireSession(platform.sql, policy, undefined, { duringPasswordChange: true });

  app.get('/session', { preHandler: duringPasswordChange }, async (request, reply) => {
    const session = sessionOf(request);
    reply.header('cache-control', 'no-store');
    return { user: describeUser(session.user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  app.delete('/session', { preHandler: duringPasswordChange }, async (request, reply) => {
    const token = readSessionToken(request);
    if (token) await endSession(platform.sql, token);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.post<{ Body: { currentPassword?: unknown; newPassword?: unknown } }>('/session/password', { preHandler: duringPasswordChange }, async (request, reply) => {
    const session = sessionOf(request);
    const { currentPassword, newPassword } = request.body ?? {};
    if (typeof currentPassword !== 'string' || currentPassword === '' || typeof newPassword !== 'string' || newPassword === '') {
      return sendProblem(reply, 400, 'Enter your current and new passwords', 'Both currentPassword and newPassword are required.');
    }
    if (currentPassword.length > PASSWORD_MAX_LENGTH) return sendProblem(reply, 400, 'Your current password is not correct', 'Enter the password you signed in with.');
    const token = readSessionToken(request) ?? '';
    await changeOwnPassword(platform.sql, staffContext(session.user, 'SYSADMIN', request), session.user.id, { current: currentPassword, next: newPassword }, token);
    reply.header('cache-control', 'no-store');
    return { user: describeUser({ ...session.user, mustChangePassword: false }), csrfToken: session.csrfToken };
  });
}

/** "12 seconds", "3 minutes": how long to wait, in words. */
function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
