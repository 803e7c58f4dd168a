import type { Organization, OrganizationAffiliation } from '@footprint/fhir';
import { DATA_STATUS_SYSTEM, ODS_SYSTEM, ONS_SYSTEM, ORGANISATION_KIND_SYSTEM } from '@footprint/fhir';
import { systemContext, type Repository } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import { inPeriod, isCalendarDate } from '../store/fields';
import { PARTNERSHIP_ROLE_SYSTEM, partnershipRoleLabel } from './roles';

/** The systems are defined once in @footprint/fhir (the generator writes them too). */
export { ONS_SYSTEM, ORGANISATION_KIND_SYSTEM } from '@footprint/fhir';

/** A member organisation as the register shows it, from one OrganizationAffiliation and its Organization. */
export interface MemberOrganisation {
  /** The Organization's id in the record. */
  id: string;
  odsCode?: string;
  onsCode?: string;
  name: string;
  /** Its organisation-kind code (gp_practice, acute_trust, commissioner, …), or 'other'. */
  kind: string;
  role: { code: string; label: string };
  period: { start?: string; end?: string };
  /** The OrganizationAffiliation's id: where to change the membership. */
  affiliationId: string;
  /** True when the organisation or the membership is marked illustrative (meta.tag, see docs/partnership.md). */
  illustrative: boolean;
}

const ctx = () => systemContext('HOPERAT', 'partnership-register');

/** The Organization whose identifier is this ONS code (a footprint's partnership body), or undefined. */
export async function organisationByOnsCode(record: Repository, onsCode: string): Promise<Organization | undefined> {
  const page = await record.search(ctx(), 'Organization', [['identifier', `${ONS_SYSTEM}|${onsCode}`], ['_count', '2']]);
  return page.matches[0] as Organization | undefined;
}

/** Every match of a search, page by page. */
export async function searchAll<T>(record: Repository, type: string, params: [string, string][]): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await record.search(ctx(), type, [...params, ['_count', '1000'], ...(cursor ? ([['_cursor', cursor]] as [string, string][]) : [])]);
    out.push(...(page.matches as T[]));
    cursor = page.next;
  } while (cursor);
  return out;
}

/** The Organization id a reference (`Organization/x`, or an absolute URL ending so) points at. */
export const organisationIdOf = (reference: string | undefined): string | undefined => reference?.match(/^(?:.*\/)?Organization\/([^/]+)$/)?.[1];

/** The Organizations with these ids, by id (200 at a time, as `_id` lists). */
export async function organisationsById(record: Repository, ids: Iterable<string>): Promise<Map<string, Organization>> {
  const list = [...new Set(ids)];
  const organisations = new Map<string, Organization>();
  for (let i = 0; i < list.length; i += 200) {
    for (const org of await searchAll<Organization>(record, 'Organization', [['_id', list.slice(i, i + 200).join(',')]])) organisations.set(org.id!, org);
  }
  return organisations;
}

/** An affiliation's period as calendar dates (a FHIR dateTime is cut to its day). */
export function affiliationPeriod(a: OrganizationAffiliation): { start?: string; end?: string } {
  return { ...(a.period?.start ? { start: a.period.start.slice(0, 10) } : {}), ...(a.period?.end ? { end: a.period.end.slice(0, 10) } : {}) };
}

/** The affiliation's role in PARTNERSHIP_ROLE_SYSTEM; one without counts as 'member'. */
export function affiliationRole(a: OrganizationAffiliation): string {
  return a.code?.flatMap((c) => c.coding ?? []).find((c) => c.system === PARTNERSHIP_ROLE_SYSTEM)?.code ?? 'member';
}

export function identifierOf(org: Organization, system: string): string | undefined {
  return org.identifier?.find((i) => i.system === system)?.value;
}

export function organisationKindOf(org: Organization): string {
  return org.type?.flatMap((t) => t.coding ?? []).find((c) => c.system === ORGANISATION_KIND_SYSTEM)?.code ?? 'other';
}

export const isIllustrative = (resource: { meta?: { tag?: { system?: string; code?: string }[] } }): boolean =>
  !!resource.meta?.tag?.some((t) => t.system === DATA_STATUS_SYSTEM && t.code === 'illustrative');

/**
 * The organisations affiliated to `organisationId` (a partnership body, an alliance or an
 * integrated care partnership) on a date (YYYY-MM-DD), or at any time when `on` is undefined:
 * one entry per affiliation, sorted by name, then start. Both ends of a period count (a
 * membership ending 30 June 2022 holds on that day). An affiliation marked `active: false` is
 * withdrawn and never counts; one with no role coding in PARTNERSHIP_ROLE_SYSTEM counts as
 * 'member'; one without a period counts as always. A bad date is a 400 PartnershipProblem.
 */
export async function membersOn(record: Repository, organisationId: string, on?: string): Promise<MemberOrganisation[]> {
  if (on !== undefined && !isCalendarDate(on)) throw new PartnershipProblem(400, 'Invalid date', `on must be a date written YYYY-MM-DD (got "${on}").`);
  const affiliations = await searchAll<OrganizationAffiliation>(record, 'OrganizationAffiliation', [['primary-organization', `Organization/${organisationId}`]]);
  const current = affiliations.filter((a) => a.active !== false && (on === undefined || inPeriod(affiliationPeriod(a), on)));
  const organisations = await organisationsById(record, current.map((a) => organisationIdOf(a.participatingOrganization?.reference)).filter((id): id is string => !!id));
  const out: MemberOrganisation[] = [];
  for (const a of current) {
    const org = organisations.get(organisationIdOf(a.participatingOrganization?.reference) ?? '');
    if (!org?.id || !a.id) continue;
    const roleCode = affiliationRole(a);
    const ods = identifierOf(org, ODS_SYSTEM);
    const ons = identifierOf(org, ONS_SYSTEM);
    out.push({
      id: org.id,
      ...(ods ? { odsCode: ods } : {}),
      ...(ons ? { onsCode: ons } : {}),
      name: org.name ?? ods ?? org.id,
      kind: organisationKindOf(org),
      role: { code: roleCode, label: partnershipRoleLabel(roleCode) },
      period: affiliationPeriod(a),
      affiliationId: a.id,
      illustrative: isIllustrative(org) || isIllustrative(a),
    });
  }
  return out.sort((x, y) => x.name.localeCompare(y.name) || (x.period.start ?? '').localeCompare(y.period.start ?? ''));
}
