import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouseFromNdjson, openWarehouseHandle, organisationKindLabel, WarehouseNotBuiltError, type WarehouseHandle } from '../src';
import { enginesUnderTest, type EngineUnderTest } from './engines';
import { allResources, writeNdjson } from './fixtures';

/** The platform's warehouse handle on each engine: before a build, after one, and across a rebuild. */
for (const { name, create } of enginesUnderTest()) {
  describe(`the warehouse handle (${name})`, () => {
    let dir: string;
    let engine: EngineUnderTest;
    let handle: WarehouseHandle;
    const options = () => ({ dataDir: dir, engine: engine.name, databaseUrl: engine.databaseUrl, schema: engine.schema });

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'footprint-warehouse-handle-'));
      engine = create();
      await writeNdjson(join(dir, 'ndjson'));
      // Fewer organisations the second time, so a rebuild shows in what the handle reads.
      await writeNdjson(join(dir, 'smaller'), allResources().filter((r) => r.id !== 'la-1'));
      handle = openWarehouseHandle(options());
    });
    afterAll(async () => {
      await handle?.close();
      await engine?.cleanUp();
      await rm(dir, { recursive: true, force: true });
    });

    it('says there is no warehouse until one is built, without failing to open', async () => {
      expect(await handle.isBuilt()).toBe(false);
      expect(await handle.meta()).toBeNull();
      await expect(handle.cacheKey()).rejects.toBeInstanceOf(WarehouseNotBuiltError);
      await expect(handle.query('SELECT 1 AS one FROM patients')).rejects.toThrow(/footprint warehouse build/);
    });

    it('finds a warehouse built after it was opened, and reads organisations and places with their kinds', async () => {
      await buildWarehouseFromNdjson(join(dir, 'ndjson'), options());
      expect(await handle.isBuilt()).toBe(true);
      const { organisations: orgs, places } = await handle.referenceData();
      expect(orgs.map((o) => o.code).sort()).toEqual(['LCC01', 'N82001', 'REM', 'RW4', 'U12345']);
      expect(orgs.map((o) => o.name)).toEqual([...orgs.map((o) => o.name)].sort());
      expect(orgs.find((o) => o.code === 'N82001')).toMatchObject({ kind: 'gp_practice', parentCode: 'U12345' });
      expect(organisationKindLabel(orgs.find((o) => o.code === 'LCC01')!.kind)).toBe('Council');
      expect(places.length).toBeGreaterThan(0);
    });

    it('follows a rebuild and names it in a new cache key', async () => {
      const before = await handle.cacheKey();
      await buildWarehouseFromNdjson(join(dir, 'smaller'), options());
      expect(await handle.cacheKey()).not.toBe(before);
      const { organisations: orgs } = await handle.referenceData();
      expect(orgs.map((o) => o.code)).not.toContain('LCC01');
    });

    it('writes a query to a file itself where the engine can, and says so where it cannot', async () => {
      const out = join(dir, 'patients.csv');
      const written = await handle.copyTo('SELECT patient_key FROM patients ORDER BY patient_key', out, 'csv');
      const [count] = await handle.query<{ n: number }>('SELECT count(*) AS n FROM patients');
      if (engine.name === 'postgres') {
        expect(written).toBeNull(); // the caller writes the rows itself
        return;
      }
      expect(written).toBe(Number(count.n));
      expect((await readFile(out, 'utf8')).trim().split('\n')).toHaveLength(Number(count.n) + 1);
    });
  });
}
