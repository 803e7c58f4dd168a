import type { FastifyInstance } from 'fastify';
import { exportItemsCsv, importItemsCsv, kindNamed, registerPartnershipKinds, type ImportCounts } from '@footprint/partnership';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { editorOf, type PartnershipContext } from './context';

/** The largest CSV file an import takes (a footprint's items of one kind are far smaller). */
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

/** What an import answers. */
export interface ImportAnswer extends ImportCounts {
  kind: string;
}

/**
 * CSV of any kind of the partnership's items (docs/partnership.md, "CSV format"):
 *   GET  /api/partnership/export/:kind   the footprint's live items of that kind (capability `partnership`)
 *   POST /api/partnership/import/:kind   text/csv, at most 5 MB (capability `partnership-edit`): every row
 *        checked first, the whole file refused (400 naming rows and columns) if any is bad, else all
 *        written in one transaction; answers the counts created, updated and unchanged.
 * An unknown kind is a 404 naming the kinds there are.
 */
export async function exportRoutes(app: FastifyInstance, context: PartnershipContext, policy: SessionPolicy): Promise<void> {
  registerPartnershipKinds();
  const sql = context.platform.sql;
  const read = requireSession(sql, policy, 'partnership');
  const edit = requireSession(sql, policy, 'partnership-edit');

  app.get<{ Params: { kind: string } }>('/partnership/export/:kind', { preHandler: read }, async (request, reply) => {
    const kind = kindNamed(request.params.kind);
    const footprint = await context.footprint();
    const { csv } = await exportItemsCsv(context.store, kind, footprint.onsCode);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${footprint.onsCode}-${kind.kind}.csv"`)
      .send(csv);
  });

  // Its own plugin, so the text/csv body parser and its size limit apply to the import alone.
  await app.register(async (scoped) => {
    scoped.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scoped.post<{ Params: { kind: string }; Body: string }>('/partnership/import/:kind', { preHandler: edit, bodyLimit: IMPORT_BODY_LIMIT }, async (request): Promise<ImportAnswer> => {
      const kind = kindNamed(request.params.kind);
      const footprint = await context.footprint();
      const counts = await importItemsCsv(sql, context.store, kind, footprint.onsCode, typeof request.body === 'string' ? request.body : '', editorOf(request));
      return { kind: kind.kind, ...counts };
    });
  });
}
