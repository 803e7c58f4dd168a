import type { FastifyReply } from 'fastify';

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
