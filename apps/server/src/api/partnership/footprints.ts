import type { FastifyInstance } from 'fastify';
import {
  DELIVERY_SYSTEM,
  FOOTPRINT_CODE,
  FootprintRegister,
  PLACE,
  PartnershipProblem,
  checkDate,
  checkPlacesEdit,
  loadFootprintRegister,
  placesOn,
  runningFootprint,
  seedBundledPlaces,
  validateItem,
  type FootprintHistory,
  type ItemKind,
  type PlacesResponse,
} from '@footprint/partnership';
import { requireSession, sessionOf } from '../auth/guard';
import { can } from '../auth/roles';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import { editorOf, type PartnershipContext } from './context';

/**
 * Staff routes of the register (under /api/partnership): a footprint's whole history
 * (GET footprints/{code}/history), and the running footprint's places and delivery systems — read
 * with `partnership`, created and changed with `partnership-edit` (partnership leads and
 * administrators), each change a new version in the store with who and when. At start the
 * reference register is loaded and a bundled footprint's places are seeded (idempotent), so
 * `footprint serve` on a real footprint has them too.
 */
export async function footprintRoutes(app: FastifyInstance, context: PartnershipContext, policy: SessionPolicy): Promise<void> {
  const { platform, store } = context;
  const read = requireSession(platform.sql, policy, 'partnership');
  const edit = requireSession(platform.sql, policy, 'partnership-edit');
  const register = new FootprintRegister(platform.sql);

  app.addHook('onReady', async () => {
    try {
      await loadFootprintRegister(platform.sql);
      const running = await runningFootprint(platform.record);
      if (running) await seedBundledPlaces(store, running.onsCode);
    } catch (error) {
      // A start without its places is better than no start; the next demo seed or request retries.
      app.log.error({ err: error }, 'loading the footprint register or seeding places failed');
    }
  });

  /** The running footprint, which must be the one in the path: this instance edits only its own places. */
  const ownFootprint = async (code: string) => {
    if (!FOOTPRINT_CODE.test(code)) throw new ApiProblem(400, 'Invalid footprint code', 'A footprint is named by its ONS code: E54 and six digits, such as E54000008.');
    const running = await context.footprint();
    if (running.onsCode !== code) throw new PartnershipProblem(403, 'Not this footprint', `This instance holds the places of ${running.name} (${running.onsCode}), not of ${code}.`);
    return running;
  };

  app.get<{ Params: { code: string } }>('/partnership/footprints/:code/history', { preHandler: read }, async (request): Promise<FootprintHistory> => {
    const { code } = request.params;
    if (!FOOTPRINT_CODE.test(code)) throw new ApiProblem(400, 'Invalid footprint code', 'A footprint is named by its ONS code: E54 and six digits, such as E54000008.');
    const history = await register.history(code);
    if (!history) throw new ApiProblem(404, 'No such footprint', `The register holds no footprint with ONS code ${code}.`);
    return history;
  });

  app.get<{ Params: { code: string }; Querystring: { on?: unknown } }>('/partnership/footprints/:code/places', { preHandler: read }, async (request): Promise<PlacesResponse> => {
    const { code } = request.params;
    const on = request.query.on;
    if (on !== undefined && typeof on !== 'string') throw new ApiProblem(400, 'on given twice', 'Give the date once: ?on=YYYY-MM-DD.');
    if (on !== undefined) checkDate(on);
    await ownFootprint(code);
    await seedBundledPlaces(store, code);
    const { places, deliverySystems } = await placesOn(store, code, on);
    const editable = can(sessionOf(request).user.role, 'partnership-edit');
    return { footprint: code, editable, places, deliverySystems };
  });

  const bodyOf = (body: unknown): { data: unknown; ifVersion?: number } => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ApiProblem(400, 'Send a JSON object', 'The body is { data: {...}, ifVersion?: number }.');
    const { data, ifVersion } = body as Record<string, unknown>;
    if (ifVersion !== undefined && !(typeof ifVersion === 'number' && Number.isInteger(ifVersion) && ifVersion >= 1)) throw new ApiProblem(400, 'Invalid ifVersion', 'ifVersion is the version you changed, a whole number from 1.');
    return { data, ...(ifVersion !== undefined ? { ifVersion } : {}) };
  };

  /** POST …/{path} adds one; PUT …/{path}/{id} changes one (with ifVersion, refused if someone changed it since). */
  const editRoutes = <T>(path: string, kind: ItemKind<T>, check: (code: string, data: T, id?: string) => Promise<void>) => {
    app.post<{ Params: { code: string }; Body: unknown }>(`/partnership/footprints/:code/${path}`, { preHandler: edit }, async (request, reply) => {
      const { code } = request.params;
      await ownFootprint(code);
      const data = validateItem(kind, bodyOf(request.body).data);
      await check(code, data);
      return reply.code(201).send(await store.create(kind, { footprint: code, data }, editorOf(request)));
    });
    app.put<{ Params: { code: string; id: string }; Body: unknown }>(`/partnership/footprints/:code/${path}/:id`, { preHandler: edit }, async (request) => {
      const { code, id } = request.params;
      await ownFootprint(code);
      const { data: raw, ifVersion } = bodyOf(request.body);
      const data = validateItem(kind, raw);
      if ((await store.get(kind, id)).footprint !== code) throw new ApiProblem(404, `No such ${kind.label}`, `There is no ${kind.label} with id ${id} in ${code}.`);
      await check(code, data, id);
      return store.update(kind, id, data, editorOf(request), ifVersion !== undefined ? { ifVersion } : {});
    });
  };
  editRoutes('places', PLACE, (code, data, id) => checkPlacesEdit(store, code, { kind: 'place', data, ...(id ? { id } : {}) }));
  editRoutes('delivery-systems', DELIVERY_SYSTEM, (code, data) => checkPlacesEdit(store, code, { kind: 'delivery-system', data }));
}
