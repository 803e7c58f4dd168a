import type { TableWriter, WarehouseConnection } from './engines';
import { ResourceFlattener } from './flattener';
import { metaTables, saveRegisters } from './meta';
import type { Pseudonymiser } from './pseudonym';
import { placeRecords } from './reference-data';
import { tableList, tables, type WarehouseTableName } from './tables';
import type { MapContext } from './transform';

/** A resource from the record's change feed or a file; `deleted` for a deletion. */
export interface ResourceChange {
  resource: Record<string, unknown>;
  deleted?: boolean;
}

/** Resource types loaded before patient data: they resolve references and decide opt-outs. */
export const referenceResourceTypes = ['Organization', 'PractitionerRole', 'Consent'];

/**
 * Streams resources through the standard views and mappers into an engine's table writers.
 * A full build calls ingest() for everything; a refresh calls applyChanges(), which first deletes
 * the rows of each changed or deleted resource (by resource_key) and then inserts their new rows.
 */
export class WarehouseLoader {
  readonly flattener: ResourceFlattener;
  private readonly writers = new Map<WarehouseTableName, TableWriter>();
  private optedOutAtStart = new Set<string>();
  /** Resources read and rows written so far. */
  readonly counts = { resources: 0, rows: 0 };

  private constructor(
    private readonly connection: WarehouseConnection,
    pseudonymiser: Pseudonymiser,
  ) {
    this.flattener = new ResourceFlattener(pseudonymiser);
  }

  get context(): MapContext {
    return this.flattener.context;
  }

  /** A loader writing into freshly created tables (a build session). */
  static async forBuild(connection: WarehouseConnection, pseudonymiser: Pseudonymiser): Promise<WarehouseLoader> {
    for (const table of [...tableList, ...Object.values(metaTables)]) await connection.exec(connection.dialect.createTable(table.name, table.columns));
    const loader = new WarehouseLoader(connection, pseudonymiser);
    await loader.openWriters();
    return loader;
  }

  /** A loader over an existing warehouse, with its opt-out register and organisation directory restored. */
  static async forRefresh(connection: WarehouseConnection, pseudonymiser: Pseudonymiser, restore: (loader: WarehouseLoader) => Promise<void>): Promise<WarehouseLoader> {
    const loader = new WarehouseLoader(connection, pseudonymiser);
    await restore(loader);
    await loader.openWriters();
    return loader;
  }

  /** One writer per patient table, open for the whole load, so rows go straight to the engine. */
  private async openWriters(): Promise<void> {
    for (const table of tableList) if (table.perPatient) this.writers.set(table.name, await this.connection.writer(table));
  }

  /** First pass: organisations and opt-outs only. */
  ingestReference(resource: Record<string, unknown>): void {
    if (referenceResourceTypes.includes(resource.resourceType as string)) this.ingest(resource);
  }

  /** Call once the reference pass is done, before patient data, to notice opt-outs that arrive later. */
  startPatientData(): void {
    this.optedOutAtStart = this.context.optOuts.patientKeys();
  }

  /** Runs one resource through its views and writes the rows. */
  ingest(resource: Record<string, unknown>): void {
    this.counts.resources++;
    this.flattener.flatten(resource, this.sink);
  }

  /** Rows flattened elsewhere (worker threads), written as they are; `resources` is how many they came from. */
  appendRows(table: WarehouseTableName, rows: unknown[][]): void {
    for (const row of rows) this.sink(table, row);
  }

  countResources(resources: number): void {
    this.counts.resources += resources;
  }

  /** Refresh: replaces the rows of each changed resource and removes those of deleted ones. */
  async applyChanges(changes: readonly ResourceChange[]): Promise<void> {
    const resourceKeys = new Map<WarehouseTableName, bigint[]>();
    const patientKeys: string[] = [];
    const { pseudonymiser } = this.context;
    for (const { resource } of changes) {
      const views = this.flattener.viewsFor(resource.resourceType as string);
      if (!views || typeof resource.id !== 'string') continue;
      for (const view of views) {
        const table = tables[view.target as WarehouseTableName];
        if (view.target === 'patients') patientKeys.push(pseudonymiser.patientKey(resource.id));
        else if (table?.keyedByResource) {
          const list = resourceKeys.get(table.name) ?? [];
          list.push(pseudonymiser.resourceKey(resource.resourceType as string, resource.id));
          resourceKeys.set(table.name, list);
        }
      }
    }
    await this.flush();
    await this.connection.deleteWhereIn('patients', 'patient_key', [...new Set(patientKeys)]);
    for (const [table, keys] of resourceKeys) await this.connection.deleteWhereIn(table, 'resource_key', [...new Set(keys)]);
    for (const change of changes) {
      if (change.deleted) {
        this.counts.resources++;
        this.flattener.forget(change.resource);
      } else this.ingest(change.resource);
    }
  }

  private readonly sink = (table: WarehouseTableName, row: unknown[]): void => {
    this.counts.rows++;
    const writer = this.writers.get(table);
    if (!writer) throw new Error(`No writer open for ${table}`);
    writer.append(row);
  };

  /** Writes buffered rows to the engine (call after every batch). */
  async flush(): Promise<void> {
    for (const writer of this.writers.values()) await writer.flush();
  }

  /**
   * Finishes the load: closes writers, removes the rows of patients who opted out while it ran,
   * rewrites organisations and places, fills PCNs the patient pass could not resolve, and saves the
   * registers. Returns the patients whose opt-out was withdrawn (their rows need a full build).
   */
  async finish(): Promise<{ newlyOptedOut: number; withdrawnOptOuts: number }> {
    await this.flush();
    for (const writer of this.writers.values()) await writer.close();
    this.writers.clear();
    const now = this.context.optOuts.patientKeys();
    const newlyOptedOut = [...now].filter((key) => !this.optedOutAtStart.has(key));
    const withdrawn = [...this.optedOutAtStart].filter((key) => !now.has(key));
    for (const table of tableList) if (table.perPatient) await this.connection.deleteWhereIn(table.name, 'patient_key', newlyOptedOut);
    await this.writeOrganisations();
    await this.writePlaces();
    await this.connection.exec(
      'UPDATE patients SET pcn_code = (SELECT o.parent_code FROM organisations o WHERE o.organisation_code = patients.practice_code) ' +
        'WHERE pcn_code IS NULL AND practice_code IS NOT NULL',
    );
    await this.connection.exec(
      'UPDATE patients SET death_cause_code = (SELECT min(d.code) FROM warehouse_death_causes d WHERE d.patient_key = patients.patient_key) ' +
        'WHERE death_cause_code IS NOT NULL OR patient_key IN (SELECT patient_key FROM warehouse_death_causes)',
    );
    await this.connection.exec(
      'UPDATE encounters SET diagnosis_code = (SELECT min(d.code) FROM warehouse_encounter_diagnoses d WHERE d.encounter_key = encounters.resource_key) ' +
        'WHERE diagnosis_code IS NULL AND resource_key IN (SELECT encounter_key FROM warehouse_encounter_diagnoses)',
    );
    await saveRegisters(this.connection, this.context.optOuts, this.context.directory);
    return { newlyOptedOut: newlyOptedOut.length, withdrawnOptOuts: withdrawn.length };
  }

  private async writeOrganisations(): Promise<void> {
    const { directory } = this.context;
    await this.connection.exec('DELETE FROM organisations');
    const writer = await this.connection.writer(tables.organisations);
    const seen = new Set<string>();
    for (const entry of directory.entries()) {
      if (!entry.odsCode || seen.has(entry.odsCode)) continue;
      seen.add(entry.odsCode);
      writer.append([entry.odsCode, entry.name, entry.kind, entry.placeCode, directory.parentOf(entry.odsCode)]);
    }
    await writer.close();
  }

  /** The footprints' places, plus any other district patients live in (named from the LSOA data). */
  private async writePlaces(): Promise<void> {
    await this.connection.exec('DELETE FROM places');
    const writer = await this.connection.writer(tables.places);
    const written = new Set<string>();
    for (const place of placeRecords()) {
      if (written.has(place.placeCode)) continue;
      written.add(place.placeCode);
      writer.append([place.placeCode, place.name, place.footprintId, place.deliverySystem]);
    }
    const ladNames = new Map<string, string>();
    for (const facts of this.context.lsoa.values()) ladNames.set(facts.ladCode, facts.ladName);
    const seen = await this.connection.query<{ place_code: string }>('SELECT DISTINCT place_code FROM patients WHERE place_code IS NOT NULL');
    for (const { place_code } of seen) {
      if (written.has(place_code)) continue;
      written.add(place_code);
      writer.append([place_code, ladNames.get(place_code) ?? null, null, null]);
    }
    await writer.close();
  }
}
