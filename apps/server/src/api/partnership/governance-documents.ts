import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { DOCUMENT_CONTENT_TYPES, findDocument, MAX_DOCUMENT_BYTES, PartnershipProblem, storeDocument, type DocumentInfo } from '@footprint/partnership';
import { editorOf, type PartnershipContext } from './context';

/**
 * Uploaded meeting papers:
 *   POST /api/partnership/governance/documents?name=<file name>   the file as the body, with its content-type
 *        (PDF, Word or plain text, at most 10 MB) → 201 { id, name, contentType, size, sha256 };
 *        then create or change a paper with `file: <id>`.
 *   GET  /api/partnership/governance/documents/:id                 the file, as an attachment
 * Refusals (problem+json): 415 for a content-type with no parser, 422 for JSON or for contents
 * that are not what the content-type says, 413 past the size limit, 400 without a file name. Registered in a scope of their own so the raw-body parsers stay here.
 */
export async function governanceDocumentRoutes(app: FastifyInstance, context: PartnershipContext, guards: { read: preHandlerAsyncHookHandler; edit: preHandlerAsyncHookHandler }): Promise<void> {
  await app.register(async (scope) => {
    // Fastify parses text/plain as a string by default; here every document type arrives as its bytes.
    if (scope.hasContentTypeParser('text/plain')) scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser(DOCUMENT_CONTENT_TYPES as string[], { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));

    scope.post<{ Querystring: Record<string, unknown> }>('/partnership/governance/documents', { preHandler: guards.edit, bodyLimit: MAX_DOCUMENT_BYTES }, async (request, reply): Promise<DocumentInfo> => {
      const contentType = String(request.headers['content-type'] ?? '');
      if (!Buffer.isBuffer(request.body)) {
        throw new PartnershipProblem(422, 'Not a kind of document Footprint keeps', `content-type: must be one of ${DOCUMENT_CONTENT_TYPES.join(', ')}, not ${contentType.split(';')[0].slice(0, 80) || 'none'}`);
      }
      const footprint = await context.footprint();
      const stored = await storeDocument(context.platform.sql, footprint.onsCode, { name: request.query.name, contentType, content: request.body }, editorOf(request));
      return reply.code(201).send(stored);
    });

    scope.get<{ Params: { id: string } }>('/partnership/governance/documents/:id', { preHandler: guards.read }, async (request, reply) => {
      const footprint = await context.footprint();
      const document = await findDocument(context.platform.sql, footprint.onsCode, request.params.id, true);
      if (!document?.content) throw new PartnershipProblem(404, 'No such document', `There is no uploaded document with id ${request.params.id.slice(0, 80)}.`);
      const ascii = document.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .type(document.contentType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.name)}`)
        .header('content-length', String(document.size))
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${document.sha256}"`)
        .send(document.content);
    });
  });
}
