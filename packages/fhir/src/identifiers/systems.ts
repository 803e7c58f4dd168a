/** UK Core identifier systems (see the architecture's conventions). */
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
/** ODS site codes (a trust's hospital, a practice's branch) use their own system in UK Core. */
export const ODS_SITE_SYSTEM = 'https://fhir.nhs.uk/Id/ods-site-code';
/** ONS statistical geography codes (LSOAs, local authorities, footprints such as E54000008). */
export const ONS_SYSTEM = 'http://statistics.data.gov.uk/id/statistical-geography';
/** Footprint's organisation-kind codes on Organization.type (the one list of kinds is @footprint/warehouse's ORGANISATION_KINDS). */
export const ORGANISATION_KIND_SYSTEM = 'https://fhir.footprint.example/CodeSystem/organisation-kind';
/**
 * The role an organisation holds in a partnership, or in an alliance or integrated care
 * partnership within it, as an OrganizationAffiliation.code coding (the codes and labels are
 * @footprint/partnership's PARTNERSHIP_ROLES). Defined here once because the generator writes
 * these codes and the partnership reads them.
 */
export const PARTNERSHIP_ROLE_SYSTEM = 'https://fhir.footprint.example/CodeSystem/partnership-role';
/**
 * meta.tag system saying how far a resource states fact: code `illustrative` marks an
 * organisation or membership made up (or dated) for the demonstration, not taken from a source.
 */
export const DATA_STATUS_SYSTEM = 'https://fhir.footprint.example/CodeSystem/data-status';
export const ILLUSTRATIVE_TAG = { system: DATA_STATUS_SYSTEM, code: 'illustrative', display: 'Illustrative: made up for the demonstration, not a statement of fact' } as const;
