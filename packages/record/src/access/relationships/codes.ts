/**
 * The codes care relationships are derived from (see derive.ts and docs/access.md). The bases
 * themselves are the trust contract's RELATIONSHIP_BASES.
 */

/**
 * An EpisodeOfCare whose `type` carries this coding is a social care episode: a council's open
 * episode with this code gives the `social-care-episode` basis (any other open episode gives
 * `episode-of-care`). Footprint's own code: the HL7 episode-of-care-type examples have none for
 * social care.
 */
export const EPISODE_TYPE_SYSTEM = 'https://fhir.footprint.example/CodeSystem/episode-of-care-type';
export const SOCIAL_CARE_EPISODE = { system: EPISODE_TYPE_SYSTEM, code: 'social-care', display: 'Social care episode' } as const;

/**
 * Organization.type codes (any system) that mark a council: Footprint's organisation kind
 * `local_authority` and the ODS role RO141 (Local Authority), as the warehouse classifies them.
 */
export const COUNCIL_TYPE_CODES: readonly string[] = ['local_authority', 'RO141'];

/** EpisodeOfCare statuses that count as open. */
export const OPEN_EPISODE_STATUSES: readonly string[] = ['planned', 'waitlist', 'active', 'onhold'];
/** ServiceRequest statuses that never make a referral. */
export const VOID_REFERRAL_STATUSES: readonly string[] = ['revoked', 'entered-in-error'];
/** Encounter statuses that never make a contact. */
export const VOID_ENCOUNTER_STATUSES: readonly string[] = ['cancelled', 'entered-in-error'];

/** The types whose resources imply care relationships; writes of any other type leave the table alone. */
export const RELATIONSHIP_SOURCE_TYPES: ReadonlySet<string> = new Set(['Patient', 'EpisodeOfCare', 'Encounter', 'ServiceRequest', 'CareTeam']);

/** Months an encounter keeps its organisation related to the person: FOOTPRINT_RELATIONSHIP_ENCOUNTER_MONTHS, default 12. */
export function encounterMonths(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.FOOTPRINT_RELATIONSHIP_ENCOUNTER_MONTHS;
  if (configured === undefined || configured === '') return 12;
  const n = Number(configured);
  if (!Number.isInteger(n) || n < 0 || n > 1200) throw new Error(`FOOTPRINT_RELATIONSHIP_ENCOUNTER_MONTHS must be a whole number of months from 0 to 1200, not "${configured}"`);
  return n;
}
