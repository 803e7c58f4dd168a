import type { Organization, OrganizationAffiliation, Resource } from '@footprint/fhir';
import { ODS_SYSTEM, ONS_SYSTEM } from '@footprint/fhir';
import type { Repository } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import { affiliationPeriod, affiliationRole, identifierOf, isIllustrative, organisationIdOf, organisationKindOf, organisationsById, searchAll } from './members';
import { registerContext, versionAuthor } from './register-context';
import { partnershipRoleLabel } from './roles';

export interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
}

/** One membership (an OrganizationAffiliation), seen from either side. */
export interface MembershipView {
  affiliationId: string;
  /** The version to send back as If-Match when changing it. */
  versionId: string;
  /** The partnership body, alliance or integrated care partnership. */
  memberOf: OrganisationRef;
  member: OrganisationRef;
  role: { code: string; label: string };
  period: { start?: string; end?: string };
  active: boolean;
  illustrative: boolean;
}

/** One stored version of the organisation or of one of its memberships (the record's _history). */
export interface OrganisationVersionView {
  resourceType: string;
  id: string;
  versionId: string;
  lastUpdated: string;
  method: 'POST' | 'PUT' | 'DELETE';
  who: { kind: string; id: string; name?: string };
  /** What the version says, in words (role and period of a membership; name of an organisation). */
  summary: string;
}

export interface OrganisationDetail {
  id: string;
  name: string;
  odsCode?: string;
  onsCode?: string;
  identifiers: { system: string; value: string }[];
  kind: string;
  active: boolean;
  illustrative: boolean;
  partOf?: OrganisationRef;
  /** What it belongs to, over time (newest start first). */
  memberships: MembershipView[];
  /** Its own members when it is a partnership body, alliance or integrated care partnership. */
  members: MembershipView[];
  /** Versions of the organisation and of its memberships, newest first. */
  history: OrganisationVersionView[];
  versionId: string;
}

const ORGANISATION_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export async function organisationDetail(record: Repository, id: string, kindOf: (org: Organization) => string = organisationKindOf): Promise<OrganisationDetail> {
  if (!ORGANISATION_ID.test(id)) throw new PartnershipProblem(400, 'Invalid organisation id', 'An organisation id is 1 to 64 letters, digits, hyphens and dots.');
  const ctx = registerContext(undefined);
  const [found] = await searchAll<Organization>(record, 'Organization', [['_id', id]]);
  if (!found) throw new PartnershipProblem(404, 'No such organisation', `The record holds no Organization ${id}.`);
  const [belongs, has] = await Promise.all([
    searchAll<OrganizationAffiliation>(record, 'OrganizationAffiliation', [['participating-organization', `Organization/${id}`]]),
    searchAll<OrganizationAffiliation>(record, 'OrganizationAffiliation', [['primary-organization', `Organization/${id}`]]),
  ]);
  const refs = [...belongs, ...has].flatMap((a) => [organisationIdOf(a.organization?.reference), organisationIdOf(a.participatingOrganization?.reference)]);
  const partOfId = organisationIdOf(found.partOf?.reference);
  const others = await organisationsById(record, [...refs, ...(partOfId ? [partOfId] : [])].filter((x): x is string => !!x));
  others.set(found.id!, found);
  const ref = (orgId: string | undefined): OrganisationRef => {
    const org = orgId ? others.get(orgId) : undefined;
    return { id: orgId ?? '', name: org?.name ?? orgId ?? 'unknown', kind: org ? kindOf(org) : 'other' };
  };
  const view = (a: OrganizationAffiliation): MembershipView => ({
    affiliationId: a.id!,
    versionId: a.meta?.versionId ?? '',
    memberOf: ref(organisationIdOf(a.organization?.reference)),
    member: ref(organisationIdOf(a.participatingOrganization?.reference)),
    role: { code: affiliationRole(a), label: partnershipRoleLabel(affiliationRole(a)) },
    period: affiliationPeriod(a),
    active: a.active !== false,
    illustrative: isIllustrative(a),
  });
  const byStart = (x: MembershipView, y: MembershipView) => (y.period.start ?? '').localeCompare(x.period.start ?? '') || x.memberOf.name.localeCompare(y.memberOf.name);
  const history: OrganisationVersionView[] = [];
  for (const target of [found, ...belongs]) {
    const result = await record.history(ctx, { resourceType: target.resourceType, id: target.id!, count: 100 });
    for (const entry of result.entries) {
      history.push({
        resourceType: entry.resourceType,
        id: entry.id,
        versionId: entry.versionId,
        lastUpdated: entry.lastUpdated,
        method: entry.method,
        who: versionAuthor(entry.resource),
        summary: summarise(entry.resource, (orgId) => ref(orgId).name),
      });
    }
  }
  history.sort((a, b) => b.lastUpdated.localeCompare(a.lastUpdated) || b.versionId.localeCompare(a.versionId));
  const ods = identifierOf(found, ODS_SYSTEM);
  const ons = identifierOf(found, ONS_SYSTEM);
  return {
    id: found.id!,
    name: found.name ?? ods ?? found.id!,
    ...(ods ? { odsCode: ods } : {}),
    ...(ons ? { onsCode: ons } : {}),
    identifiers: (found.identifier ?? []).filter((i) => i.system && i.value).map((i) => ({ system: i.system!, value: i.value! })),
    kind: kindOf(found),
    active: found.active !== false,
    illustrative: isIllustrative(found),
    ...(partOfId ? { partOf: ref(partOfId) } : {}),
    memberships: belongs.map(view).sort(byStart),
    members: has.map(view).sort((x, y) => x.member.name.localeCompare(y.member.name) || byStart(x, y)),
    history,
    versionId: found.meta?.versionId ?? '',
  };
}

function summarise(resource: Resource | undefined, nameOf: (id: string | undefined) => string): string {
  if (!resource) return 'Deleted';
  if (resource.resourceType === 'Organization') return `${(resource as Organization).name ?? resource.id}${(resource as Organization).active === false ? ' (closed)' : ''}`;
  const a = resource as OrganizationAffiliation;
  const p = affiliationPeriod(a);
  const when = p.start || p.end ? `${p.start ?? '…'} to ${p.end ?? 'now'}` : 'no dates';
  return `${partnershipRoleLabel(affiliationRole(a))} of ${nameOf(organisationIdOf(a.organization?.reference))}, ${when}${a.active === false ? ' (withdrawn)' : ''}`;
}
