import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { actionLogCsv, parseActionLogQuery, type ActionLog } from '@footprint/partnership';
import type { PartnershipContext } from './context';
import { governanceOf } from './governance-context';

/** Whether the client asked for CSV (Accept: text/csv preferred over JSON). */
function wantsCsv(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  return /\btext\/csv\b/i.test(accept) && !/^\s*application\/(problem\+)?json/i.test(accept);
}

/**
 * The action log across every governance body:
 *   GET /api/partnership/governance/actions?status=&owner=&overdue=&body=   JSON, or CSV with Accept: text/csv
 *   GET /api/partnership/governance/actions.csv?…                            CSV
 * `status` takes one or more of open, in-progress, done, cancelled (comma-separated or repeated);
 * `owner` matches an organisation's id or ODS code, or part of its name, the role or the person;
 * `overdue` is true or false (computed from the due date, never stored); `body` a body's id.
 */
export async function governanceActionRoutes(app: FastifyInstance, context: PartnershipContext, read: preHandlerAsyncHookHandler): Promise<void> {
  const log = async (request: FastifyRequest<{ Querystring: Record<string, unknown> }>): Promise<ActionLog> => (await governanceOf(context)).actionLog(parseActionLogQuery(request.query));
  const sendCsv = (reply: FastifyReply, answer: ActionLog) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="action-log-${answer.today}.csv"`).send(actionLogCsv(answer.actions));

  app.get<{ Querystring: Record<string, unknown> }>('/partnership/governance/actions', { preHandler: read }, async (request, reply) => {
    const answer = await log(request);
    return wantsCsv(request) ? sendCsv(reply, answer) : answer;
  });
  app.get<{ Querystring: Record<string, unknown> }>('/partnership/governance/actions.csv', { preHandler: read }, async (request, reply) => sendCsv(reply, await log(request)));
}
