import type { Warehouse } from './open';

/** An organisation of the warehouse's `organisations` table, as pages name and group them. */
export interface WarehouseOrganisation {
  code: string;
  name: string;
  /** An organisation kind (organisation-kinds.ts); `other` when the warehouse could not tell. */
  kind: string;
  placeCode: string | null;
  parentCode: string | null;
}

/** A place of the warehouse's `places` table (a local authority district of a footprint). */
export interface WarehousePlace {
  code: string;
  name: string;
  footprintId: string | null;
  deliverySystem: string | null;
}

export interface ReferenceData {
  organisations: WarehouseOrganisation[];
  places: WarehousePlace[];
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** Sorted by name in code-point order, so both engines give the same order whatever the database's collation. */
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The organisations and places the warehouse holds, read with standard SQL on either engine. */
export async function readReferenceData(warehouse: Pick<Warehouse, 'query'>): Promise<ReferenceData> {
  const [organisations, places] = await Promise.all([
    warehouse.query('SELECT organisation_code, name, kind, place_code, parent_code FROM organisations'),
    warehouse.query('SELECT place_code, name, footprint_id, delivery_system FROM places'),
  ]);
  return {
    organisations: organisations
      .map((r) => ({
        code: String(r.organisation_code),
        name: String(r.name),
        kind: text(r.kind) ?? 'other',
        placeCode: text(r.place_code),
        parentCode: text(r.parent_code),
      }))
      .sort(byName),
    places: places
      .map((r) => ({ code: String(r.place_code), name: String(r.name), footprintId: text(r.footprint_id), deliverySystem: text(r.delivery_system) }))
      .sort(byName),
  };
}
