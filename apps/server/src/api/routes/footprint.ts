import type { FastifyInstance } from 'fastify';
import { footprintProfile, caseFindingCounts, listCaseFindingRules, registerPrevalence, registerProfile } from '@footprint/insight';
import { FootprintRegister, PartnershipStore, placesOn, runningFootprint, todayInEngland } from '@footprint/partnership';
import { organisationKindLabel } from '@footprint/warehouse';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { FootprintIdentity, FootprintOverview, OrganisationSummary, PlaceDetail, PracticeDetail } from '../responses';
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

/**
 * The running footprint as the register has it today: its identity (name, codes, status) and its
 * places (store items of kind `place`). Undefined while the record holds no partnership body or the
 * register no places for it, when the overview falls back to the places the warehouse knows.
 */
async function registerFootprint(platform: Platform, register: FootprintRegister, store: PartnershipStore): Promise<{ identity: FootprintIdentity; places: { code: string; name: string }[] } | undefined> {
  // A misconfigured FOOTPRINT_PARTNERSHIP must not take the overview down: it shows the warehouse's places instead.
  const running = await runningFootprint(platform.record).catch(() => undefined);
  if (!running) return undefined;
  const on = todayInEngland();
  const [state, { places }] = await Promise.all([register.stateOn(running.onsCode, on).catch(() => undefined), placesOn(store, running.onsCode, on)]);
  if (places.length === 0) return undefined;
  const summary = state?.summary;
  const odsCode = summary ? summary.odsCode : running.odsCode;
  const identity: FootprintIdentity = {
    code: running.onsCode,
    ...(odsCode ? { odsCode } : {}),
    name: summary?.name ?? running.name,
    ...(summary ? { status: summary.status } : {}),
    ...(summary?.statusSince ? { statusSince: summary.statusSince } : {}),
  };
  return { identity, places: places.map((p) => ({ code: p.data.code, name: p.data.name })) };
}

/** GET /api/footprint, /api/footprint/places/:code and /api/footprint/practices/:code. */
export async function footprintRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy, insight: InsightSource): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'overview');
  const register = new FootprintRegister(platform.sql);
  const store = new PartnershipStore(platform.sql);

  app.get('/footprint', { preHandler: guard }, async (): Promise<FootprintOverview> => {
    const engine = await insight.engine();
    const [{ organisations, places }, byPlace, profile, registered] = await Promise.all([
      insight.referenceData(),
      registerPrevalence(engine, { register: 'hypertension', by: 'place' }),
      footprintProfile(engine),
      registerFootprint(platform, register, store),
    ]);
    const populated = new Set(byPlace.rows.map((r) => r.group).filter((g): g is string => g !== null));
    // Who the footprint is and which places it has come from the register; the figures per place from the warehouse.
    const shownPlaces = registered?.places ?? footprintPlaces(places, organisations, populated);
    const practiceCounts = new Map<string, number>();
    for (const o of organisations) if (o.kind === 'gp_practice' && o.placeCode) practiceCounts.set(o.placeCode, (practiceCounts.get(o.placeCode) ?? 0) + 1);
    return {
      name: registered?.identity.name ?? footprintName(footprintPlaces(places, organisations, populated)[0]?.footprintId),
      identity: registered?.identity ?? null,
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
    const [{ organisations, places }, registered] = await Promise.all([insight.referenceData(), registerFootprint(platform, register, store)]);
    // The register names the footprint's places; a place it does not hold is still found in the warehouse.
    const place = registered?.places.find((p) => p.code === request.params.code) ?? places.find((p) => p.code === request.params.code);
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
    const [{ organisations, places }, registered] = await Promise.all([insight.referenceData(), registerFootprint(platform, register, store)]);
    const practice = organisations.find((o) => o.code === request.params.code && o.kind === 'gp_practice');
    if (!practice) throw new ApiProblem(404, 'Practice not found', `There is no GP practice with ODS code ${request.params.code} in this footprint.`);
    const place = registered?.places.find((p) => p.code === practice.placeCode) ?? places.find((p) => p.code === practice.placeCode);
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
