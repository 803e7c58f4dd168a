import type { ViewTarget } from '../standard-views';
import type { ViewMapper } from './context';
import { mapEncounter } from './encounters';
import { mapClinicalEvent, mapDeathCause, mapEncounterDiagnosis, mapMedication, mapSocialCare } from './events';
import { mapPatient } from './patients';
import { mapOptOut, mapOrganisation, mapPractitionerRole } from './reference';

export type { MapContext, RowSink, ViewMapper } from './context';

/** One mapper per view target; a new target without a mapper is a type error. */
export const mappers: Record<ViewTarget, ViewMapper> = {
  patients: mapPatient,
  clinical_events: mapClinicalEvent,
  medications: mapMedication,
  encounters: mapEncounter,
  social_care: mapSocialCare,
  organisations: mapOrganisation,
  places: () => {
    throw new Error('places come from reference data, not from a view');
  },
  warehouse_encounter_diagnoses: mapEncounterDiagnosis,
  warehouse_death_causes: mapDeathCause,
  'opt-outs': mapOptOut,
  'practitioner-roles': mapPractitionerRole,
};
