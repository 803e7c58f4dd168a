/** UK Core identifier systems (see the architecture's conventions). */
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
/** ODS site codes (a trust's hospital, a practice's branch) use their own system in UK Core. */
export const ODS_SITE_SYSTEM = 'https://fhir.nhs.uk/Id/ods-site-code';
