/**
 * The partnership's organisations: its real acute trusts, generated GP practices grouped into
 * primary care networks, a community and a mental health provider, each local authority as the
 * social care provider, and voluntary organisations. Practices are laid over the population frame
 * so each serves a run of neighbouring LSOAs; list sizes vary like real lists. The NHS
 * commissioners over time, the alliances and every membership's role and period come from
 * organisation-history.ts.
 */
import { integratedCareBoards } from '@footprint/geography';
import type { Footprint } from './footprint';
import { namesFile, trustCatchments } from './parameters';
import type { PopulationFrame } from './population';
import { Random, hashString } from './random';
import { alliancesOf, formerCommissioners, icbPlaces, memberships, type Membership } from './organisation-history';

export type OrganisationKind =
  | 'partnership'
  | 'acute_trust'
  | 'gp_practice'
  | 'pcn'
  | 'community_provider'
  | 'mental_health_provider'
  | 'local_authority'
  | 'voluntary'
  | 'commissioner'
  | 'provider_alliance'
  | 'integrated_care_partnership';

export interface Organisation {
  code: string;
  name: string;
  kind: OrganisationKind;
  placeIndex?: number;
  parentCode?: string;
  /** ONS code (local authorities and the partnership). */
  onsCode?: string;
  /** False for an organisation that has closed (the former clinical commissioning groups). */
  active?: boolean;
  /** True when the organisation is made up for the demonstration (tagged ILLUSTRATIVE_TAG). */
  illustrative?: boolean;
  /** True when `code` is only Footprint's key, not an ODS code (an ICB's places). */
  noOdsCode?: boolean;
  /** The local delivery system an alliance grew from (footprints.json). */
  deliverySystem?: string;
}

/** Practices of one place: the person index where each practice's catchment starts. */
interface PlacePractices {
  starts: number[];
  practices: Organisation[];
}

/** People per practice and per PCN the layout aims at (issue 3: 7–9k and 30–50k). */
export const PEOPLE_PER_PRACTICE = 8000;
export const PEOPLE_PER_PCN = 40000;
/**
 * The fewest practices a place has, however few people are generated: a small footprint (the
 * demo's 2,500 people over 9 places) still has practices to compare in every place. Every place
 * also has at least one PCN. Real places are far larger, so at full size this never binds.
 */
export const MIN_PRACTICES_PER_PLACE = 3;

export class OrganisationDirectory {
  readonly partnership: Organisation;
  readonly trusts: Organisation[];
  readonly pcns: Organisation[] = [];
  readonly practices: Organisation[] = [];
  readonly community: Organisation;
  readonly mentalHealth: Organisation;
  readonly localAuthorities: Organisation[];
  readonly voluntary: Organisation[];
  /** NHS commissioners: the former clinical commissioning groups, then the ICB's places. */
  readonly commissioners: Organisation[];
  /** Provider alliances and integrated care partnerships (illustrative). */
  readonly alliances: Organisation[];
  /** Every membership with its role and period (organisation-history.ts). */
  readonly memberships: Membership[];
  /** Voluntary organisations serving each place (its delivery system's plus the footprint-wide ones). */
  readonly voluntaryByPlace: Organisation[][];
  private readonly byPlace: PlacePractices[];
  /** Cumulative trust shares for adults and (where a children's trust serves the place) children. */
  readonly trustChoice: { adult: { trusts: Organisation[]; cumulative: number[] }; children?: Organisation }[];

  constructor(
    readonly footprint: Footprint,
    frame: PopulationFrame,
    seed: number,
  ) {
    this.partnership = partnershipOf(footprint);
    this.trusts = footprint.trusts.map((t) => ({ code: t.odsCode, name: t.name, kind: 'acute_trust' as const, parentCode: this.partnership.code }));
    this.community = { code: 'ZC1', name: `${footprint.name} Community Health Services`, kind: 'community_provider' };
    this.mentalHealth = { code: 'ZM1', name: `${footprint.name} Mental Health Services`, kind: 'mental_health_provider' };
    this.localAuthorities = footprint.places.map((p, i) => ({
      code: `ZL${String(101 + i).padStart(3, '0')}`,
      name: `${p.name} Council`,
      kind: 'local_authority' as const,
      placeIndex: i,
      onsCode: p.ladCode,
    }));
    const layout = layOutPractices(footprint, frame, seed);
    this.byPlace = layout.byPlace;
    this.practices.push(...layout.practices);
    this.pcns.push(...layout.pcns);
    const vol = voluntaryOrganisations(footprint);
    this.voluntary = vol.all;
    this.voluntaryByPlace = vol.byPlace;
    this.trustChoice = trustChoices(footprint, this.trusts);
    const former = formerCommissioners(footprint);
    const places = icbPlaces(footprint, this.partnership);
    this.commissioners = [...former, ...places];
    this.alliances = alliancesOf(footprint);
    this.memberships = memberships({
      footprint,
      partnership: this.partnership,
      members: [...this.pcns, ...this.practices, ...this.trusts, this.community, this.mentalHealth, ...this.localAuthorities, ...this.voluntary, ...this.alliances],
      formerCommissioners: former,
      alliances: this.alliances,
      trusts: this.trusts,
      community: this.community,
      mentalHealth: this.mentalHealth,
      localAuthorities: this.localAuthorities,
      pcns: this.pcns,
      icbPlaces: places,
      trustsByPlace: this.trustChoice.map((c) => c.adult.trusts),
      voluntaryByPlace: this.voluntaryByPlace,
    });
  }

  /** Every organisation, in the order their files load (directory first, then practices, then the rest). */
  all(): Organisation[] {
    return [
      this.partnership,
      ...this.pcns,
      ...this.practices,
      ...this.trusts,
      this.community,
      this.mentalHealth,
      ...this.localAuthorities,
      ...this.voluntary,
      ...this.commissioners,
      ...this.alliances,
    ];
  }

  /** The catchment practice of a person (index within the place's run of people). */
  catchmentPractice(placeIndex: number, person: number): { practice: Organisation; index: number } {
    const p = this.byPlace[placeIndex];
    let index = 0;
    while (index + 1 < p.starts.length && p.starts[index + 1] <= person) index++;
    return { practice: p.practices[index], index };
  }

  /** A neighbouring practice in the same place (people do not always register with the nearest). */
  neighbourPractice(placeIndex: number, index: number, rng: Random): Organisation {
    const list = this.byPlace[placeIndex].practices;
    if (list.length === 1) return list[0];
    const j = index === 0 ? 1 : index === list.length - 1 ? index - 1 : index + (rng.chance(0.5) ? 1 : -1);
    return list[j];
  }

  pcnOf(practice: Organisation): Organisation {
    this.pcnByCode ??= new Map(this.pcns.map((p) => [p.code, p]));
    return this.pcnByCode.get(practice.parentCode!)!;
  }

  private pcnByCode?: Map<string, Organisation>;

  /** The acute trust a person uses (children sometimes use a children's trust). */
  trustFor(placeIndex: number, age: number, rng: Random): Organisation {
    const choice = this.trustChoice[placeIndex];
    if (age < 16 && choice.children && rng.chance(0.6)) return choice.children;
    const { trusts, cumulative } = choice.adult;
    const x = rng.next() * cumulative[cumulative.length - 1];
    for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]) return trusts[i];
    return trusts[trusts.length - 1];
  }
}

function partnershipOf(footprint: Footprint): Organisation {
  const icbs = integratedCareBoards();
  const icb = footprint.onsCode ? icbs.find((r) => r.icb_ons_code === footprint.onsCode) : undefined;
  return {
    code: icb?.icb_ods_code ?? 'ZZ1',
    name: `${footprint.name} Health and Care Partnership`,
    kind: 'partnership',
    onsCode: footprint.onsCode,
  };
}

const PRACTICE_NAMES = ['{s} Medical Centre', '{s} Surgery', '{p} Health Centre', 'The {s} Practice', '{s} Road Surgery', '{s} Family Practice', '{s} House Surgery', '{s} Lane Medical Practice'];

function layOutPractices(footprint: Footprint, frame: PopulationFrame, seed: number) {
  const names = namesFile();
  const practices: Organisation[] = [];
  const pcns: Organisation[] = [];
  const byPlace: PlacePractices[] = [];
  footprint.places.forEach((place, placeIndex) => {
    const start = frame.placeStart[placeIndex];
    const n = frame.placeStart[placeIndex + 1] - start;
    const rng = new Random(seed, hashString('practices'), placeIndex);
    const count = Math.max(MIN_PRACTICES_PER_PLACE, Math.round(n / PEOPLE_PER_PRACTICE));
    // List sizes: lognormal spread (sd of log 0.4) around the mean, as real lists run from ~3k to 20k+.
    const weights = Array.from({ length: count }, () => Math.exp(0.4 * rng.normal()));
    const total = weights.reduce((a, b) => a + b, 0);
    const pcnCount = Math.min(count, Math.max(1, Math.round(n / PEOPLE_PER_PCN)));
    const placePcns: Organisation[] = [];
    for (let k = 0; k < pcnCount; k++) {
      placePcns.push({
        code: `ZU${String(1001 + pcns.length + k).padStart(4, '0')}`,
        name: pcnCount === 1 ? `${place.name} PCN` : `${place.name} PCN ${k + 1}`,
        kind: 'pcn',
        placeIndex,
      });
    }
    const starts: number[] = [];
    const list: Organisation[] = [];
    let running = 0;
    const used = new Set<string>();
    for (let k = 0; k < count; k++) {
      starts.push(start + Math.round((running / total) * n));
      running += weights[k];
      let name = '';
      for (let attempt = 0; attempt < 20 && (name === '' || used.has(name)); attempt++) {
        name = rng.pick(PRACTICE_NAMES).replace('{s}', rng.pick(names.streets)).replace('{p}', place.name);
      }
      if (used.has(name)) name = `${name} ${k + 1}`;
      used.add(name);
      const practice: Organisation = {
        code: `Z${String(10001 + practices.length + list.length)}`,
        name,
        kind: 'gp_practice',
        placeIndex,
        parentCode: placePcns[Math.floor((k * pcnCount) / count)].code,
      };
      list.push(practice);
    }
    practices.push(...list);
    pcns.push(...placePcns);
    byPlace.push({ starts, practices: list });
  });
  return { practices, pcns, byPlace };
}

const VOLUNTARY_NAMES = ['{a} Community Voluntary Service', '{a} Carers Centre', '{a} Wellbeing Network', '{a} Food and Friendship', '{a} Social Prescribing Hub'];

function voluntaryOrganisations(footprint: Footprint) {
  const all: Organisation[] = [];
  const systems = [...new Set(footprint.places.map((p) => p.deliverySystem).filter((s): s is string => !!s))];
  const add = (name: string): Organisation => {
    const org: Organisation = { code: `ZV${String(101 + all.length)}`, name, kind: 'voluntary' };
    all.push(org);
    return org;
  };
  const wide = [add(VOLUNTARY_NAMES[0].replace('{a}', footprint.name)), add(VOLUNTARY_NAMES[1].replace('{a}', footprint.name))];
  const bySystem = new Map<string, Organisation[]>();
  systems.forEach((s, i) => {
    bySystem.set(s, [add(VOLUNTARY_NAMES[2 + (i % 3)].replace('{a}', s))]);
  });
  const byPlace = footprint.places.map((p) => [...wide, ...(p.deliverySystem ? (bySystem.get(p.deliverySystem) ?? []) : [])]);
  return { all, byPlace };
}

function trustChoices(footprint: Footprint, trusts: Organisation[]) {
  const catchments = trustCatchments();
  const byCode = new Map(trusts.map((t) => [t.code, t]));
  const childrenTrusts = new Set(Object.keys(catchments.children));
  const general = trusts.filter((t) => !childrenTrusts.has(t.code));
  const pool = general.length ? general : trusts;
  return footprint.places.map((place, i) => {
    const listed = (catchments.places[place.ladCode] ?? []).filter(([code]) => byCode.has(code));
    const entries: [Organisation, number][] = listed.length ? listed.map(([code, share]) => [byCode.get(code)!, share]) : [[pool[i % pool.length], 1]];
    const cumulativeShares: number[] = [];
    let sum = 0;
    for (const [, share] of entries) cumulativeShares.push((sum += share));
    const childCode = Object.entries(catchments.children).find(([code, places]) => byCode.has(code) && places.includes(place.ladCode))?.[0];
    return { adult: { trusts: entries.map(([t]) => t), cumulative: cumulativeShares }, children: childCode ? byCode.get(childCode) : undefined };
  });
}
