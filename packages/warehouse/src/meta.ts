import type { WarehouseConnection } from './engines';
import type { OrganisationDirectory } from './organisation-directory';
import type { OptOutRegister } from './opt-outs';
import type { TableSpec } from './tables';

/**
 * The warehouse's own bookkeeping, in the same database so it swaps and commits with the tables:
 * the record watermark the warehouse reflects, the Consents that opt patients out (pseudonymised),
 * and the organisation directory a refresh needs to resolve references.
 */
export const metaTables = {
  meta: {
    name: 'warehouse_meta',
    perPatient: false,
    keyedByResource: false,
    columns: [
      { name: 'key', type: 'VARCHAR' },
      { name: 'value', type: 'VARCHAR' },
    ],
  },
  optOuts: {
    name: 'warehouse_opt_out_consents',
    perPatient: false,
    keyedByResource: false,
    columns: [
      { name: 'resource_key', type: 'BIGINT' },
      { name: 'patient_key', type: 'VARCHAR' },
    ],
  },
  organisationDirectory: {
    name: 'warehouse_organisation_directory',
    perPatient: false,
    keyedByResource: false,
    columns: ['resource_id', 'ods_code', 'name', 'kind', 'place_code', 'parent_ods', 'parent_id'].map((name) => ({ name, type: 'VARCHAR' })),
  },
  roleDirectory: {
    name: 'warehouse_role_directory',
    perPatient: false,
    keyedByResource: false,
    columns: ['resource_id', 'ods_code', 'organisation_id'].map((name) => ({ name, type: 'VARCHAR' })),
  },
} as unknown as Record<'meta' | 'optOuts' | 'organisationDirectory' | 'roleDirectory', TableSpec>;

export interface WarehouseMeta {
  watermark: string;
  builtAt: string;
  refreshedAt?: string;
  engine: string;
  formatVersion: string;
}

/** Bumped when tables or views change shape, so a refresh of an older warehouse asks for a build. */
export const formatVersion = '1';

export async function readMeta(connection: WarehouseConnection): Promise<WarehouseMeta | null> {
  if (!(await connection.tableExists(metaTables.meta.name))) return null;
  const rows = await connection.query<{ key: string; value: string }>(`SELECT key, value FROM ${metaTables.meta.name}`);
  const values = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  if (!values.watermark) return null;
  return {
    watermark: values.watermark,
    builtAt: values.builtAt,
    refreshedAt: values.refreshedAt,
    engine: values.engine,
    formatVersion: values.formatVersion,
  };
}

export async function writeMeta(connection: WarehouseConnection, meta: WarehouseMeta): Promise<void> {
  await connection.exec(`DELETE FROM ${metaTables.meta.name}`);
  const writer = await connection.writer(metaTables.meta);
  for (const [key, value] of Object.entries(meta)) if (value !== undefined) writer.append([key, value]);
  await writer.close();
}

export async function saveRegisters(connection: WarehouseConnection, optOuts: OptOutRegister, directory: OrganisationDirectory): Promise<void> {
  await connection.exec(`DELETE FROM ${metaTables.optOuts.name}; DELETE FROM ${metaTables.organisationDirectory.name}; DELETE FROM ${metaTables.roleDirectory.name}`);
  const optOutWriter = await connection.writer(metaTables.optOuts);
  for (const [consentKey, patientKey] of optOuts.entries()) optOutWriter.append([consentKey, patientKey]);
  await optOutWriter.close();
  const directoryWriter = await connection.writer(metaTables.organisationDirectory);
  for (const e of directory.entries()) directoryWriter.append([e.id, e.odsCode, e.name, e.kind, e.placeCode, e.parentOds, e.parentId]);
  await directoryWriter.close();
  const roleWriter = await connection.writer(metaTables.roleDirectory);
  for (const [id, role] of directory.roleEntries()) roleWriter.append([id, role.ods, role.organisationId]);
  await roleWriter.close();
}

export async function loadRegisters(connection: WarehouseConnection, optOuts: OptOutRegister, directory: OrganisationDirectory): Promise<void> {
  for (const row of await connection.query<{ resource_key: number | string; patient_key: string }>(`SELECT resource_key, patient_key FROM ${metaTables.optOuts.name}`)) {
    optOuts.add(BigInt(row.resource_key), row.patient_key);
  }
  const rows = await connection.query<Record<string, string | null>>(`SELECT * FROM ${metaTables.organisationDirectory.name}`);
  for (const r of rows) {
    directory.set({ id: r.resource_id as string, odsCode: r.ods_code, name: r.name, kind: r.kind, placeCode: r.place_code, parentOds: r.parent_ods, parentId: r.parent_id });
  }
  for (const r of await connection.query<Record<string, string | null>>(`SELECT * FROM ${metaTables.roleDirectory.name}`)) {
    directory.setRole(r.resource_id as string, r.ods_code, r.organisation_id);
  }
}
