import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, type PostgresKind } from '@footprint/testing';
import { expect } from 'vitest';
import { engageMigrationSets } from '../../src';

/** A record with engagement's migrations on fresh storage of `kind`. */
export function openEngageRecord(kind: PostgresKind, prefix: string): Promise<OpenRecord> {
  return openOnTestStorage(kind, prefix, (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...engageMigrationSets] }));
}

/** The error a promise rejects with (failing the test if it resolves). */
export async function refusal(promise: Promise<unknown>): Promise<Error & { status: number; title: string; detail: string }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error & { status: number; title: string; detail: string };
}

export const lead = { id: 'u-lead', name: 'Pat Lead' };
export const admin = { id: 'u-admin', name: 'Alex Admin' };
