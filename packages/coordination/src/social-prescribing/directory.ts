import type { Bundle, HealthcareService, Location, Organization } from '@footprint/fhir';
import type { AccessContext } from '@footprint/record';
import { CoordinationConflictError, CoordinationInputError, CoordinationNotFoundError } from '../errors';
import type { CoordinationRecord } from '../referrals/service';
import type { DirectoryQuery, Opening, ServiceEntry } from './directory-input';
import { DIRECTORY_CATEGORY, NEED_SYSTEM, NEEDS, type Day, type Need } from './needs';

/**
 * The directory of voluntary, community and social enterprise services (docs/coordination.md §5):
 * each service a FHIR `HealthcareService` (`category` the directory, `type` the needs it meets,
 * `availableTime` its opening times, `providedBy` its organisation) held at a `Location` (its
 * venue, with the partnership's place as `address.district`). Entries belong to nobody's record,
 * so every partner reads them; the record lets only the providing organisation write its own
 * (staff-content.ts, stewardship.ts).
 */
export interface DirectoryService {
  id: string;
  version: string;
  name: string;
  description: string;
  needs: Array<{ code: Need; label: string }>;
  organisation: { reference: string; name: string };
  venue: { name: string; line: string; town: string; postcode: string };
  place: string;
  openings: Opening[];
  phone?: string;
  email?: string;
  eligibility?: string;
  active: boolean;
}

const hhmmss = (t: string) => (t.length === 5 ? `${t}:00` : t);
const hhmm = (t: string | undefined) => (t ?? '').slice(0, 5);

function locationOf(entry: ServiceEntry, organisation: string, existing?: Location): Location {
  return {
    ...(existing ?? {}),
    resourceType: 'Location',
    status: entry.active ? 'active' : 'inactive',
    name: entry.venue.name,
    managingOrganization: { reference: organisation },
    address: { use: 'work', line: [entry.venue.line], city: entry.venue.town, district: entry.place, postalCode: entry.venue.postcode, country: 'GB' },
  };
}

function serviceOf(entry: ServiceEntry, organisation: string, location: string, existing?: HealthcareService): HealthcareService {
  const telecom = [...(entry.phone ? [{ system: 'phone' as const, value: entry.phone, use: 'work' as const }] : []), ...(entry.email ? [{ system: 'email' as const, value: entry.email, use: 'work' as const }] : [])];
  const { telecom: _telecom, eligibility: _eligibility, ...kept } = existing ?? ({} as Partial<HealthcareService>);
  return {
    ...kept,
    resourceType: 'HealthcareService',
    active: entry.active,
    providedBy: { reference: organisation },
    category: [{ coding: [{ ...DIRECTORY_CATEGORY }] }],
    type: entry.needs.map((code) => ({ coding: [{ system: NEED_SYSTEM, code, display: NEEDS[code] }] })),
    name: entry.name,
    comment: entry.description,
    location: [{ reference: location }],
    ...(telecom.length ? { telecom } : {}),
    ...(entry.eligibility ? { eligibility: [{ comment: entry.eligibility }] } : {}),
    availableTime: entry.openings.map((o) => ({ daysOfWeek: o.days, availableStartTime: hhmmss(o.opens), availableEndTime: hhmmss(o.closes) })),
  };
}

function viewOf(service: HealthcareService, location: Location | undefined, names: Map<string, string>): DirectoryService {
  const reference = service.providedBy?.reference ?? '';
  const phone = service.telecom?.find((t) => t.system === 'phone')?.value;
  const email = service.telecom?.find((t) => t.system === 'email')?.value;
  const eligibility = service.eligibility?.[0]?.comment;
  return {
    id: service.id!,
    version: service.meta?.versionId ?? '1',
    name: service.name ?? 'Unnamed service',
    description: service.comment ?? '',
    needs: (service.type ?? []).flatMap((t) => t.coding ?? []).filter((c) => c.system === NEED_SYSTEM && c.code && Object.hasOwn(NEEDS, c.code)).map((c) => ({ code: c.code as Need, label: NEEDS[c.code as Need] })),
    organisation: { reference, name: names.get(reference) ?? 'A voluntary organisation' },
    venue: { name: location?.name ?? '', line: location?.address?.line?.[0] ?? '', town: location?.address?.city ?? '', postcode: location?.address?.postalCode ?? '' },
    place: location?.address?.district ?? '',
    openings: (service.availableTime ?? []).map((a) => ({ days: (a.daysOfWeek ?? []) as Day[], opens: hhmm(a.availableStartTime), closes: hhmm(a.availableEndTime) })),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(eligibility ? { eligibility } : {}),
    active: service.active !== false,
  };
}

/** True when the service is open on `day` at `at` (either may be left out). */
export function openAt(openings: readonly Opening[], day?: Day, at?: string): boolean {
  if (!day && !at) return true;
  return openings.some((o) => (!day || o.days.includes(day)) && (!at || (o.opens <= at && at < o.closes)));
}

/** The views of some services, with their venues and organisations, read through the policy. */
async function describe(record: CoordinationRecord, ctx: AccessContext, services: HealthcareService[]): Promise<DirectoryService[]> {
  const locationIds = [...new Set(services.map((s) => s.location?.[0]?.reference?.split('/')[1]).filter((id): id is string => Boolean(id)))];
  const orgIds = [...new Set(services.map((s) => s.providedBy?.reference?.split('/')[1]).filter((id): id is string => Boolean(id)))];
  const locations = new Map<string, Location>();
  if (locationIds.length) for (const l of (await record.repo.search(ctx, 'Location', [['_id', locationIds.join(',')], ['_count', String(locationIds.length)]])).matches as Location[]) locations.set(`Location/${l.id}`, l);
  const names = new Map<string, string>();
  if (orgIds.length) for (const o of (await record.repo.search(ctx, 'Organization', [['_id', orgIds.join(',')], ['_count', String(orgIds.length)]])).matches as Organization[]) names.set(`Organization/${o.id}`, o.name ?? 'Unnamed organisation');
  return services.map((s) => viewOf(s, locations.get(s.location?.[0]?.reference ?? ''), names));
}

const DIRECTORY = `${DIRECTORY_CATEGORY.system}|${DIRECTORY_CATEGORY.code}`;

/**
 * Searches the directory: active services meeting a need (FHIR search on `service-type`), in a
 * place, open on a day and at a time, or whose name or description has the words; by name.
 */
export async function searchDirectory(record: CoordinationRecord, ctx: AccessContext, query: DirectoryQuery): Promise<DirectoryService[]> {
  const params: Array<[string, string]> = [['service-category', DIRECTORY], ['active', 'true'], ['_count', '500']];
  if (query.need) params.push(['service-type', `${NEED_SYSTEM}|${query.need}`]);
  const found = (await record.repo.search(ctx, 'HealthcareService', params)).matches as HealthcareService[];
  const words = query.text?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  return (await describe(record, ctx, found))
    .filter((s) => !query.place || s.place.toLowerCase() === query.place.toLowerCase())
    .filter((s) => openAt(s.openings, query.day, query.at))
    .filter((s) => words.every((w) => `${s.name} ${s.description}`.toLowerCase().includes(w)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The places the directory's services are in, for the search form. */
export async function directoryPlaces(record: CoordinationRecord, ctx: AccessContext): Promise<string[]> {
  const all = await searchDirectory(record, ctx, {});
  return [...new Set(all.map((s) => s.place).filter(Boolean))].sort();
}

/** Every service the user's organisation lists, active or not. */
export async function ownServices(record: CoordinationRecord, ctx: AccessContext): Promise<DirectoryService[]> {
  const org = ctx.organisation?.reference;
  if (!org) return [];
  const found = (await record.repo.search(ctx, 'HealthcareService', [['organization', org], ['service-category', DIRECTORY], ['_count', '200']])).matches as HealthcareService[];
  return (await describe(record, ctx, found)).sort((a, b) => a.name.localeCompare(b.name));
}

export async function directoryService(record: CoordinationRecord, ctx: AccessContext, id: string): Promise<DirectoryService> {
  const found = (await record.repo.search(ctx, 'HealthcareService', [['_id', id], ['service-category', DIRECTORY]])).matches as HealthcareService[];
  if (!found[0]) throw new CoordinationNotFoundError(`No service ${id} is in the directory`);
  return (await describe(record, ctx, found))[0];
}

const ownOrganisation = (ctx: AccessContext): string => {
  const org = ctx.organisation?.reference;
  if (!org) throw new CoordinationInputError(['Services are listed by an organisation: your account is not linked to one']);
  return org;
};

/** Lists a new service: its venue and the service in one transaction, as the user's organisation. */
export async function addService(record: CoordinationRecord, ctx: AccessContext, entry: ServiceEntry): Promise<DirectoryService> {
  const org = ownOrganisation(ctx);
  const locationUrl = 'urn:uuid:' + crypto.randomUUID();
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: locationUrl, resource: locationOf(entry, org), request: { method: 'POST', url: 'Location' } },
      { resource: serviceOf(entry, org, locationUrl), request: { method: 'POST', url: 'HealthcareService' } },
    ],
  };
  const answer = await record.repo.processBundle(ctx, bundle);
  const id = (answer.entry ?? []).at(-1)?.response?.location?.split('/')[1];
  if (!id) throw new Error('the service was not listed');
  return directoryService(record, ctx, id);
}

/** Changes a service and its venue, against the version the user saw (409 if someone changed it since). */
export async function updateService(record: CoordinationRecord, ctx: AccessContext, id: string, version: string, entry: ServiceEntry): Promise<DirectoryService> {
  const org = ownOrganisation(ctx);
  await record.repo.transaction(ctx, async (repo) => {
    const found = (await repo.search(ctx, 'HealthcareService', [['_id', id], ['service-category', DIRECTORY]])).matches as HealthcareService[];
    const current = found[0];
    if (!current) throw new CoordinationNotFoundError(`No service ${id} is in the directory`);
    if (current.providedBy?.reference !== org) throw new CoordinationConflictError('Only the organisation that provides a service changes its entry', 'Not your organisation’s service');
    if (current.meta?.versionId !== version) throw new CoordinationConflictError(`Someone changed this service since you opened it (it is now at version ${current.meta?.versionId}); reload to see what changed`, 'Changed by someone else');
    const locationId = current.location?.[0]?.reference?.split('/')[1];
    const location = locationId ? await repo.read<Location>(ctx, 'Location', locationId) : undefined;
    const savedLocation = location ? (await repo.update<Location>(ctx, locationOf(entry, org, location))).resource : (await repo.create<Location>(ctx, locationOf(entry, org))).resource;
    await repo.update<HealthcareService>(ctx, serviceOf(entry, org, `Location/${savedLocation.id}`, current), { ifMatch: `W/"${version}"` });
  });
  return directoryService(record, ctx, id);
}
