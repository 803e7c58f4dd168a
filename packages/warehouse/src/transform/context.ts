import type { Codings } from '../codings';
import type { OrganisationDirectory } from '../organisation-directory';
import type { OptOutRegister } from '../opt-outs';
import type { Pseudonymiser } from '../pseudonym';
import type { LsoaFacts } from '../reference-data';
import type { StandardView } from '../standard-views';
import type { WarehouseTableName } from '../tables';

/** What a mapper needs besides the view's rows: pseudonyms, lookups and the opt-out register. */
export interface MapContext {
  pseudonymiser: Pseudonymiser;
  directory: OrganisationDirectory;
  codings: Codings;
  lsoa: Map<string, LsoaFacts>;
  optOuts: OptOutRegister;
}

/** Receives finished table rows. */
export type RowSink = (table: WarehouseTableName, row: unknown[]) => void;

/** Turns one resource's view rows into warehouse rows (or register updates). */
export type ViewMapper = (view: StandardView, resource: Record<string, unknown>, rows: unknown[][], context: MapContext, sink: RowSink) => void;
