import type { Repository } from '@footprint/record';

/** What every FHIR route plugin is given. */
export interface FhirRouteOptions {
  record: Repository;
  /** Fixed public base URL (e.g. behind a proxy); otherwise derived from each request. */
  baseUrl?: string;
}
