import { forbidden, type Consent, type HealthcareService, type Location, type Resource } from '@footprint/fhir';
import { VOLUNTARY_SHARING_SYSTEM } from './trust-codes';

/**
 * Rules on what a member of staff writes, where a resource's type alone does not decide
 * (docs/coordination.md §5):
 *
 * - **The directory is kept by its providers.** A `HealthcareService` names the writer's own
 *   organisation as `providedBy`, and a `Location` as `managingOrganization`: a voluntary
 *   organisation lists its own services, never another's. (Updates are also kept to what the
 *   organisation contributed, stewardship.ts.)
 * - **Staff record one kind of Consent**: the person's agreement to share with a voluntary
 *   organisation (voluntary-sharing), which a link worker records with the referral. Sharing
 *   choices and opt-outs are the person's own to make, or the platform's to import.
 */
export function requireStaffContent(resource: Resource, organisation: string | undefined): void {
  if (resource.resourceType === 'HealthcareService') {
    const by = (resource as HealthcareService).providedBy?.reference;
    if (!organisation || by !== organisation) throw forbidden(`A service in the directory is listed by the organisation that provides it: providedBy must be ${organisation ?? 'your organisation'}`);
  }
  if (resource.resourceType === 'Location') {
    const by = (resource as Location).managingOrganization?.reference;
    if (!organisation || by !== organisation) throw forbidden(`A place in the directory is kept by the organisation that runs it: managingOrganization must be ${organisation ?? 'your organisation'}`);
  }
  if (resource.resourceType === 'Consent') {
    const rules = (resource as Consent).policyRule?.coding ?? [];
    if (!rules.some((c) => c.system === VOLUNTARY_SHARING_SYSTEM)) throw forbidden('Staff record only a person’s agreement to share with a voluntary organisation (voluntary-sharing); their sharing choice and opt-outs are theirs to make');
  }
}
