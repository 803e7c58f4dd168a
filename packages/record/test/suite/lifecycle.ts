import { afterAll, beforeAll } from 'vitest';
import type { OpenRecord } from '../../src/create-record';
import type { SuiteOptions } from './context';

/** Opens a fresh record for the enclosing describe block and closes it afterwards. */
export function useRecord(options: SuiteOptions): () => OpenRecord {
  let record: OpenRecord | undefined;
  beforeAll(async () => {
    record = await options.open();
  });
  afterAll(async () => {
    await record?.close();
  });
  return () => {
    if (!record) throw new Error('record not open');
    return record;
  };
}
