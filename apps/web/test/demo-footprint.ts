import { join } from 'node:path';
import { importFiles, PostgresRepository, systemContext, type Repository, type SqlClient } from '@footprint/record';
import { organizationId, writeFootprint } from '@footprint/synth';
import { buildWarehouse } from '@footprint/warehouse';

/**
 * Loads a small synthetic footprint the way `footprint demo` does: SYNTH writes NDJSON files per
 * organisation, the record imports them through `importFiles` (so the Data feeds page has real
 * import runs), each as recorded by its organisation (which decides who sees sensitive items), and the warehouse is built from the record, so the browser sees real data end to end.
 */
export async function loadSyntheticFootprint(
  platform: { record: Repository; sql: SqlClient; dataDir: string },
  people: number,
  seed = 20261123,
  options: { duplicates?: boolean } = {},
): Promise<void> {
  const outDir = join(platform.dataDir, 'synthetic-footprint');
  const manifest = await writeFootprint({ footprint: 'cheshire-and-merseyside', people, seed, outDir, ...options });
  for (const file of manifest.files) {
    const recordedBy = { ...systemContext('SYSADMIN', 'web-test'), organisation: { reference: `Organization/${organizationId(file.organisation.code)}`, odsCode: file.organisation.code } };
    await importFiles(platform.record, recordedBy, [join(outDir, file.path)], {
      sql: platform.sql,
      organisation: file.organisation.code,
      repositoryIn: (tx) => new PostgresRepository(tx),
    });
  }
  await buildWarehouse({ dataDir: platform.dataDir, record: platform.record });
}
