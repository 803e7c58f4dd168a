import type { FastifyInstance } from 'fastify';
import { footprintProfile, caseFindingCounts, listCaseFindingRules, registerPrevalence, registerProfile } from '@footprint/insight';
import { organisationKindLabel } from '@footprint/warehouse';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { FootprintOverview, OrganisationSummary, PlaceDetail, PracticeDetail } from '../responses';
import type { InsightSource, WarehouseOrganisation, WarehousePlace } from '../warehouse';

/** "cheshire-and-merseyside" → "Cheshire and Merseyside". */
export function footprintName(id: string | null | undefined): string {
  if (!id) return 'The footprint';
  return id
    .split('-')
    .map((word, i) => (i > 0 && ['and', 'of', 'the', 'on'].includes(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

function describeOrganisation(o: WarehouseOrganisation): OrganisationSummary {
  return { code: o.code, name: o.name, kind: o.kind, kindLabel: organisationKindLabel(o.kind), placeCode: o.placeCode };
}

/** Places of the footprint(s) that have registered patients or practices. */
function footprintPlaces(places: WarehousePlace[], organisations: WarehouseOrganisation[], populated: Set<string>): WarehousePlace[] {
  const used = new Set<string>([...populated, ...organisations.map((o) => o.placeCode).filter((c): c is string => c !== null)]);
  const footprints = new Set(places.filter((p) => used.has(p.code)).map((p) => p.footprintId));
  return places.filter((p) => footprints.has(p.footprintId));
}

/** GET /api/footprint, /api/footprint/places/:code and /api/footprint/practices/:code. */
export async function footprintRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, insight: InsightSource): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'overview');

  app.get('/footprint', { preHandler: guard }, async (): Promise<FootprintOverview> => {
    const engine = await insight.engine();
    const [{ organisations, places }, byPlace, profile] = await Promise.all([
      insight.referenceData(),
      registerPrevalence(engine, { register: 'hypertension', by: 'place' }),
      footprintProfile(engine),
    ]);
    const populated = new Set(byPlace.rows.map((r) => r.group).filter((g): g is string => g !== null));
    const shownPlaces = footprintPlaces(places, organisations, populated);
    const practiceCounts = new Map<string, number>();
    for (const o of organisations) if (o.kind === 'gp_practice' && o.placeCode) practiceCounts.set(o.placeCode, (practiceCounts.get(o.placeCode) ?? 0) + 1);
    return {
      name: footprintName(shownPlaces[0]?.footprintId),
      places: shownPlaces.map((p) => ({
        code: p.code,
        name: p.name,
        population: byPlace.rows.find((r) => r.group === p.code)?.list_size ?? null,
        practices: practiceCounts.get(p.code) ?? 0,
      })),
      organisations: organisations.map(describeOrganisation),
      population: {
        rows: byPlace.rows.map((r) => ({ group: r.group, list_size: r.list_size })),
        definition:
          'Registered population: people alive and registered with a GP practice in the footprint on the date shown, by the place (local authority) of their practice. ' +
          byPlace.definition,
        disclosure: byPlace.disclosure,
        asAt: byPlace.asAt,
      },
      pyramid: profile.pyramid,
      deprivation: profile.deprivation,
    };
  });

  app.get<{ Params: { code: string } }>('/footprint/places/:code', { preHandler: guard }, async (request): Promise<PlaceDetail> => {
    const { organisations, places } = await insight.referenceData();
    const place = places.find((p) => p.code === request.params.code);
    if (!place) throw new ApiProblem(404, 'Place not found', `There is no place with code ${request.params.code} in this footprint.`);
    const engine = await insight.engine();
    const [byPractice, prevalence] = await Promise.all([
      registerPrevalence(engine, { register: 'hypertension', by: 'practice' }),
      registerProfile(engine, { by: 'place', group: place.code }),
    ]);
    const here = organisations.filter((o) => o.placeCode === place.code);
    return {
      place: { code: place.code, name: place.name },
      practices: here
        .filter((o) => o.kind === 'gp_practice')
        .map((o) => ({ code: o.code, name: o.name, listSize: byPractice.rows.find((r) => r.group === o.code)?.list_size ?? null })),
      organisations: here.filter((o) => o.kind !== 'gp_practice').map(describeOrganisation),
      prevalence,
    };
  });

  app.get<{ Params: { code: string } }>('/footprint/practices/:code', { preHandler: guard }, async (request): Promise<PracticeDetail> => {
    const user = sessionOf(request).user;
    const { organisations, places } = await insight.referenceData();
    const practice = organisations.find((o) => o.code === request.params.code && o.kind === 'gp_practice');
    if (!practice) throw new ApiProblem(404, 'Practice not found', `There is no GP practice with ODS code ${request.params.code} in this footprint.`);
    const place = places.find((p) => p.code === practice.placeCode);
    const engine = await insight.engine();
    const [prevalence, caseFinding] = await Promise.all([
      registerProfile(engine, { by: 'practice', group: practice.code }),
      caseFindingCounts(engine, { by: 'practice' }),
    ]);
    const rules = listCaseFindingRules();
    return {
      practice: { code: practice.code, name: practice.name },
      place: place ? { code: place.code, name: place.name } : null,
      prevalence,
      caseFinding: {
        rows: rules.map((rule) => {
          const row = caseFinding.rows.find((r) => r.rule === rule.id && r.group === practice.code);
          return { rule: rule.id, name: rule.name, flagged: row?.flagged ?? null, population: row?.population ?? null };
        }),
        definition: caseFinding.definition,
        disclosure: caseFinding.disclosure,
        asAt: caseFinding.asAt,
      },
      worklistAvailable: user.role === 'gp_clinician' && user.organisation?.code === practice.code,
    };
  });
}
