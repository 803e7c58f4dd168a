import type { DirectoryEvent } from '../organisation-directory';
import type { OptOutEvent } from '../opt-outs';
import type { WarehouseTableName } from '../tables';

/** Sent once to each flattening worker: the key and the registers as the reference pass left them. */
export interface WorkerSetup {
  keyHex: string;
  directory: DirectoryEvent[];
  optOuts: OptOutEvent[];
}

/** A chunk of NDJSON lines to flatten. */
export interface ChunkRequest {
  id: number;
  path: string;
  firstLine: number;
  text: string;
}

/** The rows of one chunk, and what it changed in the registers. */
export interface ChunkResult {
  id: number;
  resources: number;
  rows: Partial<Record<WarehouseTableName, unknown[][]>>;
  directory: DirectoryEvent[];
  optOuts: OptOutEvent[];
  error?: string;
}
