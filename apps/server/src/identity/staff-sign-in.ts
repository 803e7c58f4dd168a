import { createHash, randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { setSessionCookie } from '../api/auth/cookies';
import { sessionOrigin } from '../api/auth/session-origin';
import { isCrossSite } from '../api/auth/guard';
import { DEFAULT_SESSION_POLICY, startSession, type SessionPolicy } from '../api/auth/sessions';
import { listPartnerOrganisations } from '../api/partner-organisations';
import { sendProblem } from '../api/problem';
import { describeUser } from '../api/routes/session';
import { addCookie, cookieValue, readNamedCookie } from '../patient/cookies';
import type { Platform } from '../platform';
import { sameOriginRedirect } from './public-url';
import { SignInFailed, type RelyingParty, type SignedInIdentity } from './relying-party';
import { DisabledAccountError, linkStaffAccount } from './staff-accounts';
import { roleChoices, type RoleChoice } from './staff-roles';

const TRANSACTION_COOKIE = 'footprint_staff_sign_in';
const CHOICE_COOKIE = 'footprint_role_choice';
const CHOICE_SECONDS = 10 * 60;
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface StaffSignInOptions {
  platform: Platform;
  relyingParty: () => Promise<RelyingParty | undefined>;
  publicUrl: () => string;
  sessionPolicy?: SessionPolicy;
}

interface PendingChoice {
  issuer: string;
  subject: string;
  displayName: string;
  choices: RoleChoice[];
}

function displayNameOf(identity: SignedInIdentity): string {
  const { name, given_name: given, family_name: family } = identity.claims;
  if (typeof name === 'string' && name.trim()) return name.trim();
  const parts = [given, family].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length ? parts.join(' ') : 'Member of staff';
}

/**
 * Staff sign-in as NHS CIS2 works (/api/session/cis2): OpenID Connect with CIS2's role claims.
 * The organisation and role come from `nhsid_nrbac_roles` (or the one `selected_roleid` names);
 * a person with several roles chooses one before their session starts. The staff account is
 * created or updated and linked to the issuer and subject, and the usual staff session begins.
 */
export const staffSignInRoutes: FastifyPluginAsync<StaffSignInOptions> = async (app, options) => {
  const { platform } = options;
  const policy = options.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  const problem = (reason: string) => `/sign-in?cis2=${reason}`;

  async function signInAs(request: FastifyRequest, reply: FastifyReply, identity: Omit<PendingChoice, 'choices'>, choice: RoleChoice) {
    const user = await linkStaffAccount(platform.sql, identity, choice);
    const { token, csrfToken } = await startSession(platform.sql, user.id, policy, sessionOrigin(request));
    setSessionCookie(request, reply, token);
    return { user: describeUser(user), csrfToken };
  }

  app.get('/', async (request, reply) => {
    // Keep the whole sign-in on one origin, or the callback would not find this browser's cookie.
    const elsewhere = sameOriginRedirect(request.headers.host, request.url, options.publicUrl());
    if (elsewhere) return reply.redirect(elsewhere, 303);
    const rp = await options.relyingParty();
    if (!rp) return reply.redirect(problem('unavailable'), 303);
    try {
      const { url, transaction } = await rp.start();
      addCookie(reply, cookieValue(request, TRANSACTION_COOKIE, transaction, { sameSite: 'Lax', maxAge: 600 }));
      return reply.header('cache-control', 'no-store').redirect(url, 303);
    } catch (error) {
      request.log.warn({ err: error }, 'could not start staff sign-in');
      return reply.redirect(problem('unavailable'), 303);
    }
  });

  app.get('/callback', async (request, reply) => {
    addCookie(reply, cookieValue(request, TRANSACTION_COOKIE, '', { sameSite: 'Lax', maxAge: 0 }));
    reply.header('cache-control', 'no-store');
    const rp = await options.relyingParty();
    if (!rp) return reply.redirect(problem('unavailable'), 303);
    let identity: SignedInIdentity;
    try {
      identity = await rp.finish(readNamedCookie(request, TRANSACTION_COOKIE), new URL(request.url, options.publicUrl()));
    } catch (error) {
      if (!(error instanceof SignInFailed)) throw error;
      request.log.info({ reason: error.reason, detail: error.message }, 'staff sign-in not completed');
      return reply.redirect(problem(error.reason), 303);
    }
    const choices = roleChoices(identity.claims, await listPartnerOrganisations(platform.record));
    const person = { issuer: identity.issuer, subject: identity.subject, displayName: displayNameOf(identity) };
    if (choices.length === 0) {
      request.log.info('staff sign-in refused: no role at a partner organisation that Footprint recognises');
      return reply.redirect(problem('no-role'), 303);
    }
    if (choices.length === 1) {
      try {
        await signInAs(request, reply, person, choices[0]);
      } catch (error) {
        if (error instanceof DisabledAccountError) return reply.redirect(problem('disabled'), 303);
        throw error;
      }
      return reply.redirect('/', 303);
    }
    const token = randomBytes(32).toString('base64url');
    await platform.sql.query(`DELETE FROM identity_pending_sign_in WHERE expires_at < now()`);
    await platform.sql.query(
      `INSERT INTO identity_pending_sign_in (id, issuer, subject, display_name, choices, expires_at) VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [digest(token), person.issuer, person.subject, person.displayName, JSON.stringify(choices), CHOICE_SECONDS],
    );
    addCookie(reply, cookieValue(request, CHOICE_COOKIE, token, { sameSite: 'Strict', maxAge: CHOICE_SECONDS }));
    return reply.redirect('/sign-in/choose-role', 303);
  });

  async function pending(request: FastifyRequest): Promise<PendingChoice | undefined> {
    const token = readNamedCookie(request, CHOICE_COOKIE);
    if (!token) return undefined;
    const { rows } = await platform.sql.query<{ issuer: string; subject: string; display_name: string; choices: RoleChoice[] | string }>(
      `SELECT issuer, subject, display_name, choices FROM identity_pending_sign_in WHERE id = $1 AND expires_at > now()`,
      [digest(token)],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { issuer: row.issuer, subject: row.subject, displayName: row.display_name, choices: typeof row.choices === 'string' ? (JSON.parse(row.choices) as RoleChoice[]) : row.choices };
  }

  const describeChoice = (c: RoleChoice) => ({ id: c.personRoleId, role: c.role, roleLabel: c.roleLabel, rbacCode: c.rbacCode, organisation: { code: c.organisation.code, name: c.organisation.name } });

  /** The roles a person signed in through CIS2 may choose from, while their choice is pending. */
  app.get('/roles', async (request, reply) => {
    const found = await pending(request);
    if (!found) return sendProblem(reply, 401, 'Sign in again', 'Your sign-in has expired. Start again from the sign-in page.');
    return reply.header('cache-control', 'no-store').send({ displayName: found.displayName, choices: found.choices.map(describeChoice) });
  });

  /** Choosing a role starts the staff session in it. */
  app.post<{ Body: { choice?: unknown } }>('/roles', async (request, reply) => {
    if (isCrossSite(request)) return sendProblem(reply, 403, 'Request refused', 'Sign-in must come from this site.');
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendProblem(reply, 415, 'Unsupported media type', 'Send the choice as application/json.');
    }
    const found = await pending(request);
    if (!found) return sendProblem(reply, 401, 'Sign in again', 'Your sign-in has expired. Start again from the sign-in page.');
    const choice = found.choices.find((c) => c.personRoleId === request.body?.choice);
    if (!choice) return sendProblem(reply, 400, 'Choose one of your roles', 'choice must be the id of one of the roles offered.');
    await platform.sql.query(`DELETE FROM identity_pending_sign_in WHERE id = $1`, [digest(readNamedCookie(request, CHOICE_COOKIE) ?? '')]);
    let answer;
    try {
      answer = await signInAs(request, reply, found, choice);
    } catch (error) {
      if (error instanceof DisabledAccountError) return sendProblem(reply, 403, 'Your account is disabled', 'Your Footprint account has been disabled. Ask your administrator.');
      throw error;
    }
    addCookie(reply, cookieValue(request, CHOICE_COOKIE, '', { sameSite: 'Strict', maxAge: 0 }));
    return reply.header('cache-control', 'no-store').send(answer);
  });
};
