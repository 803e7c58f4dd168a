/**
 * @footprint/synth: synthetic footprints with known ground truth. Realistic people, organisations
 * and care histories for any English footprint, as FHIR R4 NDJSON per organisation.
 */
export { generateFootprint, generateInto, emitPerson, type FootprintSink, type GroundTruthRecord, type GenerateRunOptions } from './generate';
export { writeFootprint, NdjsonDirectorySink, GROUND_TRUTH_FILE, MANIFEST_FILE, type Manifest, type ManifestFile, type WriteFootprintOptions } from './write';
export { createContext, DEFAULT_REFERENCE_DATE, DEFAULT_YEARS, type GenerateOptions, type GenerationContext } from './context';
export { resolveFootprint, bundledFootprintIds, type Footprint, type Place, type AcuteTrust } from './footprint';
export { lsoas, codelist, codelistIndex, type Lsoa, type Codelist, type CodeTerm } from './data';
export { nhsNumberCapacity } from './nhs-numbers';
export { readGroundTruth, groundTruthByCondition } from './ground-truth';
export type { Organisation, OrganisationKind } from './organisations';
export { LSOA_EXTENSION, PLACE_EXTENSION, ORGANISATION_KIND, ONS_GEOGRAPHY, UKCORE_ETHNIC_CATEGORY_EXTENSION } from './systems';
export { directoryResources, organizationId } from './organisation-resources';
export { SOCIAL_CARE_EPISODE } from './systems';
