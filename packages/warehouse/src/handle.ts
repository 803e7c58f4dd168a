import { resolveEngine, type WarehouseOptions } from './build';
import { WarehouseNotBuiltError, type EngineName, type WarehouseConnection, type WarehouseEngine } from './engines';
import { readMeta, type WarehouseMeta } from './meta';
import { readReferenceData, type ReferenceData } from './reference-reads';

export type WarehouseHandleOptions = Pick<WarehouseOptions, 'dataDir' | 'engine' | 'databaseUrl' | 'schema'>;

/**
 * The platform's one way into the warehouse, whichever engine holds it. Opened once when the
 * platform opens (no I/O until first used), it connects on first use and again after a failed
 * attempt, so a warehouse built after the server started is found. It follows rebuilds: the DuckDB
 * connection reopens when a build renames a new file into place, and the PostgreSQL connection names
 * its schema, which a build swaps in by rename. `cacheKey()` names the build and the last refresh,
 * so results cached against it expire with them.
 */
export class WarehouseHandle {
  readonly engine: EngineName;
  readonly location: string;
  private connection: Promise<WarehouseConnection> | null = null;
  private closed = false;

  constructor(private readonly source: WarehouseEngine) {
    this.engine = source.name;
    this.location = source.location;
  }

  private connect(): Promise<WarehouseConnection> {
    if (this.closed) return Promise.reject(new Error(`the warehouse handle for ${this.location} is closed`));
    this.connection ??= this.source.open().catch((error: unknown) => {
      this.connection = null;
      throw error;
    });
    return this.connection;
  }

  /** Whether a warehouse has been built (false, not an error, when there is none yet). */
  async isBuilt(): Promise<boolean> {
    return (await this.meta()) !== null;
  }

  /** Watermark and build times, or null when no warehouse has been built. */
  async meta(): Promise<WarehouseMeta | null> {
    try {
      return await readMeta(await this.connect());
    } catch (error) {
      if (error instanceof WarehouseNotBuiltError) return null;
      throw error;
    }
  }

  /** Identifies the current build and refresh; throws WarehouseNotBuiltError when there is none. */
  async cacheKey(): Promise<string> {
    const meta = await this.meta();
    if (!meta) throw new WarehouseNotBuiltError(`No warehouse at ${this.location}: run \`footprint warehouse build\` first`);
    return `${this.engine}:${this.location}:${meta.builtAt}:${meta.refreshedAt ?? ''}:${meta.watermark}`;
  }

  /** Runs SQL (`$1` placeholders) and returns plain rows; throws WarehouseNotBuiltError when there is no warehouse. */
  async query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]> {
    return (await this.connect()).query<R>(sql, params);
  }

  /** The organisations and places the warehouse holds. */
  async referenceData(): Promise<ReferenceData> {
    return readReferenceData(this);
  }

  /**
   * Writes a query's result to a CSV or Parquet file inside the database when the engine can
   * (DuckDB), returning the row count; null when it cannot, and the caller writes the rows itself.
   */
  async copyTo(sql: string, path: string, format: 'csv' | 'parquet'): Promise<number | null> {
    const connection = await this.connect();
    return connection.copyQueryTo ? connection.copyQueryTo(sql, path, format) : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = null;
    if (connection) await connection.then((c) => c.close()).catch(() => undefined);
  }
}

/** The warehouse handle for the configured engine (DuckDB file in the data directory by default, or a PostgreSQL schema). */
export function openWarehouseHandle(options: WarehouseHandleOptions): WarehouseHandle {
  return new WarehouseHandle(resolveEngine(options));
}
