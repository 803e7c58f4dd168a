/** Care relationships: derived from the record at write time, kept in `care_relationship`, joined by the access policy. */
export { deriveRelationships, organisationOf, type CareRelationship } from './derive';
export { hasCareRelationships, rebuildCareRelationships, type RebuildProgress, type RebuildResult } from './rebuild';
export { COUNCIL_TYPE_CODES, EPISODE_TYPE_SYSTEM, SOCIAL_CARE_EPISODE, RELATIONSHIP_SOURCE_TYPES, encounterMonths } from './codes';
