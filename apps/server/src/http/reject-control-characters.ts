import type { FastifyInstance } from 'fastify';
import { controlCharacterMessage, findControlCharacter } from './control-characters';

/**
 * Refuses, with a 400 in each area's own error format, any request outside the FHIR API whose
 * query, path parameters or parsed body holds a control character such as NUL: the web API,
 * the citizens' API, OAuth, SMART and OpenID Connect alike. PostgreSQL text cannot hold NUL, so
 * without this a NUL in a client id or a form field reached the database and answered 500. The
 * FHIR API checks its own input (fhir/body.ts, the search parser) and answers OperationOutcomes.
 */
export function rejectControlCharacters(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/fhir/')) return;
    const where = findControlCharacter(request.query, 'query') ?? findControlCharacter(request.params, 'path') ?? findControlCharacter(request.body, 'body');
    if (where) throw Object.assign(new Error(controlCharacterMessage(where)), { statusCode: 400 });
  });
}
