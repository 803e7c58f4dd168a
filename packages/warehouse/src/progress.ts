/** Progress of a build or refresh, reported as it runs (the CLI draws bars with rate and ETA). */
export interface WarehouseProgress {
  phase: 'reference' | 'resources' | 'finishing' | 'done';
  /** Resources read so far in this phase. */
  resources: number;
  /** Rows written so far. */
  rows: number;
  /** Resources expected in this phase, when known. */
  total?: number;
  /** A line of text for the user (never patient data). */
  message?: string;
}

export type ProgressListener = (progress: WarehouseProgress) => void;

/** What a build or refresh did. */
export interface WarehouseRunResult {
  mode: 'build' | 'refresh';
  engine: string;
  location: string;
  /** Resources read from the source. */
  resources: number;
  /** Rows written. */
  rows: number;
  seconds: number;
  /** Record watermark the warehouse now reflects ('0' for a build from files). */
  watermark: string;
  /** Patients left out because they opted out. */
  optedOutPatients: number;
  /** Rows in each table afterwards. */
  tables: Record<string, number>;
}
