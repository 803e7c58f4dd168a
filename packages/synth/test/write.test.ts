import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFootprint, type Manifest } from '../src/write';
import { groundTruthByCondition, readGroundTruth } from '../src/ground-truth';

/** The files on disk: deterministic for a seed, described exactly by the manifest. */
describe('writeFootprint', () => {
  const dirs: string[] = [];
  const temp = () => {
    const d = mkdtempSync(join(tmpdir(), 'footprint-synth-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const options = { footprint: 'herefordshire-and-worcestershire', people: 3000, seed: 99 };

  it('writes byte-identical output for the same seed and different output for another seed', async () => {
    const [a, b, c] = [temp(), temp(), temp()];
    await writeFootprint({ ...options, outDir: a });
    await writeFootprint({ ...options, outDir: b, chunkSize: 777, workers: 2 });
    await writeFootprint({ ...options, seed: 100, outDir: c });
    const names = readdirSync(a).sort();
    expect(readdirSync(b).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(b, name)).equals(readFileSync(join(a, name))), name).toBe(true);
    expect(readFileSync(join(c, 'ground-truth.ndjson')).equals(readFileSync(join(a, 'ground-truth.ndjson')))).toBe(false);
  });

  it('describes every file with its organisation, count and SHA-256, directory first, and leaves no partial files', async () => {
    const dir = temp();
    const manifest = await writeFootprint({ ...options, outDir: dir });
    const onDisk = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(onDisk).toEqual(manifest);
    expect(manifest.files[0].organisation.kind).toBe('partnership');
    expect(manifest.files[0].byType.Organization).toBe(manifest.organisations.length);
    expect(manifest.people).toBe(3000);
    expect(manifest.counts.Patient).toBe(3000);
    for (const file of [...manifest.files, manifest.groundTruth]) {
      const bytes = readFileSync(join(dir, file.path));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(bytes.toString('utf8').trimEnd().split('\n')).toHaveLength(file.resources);
    }
    expect(manifest.resources).toBe(manifest.files.reduce((s, f) => s + f.resources, 0));
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
    const kinds = new Set(manifest.files.map((f) => f.organisation.kind));
    for (const k of ['partnership', 'gp_practice', 'acute_trust', 'community_provider', 'mental_health_provider', 'local_authority', 'voluntary']) expect(kinds).toContain(k);
    expect(manifest.files.find((f) => f.organisation.code === 'RWP')).toBeDefined();
    let records = 0;
    for await (const r of readGroundTruth(join(dir, manifest.groundTruth.path))) {
      expect(r.patient.startsWith(manifest.idPrefix)).toBe(true);
      records++;
    }
    expect(records).toBe(3000);
    const byCondition = await groundTruthByCondition(join(dir, manifest.groundTruth.path));
    expect(byCondition.get('hypertension')!.undiagnosed.size).toBeGreaterThan(0);
  });

  it('rejects bad options with a message naming the problem and writes nothing', async () => {
    const dir = temp();
    await expect(writeFootprint({ ...options, footprint: 'nowhere', outDir: dir })).rejects.toThrow(/Unknown footprint "nowhere"/);
    await expect(writeFootprint({ ...options, footprint: 'E54000005', outDir: dir })).rejects.toThrow(/West Yorkshire and Harrogate.*JSON file/);
    await expect(writeFootprint({ ...options, people: 0, outDir: dir })).rejects.toThrow(/people must be/);
    await expect(writeFootprint({ ...options, people: 2_000_000, outDir: dir })).rejects.toThrow(/NHS number test range/);
    await expect(writeFootprint({ ...options, referenceDate: '2026-02-30', outDir: dir })).rejects.toThrow(/not a date/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
