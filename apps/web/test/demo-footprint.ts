import type { Resource } from '@medplum/fhirtypes';
import { systemContext, type Repository } from '@footprint/record';
import { generateFootprint } from '@footprint/synth';
import { buildWarehouse } from '@footprint/warehouse';

/**
 * Loads a small synthetic footprint into the record with SYNTH's generator (the same code
 * `footprint demo` uses) through the record's bulk import, then builds the warehouse from the
 * record, so the browser sees real data end to end.
 */
export async function loadSyntheticFootprint(platform: { record: Repository; dataDir: string }, people: number, seed = 20261123): Promise<void> {
  const ctx = systemContext();
  let pending: Resource[] = [];
  const flush = async () => {
    for (let i = 0; i < pending.length; i += 2000) await platform.record.importBatch(ctx, pending.slice(i, i + 2000) as never);
    pending = [];
  };
  await generateFootprint(
    { footprint: 'cheshire-and-merseyside', people, seed },
    {
      resource: (_organisation, resource) => {
        pending.push(resource as Resource);
      },
      groundTruth: () => undefined,
      flush,
    },
    { chunkSize: 200 },
  );
  await flush();
  await buildWarehouse({ dataDir: platform.dataDir, record: platform.record });
}
