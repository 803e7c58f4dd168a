import type { FastifyInstance, FastifyReply } from 'fastify';
import { FootprintRegister, PartnershipStore, footprintDetail, footprintDetailCsv, footprintListCsv, runningFootprint, todayInEngland, type FootprintDetail, type FootprintListResponse } from '@footprint/partnership';
import { organisationKindLabel } from '@footprint/warehouse';
import type { Platform } from '../platform';
import { onParameter, registerFormat } from './register-negotiation';

/**
 * The public register (no sign-in, read-only): GET /api/public/register/footprints?on=YYYY-MM-DD,
 * every footprint of England on that date, and GET /api/public/register/footprints/{code}?on=…,
 * one footprint with its places, delivery systems and (for the footprint this instance runs) its
 * member organisations and alliances on that date. JSON, or CSV with Accept: text/csv; `on`
 * defaults to today in England. Errors are problem+json (the area's handler).
 */
export async function publicRegisterRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const register = new FootprintRegister(platform.sql);
  const store = new PartnershipStore(platform.sql);

  const send = (reply: FastifyReply, format: 'json' | 'csv', body: unknown, csv: () => string, filename: string) => {
    // Public reference data: any cache may keep it for five minutes.
    reply.header('cache-control', 'public, max-age=300').header('vary', 'Accept');
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(body);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv());
  };

  app.get('/register/footprints', async (request, reply) => {
    const format = registerFormat(request);
    const on = onParameter(request) ?? todayInEngland();
    const footprints = await register.footprintsOn(on);
    const body: FootprintListResponse = { on, count: footprints.length, footprints };
    return send(reply, format, body, () => footprintListCsv(body), `footprints-${on}.csv`);
  });

  app.get<{ Params: { code: string } }>('/register/footprints/:code', async (request, reply) => {
    const format = registerFormat(request);
    const on = onParameter(request) ?? todayInEngland();
    // A misconfigured FOOTPRINT_PARTNERSHIP (no such body) must not take the public register down: members are then empty.
    const running = await runningFootprint(platform.record).catch(() => undefined);
    const detail: FootprintDetail = await footprintDetail({ register, store, record: platform.record, ...(running ? { running } : {}), kindLabel: organisationKindLabel }, request.params.code, on);
    return send(reply, format, detail, () => footprintDetailCsv(detail), `footprint-${detail.code}-${on}.csv`);
  });
}
