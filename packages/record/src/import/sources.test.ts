import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSourceFiles } from './sources';

describe('findSourceFiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'footprint-sources-'));
    for (const name of ['RBQ.ndjson', 'manifest.json', 'ground-truth.ndjson', 'credentials.json', 'notes.txt', 'Z10001.ndjson.gz']) {
      await writeFile(path.join(dir, name), '');
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes over a generated footprint’s manifest and ground truth, credentials and non-FHIR files in a folder', async () => {
    const files = await findSourceFiles([dir]);
    expect(files.map((f) => path.basename(f.path))).toEqual(['RBQ.ndjson', 'Z10001.ndjson.gz']);
  });

  it('still reads such a file when it is named explicitly', async () => {
    const files = await findSourceFiles([path.join(dir, 'ground-truth.ndjson')]);
    expect(files).toHaveLength(1);
  });
});
