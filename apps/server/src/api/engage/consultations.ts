import type { FastifyInstance } from 'fastify';
import { aboutYouQuestions, ConsultationStore, EngageNotFoundError, londonDate, ResponseStore, type Consultation, type ConsultationPlace, type ConsultationSummary } from '@footprint/engage';
import { PartnershipStore, placesOn, runningFootprint, type RunningFootprint } from '@footprint/partnership';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';

/** What every consultation route works with: the stores (with the footprint's places) and the running footprint. */
export interface ConsultationContext {
  consultations: ConsultationStore;
  responses: ResponseStore;
  /** The running footprint, or a 404 when the record holds no partnership yet. */
  footprint(): Promise<RunningFootprint>;
}

/** The footprint's places today, from the partnership register, by name. */
export async function footprintPlaces(platform: Pick<Platform, 'sql'>, footprintCode: string): Promise<ConsultationPlace[]> {
  const { places } = await placesOn(new PartnershipStore(platform.sql), footprintCode, londonDate(new Date()));
  return places.map((p) => ({ code: p.data.code, name: p.data.name }));
}

/** The consultation stores for the platform, the places read from the partnership register. */
export function consultationContext(platform: Pick<Platform, 'sql' | 'record'>, now?: () => Date): ConsultationContext {
  const consultations = new ConsultationStore(platform.sql, { ...(now ? { now } : {}), places: (code) => footprintPlaces(platform, code) });
  let cached: RunningFootprint | undefined;
  return {
    consultations,
    responses: new ResponseStore(consultations),
    async footprint() {
      cached ??= await runningFootprint(platform.record);
      if (!cached) throw new EngageNotFoundError("The record holds no partnership yet: import the footprint's organisations first.");
      return cached;
    },
  };
}

const summaryOf = (c: Consultation): ConsultationSummary => ({ id: c.id, title: c.title, state: c.state, opensOn: c.opensOn, closesOn: c.closesOn, responseCount: c.responseCount, publishedAt: c.publishedAt, resultsPublishedAt: c.resultsPublishedAt, updatedAt: c.updatedAt });

/**
 * Engagement's staff API for consultations (capability `engagement`):
 *   GET  /api/engage/consultations               the footprint's consultations with states and response counts
 *   POST /api/engage/consultations               create a draft from a definition (201)
 *   GET  /api/engage/consultations/:id           one, with whether its questions are frozen
 *   PUT  /api/engage/consultations/:id           save a changed definition as a new version ({ definition, ifVersion? }); 409 if frozen or stale
 *   POST /api/engage/consultations/:id/publish   publish it for the public
 *   GET  /api/engage/consultations/:id/versions  its version history, newest first
 *   GET  /api/engage/consultation-places         the footprint's places and the "about you" questions (for the builder)
 */
export async function consultationsStaffRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'engagement');
  const context = consultationContext(platform);
  const { consultations } = context;
  const who = (request: Parameters<typeof sessionOf>[0]) => sessionOf(request).user.displayName;
  const withFrozen = (c: Consultation) => ({ consultation: c, questionsFrozen: c.responseCount > 0 });

  app.get('/engage/consultations', { preHandler: guard }, async () => {
    const footprint = await context.footprint();
    return { footprint: { code: footprint.onsCode, name: footprint.name }, consultations: (await consultations.list(footprint.onsCode)).map(summaryOf) };
  });

  app.get('/engage/consultation-places', { preHandler: guard }, async () => {
    const footprint = await context.footprint();
    const places = await consultations.places(footprint.onsCode);
    return { places, aboutYou: aboutYouQuestions(places) };
  });

  app.post('/engage/consultations', { preHandler: guard }, async (request, reply) => {
    const footprint = await context.footprint();
    const created = await consultations.create(footprint.onsCode, request.body, who(request));
    return reply.code(201).send(withFrozen(created));
  });

  app.get<{ Params: { id: string } }>('/engage/consultations/:id', { preHandler: guard }, async (request) => withFrozen(await consultations.get(request.params.id)));

  app.put<{ Params: { id: string }; Body: { definition?: unknown; ifVersion?: unknown } }>('/engage/consultations/:id', { preHandler: guard }, async (request) => {
    const body = request.body ?? {};
    const ifVersion = typeof body.ifVersion === 'number' ? body.ifVersion : undefined;
    return withFrozen(await consultations.update(request.params.id, body.definition, who(request), { ifVersion }));
  });

  app.post<{ Params: { id: string } }>('/engage/consultations/:id/publish', { preHandler: guard }, async (request) => withFrozen(await consultations.publish(request.params.id, who(request))));

  app.get<{ Params: { id: string } }>('/engage/consultations/:id/versions', { preHandler: guard }, async (request) => ({ versions: await consultations.versions(request.params.id) }));
}
