/**
 * Code systems, identifier systems and extension URLs the generator writes. UK Core and HL7 ones
 * where they exist; Footprint's own (under https://fhir.footprint.example) where none does, each
 * documented in docs/synth.md.
 */
export { ILLUSTRATIVE_TAG, NHS_NUMBER_SYSTEM, ODS_SYSTEM, PARTNERSHIP_ROLE_SYSTEM } from '@footprint/fhir';
import { ONS_SYSTEM, ORGANISATION_KIND_SYSTEM } from '@footprint/fhir';

export const SNOMED = 'http://snomed.info/sct';
export const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
export const UCUM = 'http://unitsofmeasure.org';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const ORGANIZATION_TYPE = 'http://terminology.hl7.org/CodeSystem/organization-type';
export const ORGANIZATION_ROLE = 'http://hl7.org/fhir/organization-role';
/** ONS statistical geography codes (LSOAs, local authority districts, STPs). */
export const ONS_GEOGRAPHY = ONS_SYSTEM;

export const UKCORE_ETHNIC_CATEGORY_EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory';

const FOOTPRINT = 'https://fhir.footprint.example';
/** Extension on Address: the LSOA (2011) the address lies in, as a Coding in ONS_GEOGRAPHY. */
export const LSOA_EXTENSION = `${FOOTPRINT}/StructureDefinition/lsoa`;
/** Extension on Address: the place (2019 local authority district), as a Coding in ONS_GEOGRAPHY. */
export const PLACE_EXTENSION = `${FOOTPRINT}/StructureDefinition/place`;
/** The kind of partner organisation (matches the warehouse's organisations.kind). */
export const ORGANISATION_KIND = ORGANISATION_KIND_SYSTEM;
/**
 * EpisodeOfCare.type of a council's social care episode: the record derives the
 * `social-care-episode` care relationship from it (packages/record/src/access/relationships/codes.ts).
 */
export const EPISODE_OF_CARE_TYPE = `${FOOTPRINT}/CodeSystem/episode-of-care-type`;
export const SOCIAL_CARE_EPISODE = { system: EPISODE_OF_CARE_TYPE, code: 'social-care', display: 'Social care episode' } as const;
/** HL7 v3 confidentiality labels (meta.security): `R` restricted marks an item sensitive. */
export const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
