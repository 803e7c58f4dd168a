import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform';
import {
  addAccount,
  disableAccount,
  enableAccount,
  listAccounts,
  resetPassword,
  ROLE_DESCRIPTIONS,
  setRole,
  type RoleDescription,
  type StaffAccount,
} from '../accounts';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';
import { listPartnerOrganisations } from '../partner-organisations';
import { ApiProblem } from '../problem';

/** GET /api/users: the accounts, and the roles and organisations an account may be given. */
export interface AccountList {
  users: StaffAccount[];
  roles: readonly RoleDescription[];
  organisations: Array<{ code: string; name: string }>;
}

/** The answer to adding an account or resetting its password: the temporary password, shown once. */
export interface AccountWithTemporaryPassword {
  user: StaffAccount;
  temporaryPassword: string;
}

type Fields = Record<string, unknown> | undefined;

/** A string field of a JSON body; a precise 400 when it is missing or not text. */
function text(body: Fields, field: string, required: boolean): string | undefined {
  const value = body?.[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw new ApiProblem(400, `Enter the ${field}`, `The body needs a "${field}".`);
    return undefined;
  }
  if (typeof value !== 'string') throw new ApiProblem(400, `Invalid ${field}`, `"${field}" must be text.`);
  if (value.length > 200) throw new ApiProblem(400, `Invalid ${field}`, `"${field}" is too long.`);
  return value;
}

/**
 * The administrator's account management at /api/users (capability `accounts`): list, add,
 * disable, enable, reset password and set role, each audited as an AuditEvent. Mutations carry
 * the session's CSRF token (see guard.ts).
 */
export async function userRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'accounts');
  const actor = (request: FastifyRequest) => staffContext(sessionOf(request).user, 'SYSADMIN', request);

  app.get('/users', { preHandler: guard }, async (): Promise<AccountList> => {
    const organisations = await listPartnerOrganisations(platform.record);
    return { users: await listAccounts(platform.sql), roles: ROLE_DESCRIPTIONS, organisations: organisations.map(({ code, name }) => ({ code, name })) };
  });

  app.post<{ Body: Fields }>('/users', { preHandler: guard }, async (request, reply): Promise<AccountWithTemporaryPassword> => {
    const body = request.body;
    const { account, temporaryPassword } = await addAccount(platform, actor(request), {
      username: text(body, 'username', true)!,
      displayName: text(body, 'displayName', true)!,
      role: text(body, 'role', true)!,
      organisation: text(body, 'organisation', false),
    });
    reply.code(201).header('cache-control', 'no-store');
    return { user: account, temporaryPassword };
  });

  app.post<{ Params: { username: string } }>('/users/:username/disable', { preHandler: guard }, async (request) => ({
    user: await disableAccount(platform, actor(request), request.params.username),
  }));

  app.post<{ Params: { username: string } }>('/users/:username/enable', { preHandler: guard }, async (request) => ({
    user: await enableAccount(platform, actor(request), request.params.username),
  }));

  app.post<{ Params: { username: string } }>('/users/:username/reset-password', { preHandler: guard }, async (request, reply): Promise<AccountWithTemporaryPassword> => {
    const { account, temporaryPassword } = await resetPassword(platform, actor(request), request.params.username);
    reply.header('cache-control', 'no-store');
    return { user: account, temporaryPassword };
  });

  app.post<{ Params: { username: string }; Body: Fields }>('/users/:username/role', { preHandler: guard }, async (request) => ({
    user: await setRole(platform, actor(request), request.params.username, text(request.body, 'role', true)!, text(request.body, 'organisation', false)),
  }));
}
