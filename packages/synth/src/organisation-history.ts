/**
 * The partnership's memberships over time: each organisation's role in the partnership (codes of
 * PARTNERSHIP_ROLE_SYSTEM) and the period it held it, the NHS commissioners before and after
 * 1 July 2022, and the provider alliances and integrated care partnerships with their members.
 * The Cheshire and Merseyside commissioners are real (ODS codes and dates as published: the
 * clinical commissioning groups until 30 June 2022, the four Cheshire CCGs merged into NHS
 * Cheshire CCG on 1 April 2020, the ICB from 1 July 2022). Everything else — generated
 * organisations, alliance names and members, start dates — is illustrative and is tagged so
 * (ILLUSTRATIVE_TAG); docs/partnership.md says which is which.
 */
import type { PartnershipRoleCode } from '@footprint/fhir';
import type { Footprint } from './footprint';
import type { Organisation } from './organisations';

export interface Membership {
  /** The OrganizationAffiliation's id. */
  id: string;
  /** The code of the partnership body, alliance or integrated care partnership. */
  primary: string;
  /** The code of the member. */
  member: string;
  role: PartnershipRoleCode;
  start?: string;
  end?: string;
  /** True when the role or the dates are made up for the demonstration. */
  illustrative: boolean;
  /** A practice's PCN (OrganizationAffiliation.network). */
  network?: string;
}

/** The day the first sustainability and transformation plans' year began (2016/17). */
export const STP_START = '2016-04-01';
/** Primary care networks began on 1 July 2019. */
export const PCN_START = '2019-07-01';
/** Clinical commissioning groups were abolished on 30 June 2022; ICBs took over on 1 July 2022. */
export const CCG_END = '2022-06-30';
export const ICB_START = '2022-07-01';

interface CommissionerRow {
  code: string;
  name: string;
  /** Places it commissioned for (names in footprints.json). */
  places: string[];
  start: string;
  end: string;
}

/** Cheshire and Merseyside's clinical commissioning groups, 2016–2022 (E54000008). */
const CHESHIRE_AND_MERSEYSIDE_CCGS: CommissionerRow[] = [
  { code: '99A', name: 'NHS Liverpool CCG', places: ['Liverpool'], start: STP_START, end: CCG_END },
  { code: '12F', name: 'NHS Wirral CCG', places: ['Wirral'], start: STP_START, end: CCG_END },
  { code: '01J', name: 'NHS Knowsley CCG', places: ['Knowsley'], start: STP_START, end: CCG_END },
  { code: '01X', name: 'NHS St Helens CCG', places: ['St Helens'], start: STP_START, end: CCG_END },
  { code: '01F', name: 'NHS Halton CCG', places: ['Halton'], start: STP_START, end: CCG_END },
  { code: '02E', name: 'NHS Warrington CCG', places: ['Warrington'], start: STP_START, end: CCG_END },
  { code: '01T', name: 'NHS South Sefton CCG', places: ['Sefton'], start: STP_START, end: CCG_END },
  { code: '01V', name: 'NHS Southport and Formby CCG', places: ['Sefton'], start: STP_START, end: CCG_END },
  { code: '01C', name: 'NHS Eastern Cheshire CCG', places: ['Cheshire East'], start: STP_START, end: '2020-03-31' },
  { code: '01R', name: 'NHS South Cheshire CCG', places: ['Cheshire East'], start: STP_START, end: '2020-03-31' },
  { code: '02D', name: 'NHS Vale Royal CCG', places: ['Cheshire West and Chester'], start: STP_START, end: '2020-03-31' },
  { code: '02F', name: 'NHS West Cheshire CCG', places: ['Cheshire West and Chester'], start: STP_START, end: '2020-03-31' },
  { code: '27D', name: 'NHS Cheshire CCG', places: ['Cheshire East', 'Cheshire West and Chester'], start: '2020-04-01', end: CCG_END },
];

const COMMISSIONERS_BY_FOOTPRINT: Record<string, CommissionerRow[]> = { E54000008: CHESHIRE_AND_MERSEYSIDE_CCGS };

/** The footprint's former clinical commissioning groups (closed organisations), where Footprint knows them. */
export function formerCommissioners(footprint: Footprint): (Organisation & { period: { start: string; end: string } })[] {
  const rows = footprint.onsCode ? (COMMISSIONERS_BY_FOOTPRINT[footprint.onsCode] ?? []) : [];
  return rows.map((row) => {
    const placeIndex = row.places.length === 1 ? footprint.places.findIndex((p) => p.name === row.places[0]) : -1;
    return {
      code: row.code,
      name: row.name,
      kind: 'commissioner' as const,
      active: false,
      ...(placeIndex >= 0 ? { placeIndex } : {}),
      period: { start: row.start, end: row.end },
    };
  });
}

/** The partnership body's commissioning places from 1 July 2022 (one per place; illustrative names, no ODS code of their own here). */
export function icbPlaces(footprint: Footprint, partnership: Organisation): Organisation[] {
  if (!footprint.onsCode || partnership.code === 'ZZ1') return [];
  return footprint.places.map((place, placeIndex) => ({
    code: `${partnership.code}-${place.ladCode}`,
    name: `${footprint.name} ICB: ${place.name} place`,
    kind: 'commissioner' as const,
    placeIndex,
    noOdsCode: true,
    illustrative: true,
  }));
}

/** The provider alliances and integrated care partnerships: generated, illustrative (codes ZA…). */
export function alliancesOf(footprint: Footprint): Organisation[] {
  const out: Organisation[] = [
    { code: 'ZA001', name: `${footprint.name} Acute and Specialist Trusts Provider Collaborative`, kind: 'provider_alliance', illustrative: true },
    { code: 'ZA002', name: `${footprint.name} Mental Health and Community Provider Collaborative`, kind: 'provider_alliance', illustrative: true },
  ];
  const systems = [...new Set(footprint.places.map((p) => p.deliverySystem).filter((s): s is string => !!s && /alliance/i.test(s)))];
  systems.forEach((name, i) => out.push({ code: `ZA${String(101 + i)}`, name, kind: 'provider_alliance', illustrative: true, deliverySystem: name }));
  out.push({ code: 'ZI001', name: `${footprint.name} Integrated Care Partnership`, kind: 'integrated_care_partnership', illustrative: true });
  footprint.places.forEach((place, placeIndex) =>
    out.push({ code: `ZI${String(101 + placeIndex)}`, name: `${place.name} Place-Based Partnership`, kind: 'integrated_care_partnership', placeIndex, illustrative: true }),
  );
  return out;
}

const ROLE_BY_KIND: Record<Organisation['kind'], PartnershipRoleCode> = {
  partnership: 'partnership-body',
  acute_trust: 'nhs-provider',
  community_provider: 'nhs-provider',
  mental_health_provider: 'nhs-provider',
  gp_practice: 'gp-practice',
  pcn: 'primary-care-network',
  local_authority: 'local-authority',
  voluntary: 'vcse',
  commissioner: 'nhs-commissioner',
  provider_alliance: 'provider-alliance',
  integrated_care_partnership: 'integrated-care-partnership',
};

/** When a kind's members joined (illustrative, but in the order things happened). */
const START_BY_KIND: Partial<Record<Organisation['kind'], string>> = {
  pcn: PCN_START,
  voluntary: '2018-04-01',
  provider_alliance: '2021-07-01',
  integrated_care_partnership: ICB_START,
};

/** Everything the memberships are built from (the directory's lists). */
export interface MembershipInputs {
  footprint: Footprint;
  partnership: Organisation;
  members: Organisation[];
  formerCommissioners: ReturnType<typeof formerCommissioners>;
  alliances: Organisation[];
  trusts: Organisation[];
  community: Organisation;
  mentalHealth: Organisation;
  localAuthorities: Organisation[];
  pcns: Organisation[];
  icbPlaces: Organisation[];
  /** The trusts serving each place, most used first. */
  trustsByPlace: Organisation[][];
  voluntaryByPlace: Organisation[][];
}

export function memberships(input: MembershipInputs): Membership[] {
  const body = input.partnership.code;
  const out: Membership[] = [];
  const add = (primary: string, member: Organisation, role: PartnershipRoleCode, start: string | undefined, end?: string, illustrative = true) =>
    out.push({
      id: primary === body ? `aff-${member.code}` : `aff-${primary}-${member.code}`,
      primary,
      member: member.code,
      role,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      illustrative,
      ...(member.kind === 'gp_practice' && member.parentCode && primary === body ? { network: member.parentCode } : {}),
    });
  for (const org of input.members) add(body, org, ROLE_BY_KIND[org.kind], START_BY_KIND[org.kind] ?? STP_START, undefined, true);
  for (const ccg of input.formerCommissioners) add(body, ccg, 'nhs-commissioner', ccg.period.start, ccg.period.end, false);
  for (const place of input.icbPlaces) add(body, place, 'nhs-commissioner', ICB_START);
  // The ICB is the partnership body: from 1 July 2022 it is also the footprint's NHS commissioner.
  if (input.icbPlaces.length) add(body, input.partnership, 'nhs-commissioner', ICB_START, undefined, false);
  allianceMembers(input, add);
  return out;
}

type Add = (primary: string, member: Organisation, role: PartnershipRoleCode, start: string | undefined, end?: string, illustrative?: boolean) => void;

function allianceMembers(input: MembershipInputs, add: Add): void {
  const { footprint } = input;
  for (const alliance of input.alliances) {
    const start = START_BY_KIND[alliance.kind];
    if (alliance.code === 'ZA001') input.trusts.forEach((t, i) => add(alliance.code, t, i === 0 ? 'lead-provider' : 'member', start));
    else if (alliance.code === 'ZA002') {
      add(alliance.code, input.mentalHealth, 'lead-provider', start);
      add(alliance.code, input.community, 'member', start);
    } else if (alliance.deliverySystem) {
      // A 2016 local delivery system's alliance: its places' councils, trusts and commissioners, until the CCGs ended.
      const places = footprint.places.flatMap((p, i) => (p.deliverySystem === alliance.deliverySystem ? [i] : []));
      const seen = new Set<string>();
      const once = (org: Organisation, role: PartnershipRoleCode) => {
        if (!seen.has(org.code)) add(alliance.code, org, role, STP_START, CCG_END);
        seen.add(org.code);
      };
      for (const i of places) for (const t of input.trustsByPlace[i]) once(t, 'member');
      for (const i of places) once(input.localAuthorities[i], 'member');
      for (const ccg of input.formerCommissioners) if (ccg.placeIndex !== undefined && places.includes(ccg.placeIndex)) once(ccg, 'member');
    } else if (alliance.placeIndex === undefined) {
      add(alliance.code, input.partnership, 'member', start);
      for (const la of input.localAuthorities) add(alliance.code, la, 'member', start);
    } else {
      const i = alliance.placeIndex;
      input.trustsByPlace[i].forEach((t, k) => add(alliance.code, t, k === 0 ? 'lead-provider' : 'member', start));
      add(alliance.code, input.localAuthorities[i], 'member', start);
      if (input.icbPlaces[i]) add(alliance.code, input.icbPlaces[i], 'member', start);
      for (const pcn of input.pcns.filter((p) => p.placeIndex === i)) add(alliance.code, pcn, 'member', start);
      for (const v of input.voluntaryByPlace[i]) add(alliance.code, v, 'member', start);
    }
  }
}
