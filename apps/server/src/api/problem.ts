import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { OperationOutcomeError } from '@footprint/fhir';

/** Non-FHIR routes answer errors as RFC 9457 problem details. */
export function sendProblem(reply: FastifyReply, status: number, title: string, detail?: string, type = 'about:blank'): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type, title, status, ...(detail ? { detail } : {}) });
}

/** Thrown by route code for a precise 4xx answer; the plugin's error handler turns it into a problem. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

/**
 * The JSON route areas' common answers (/api and /api/patient): never cached or sniffed, every
 * error as application/problem+json, a 4xx naming the problem and a 5xx logged and said plainly.
 */
export function answerWithProblems(app: FastifyInstance, area: string, advice: string): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiProblem) return sendProblem(reply, error.status, error.title, error.detail);
    const status = error instanceof OperationOutcomeError ? error.status : ((error as { status?: number }).status ?? error.statusCode);
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // A domain refusal (such as the partnership's PartnershipProblem) carries its own title and detail.
      const titled = error as { title?: unknown; detail?: unknown };
      if (typeof titled.title === 'string') return sendProblem(reply, status, titled.title, typeof titled.detail === 'string' ? titled.detail : undefined);
      return sendProblem(reply, status, status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Request not accepted', error.message);
    }
    request.log.error({ err: error }, `${area} request failed`);
    return sendProblem(reply, 500, 'Something went wrong', `The error has been logged. ${advice}`);
  });
}
