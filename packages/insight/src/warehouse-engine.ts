import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createSqlEngine, openDuckDbEngine, type CohortEngine, type DuckDbEngine, type MeasureNode, type MeasureRow, type Row, type Dataset, type DatasetNode } from '@footprint/cohort';
import { InsightInputError } from './errors';

/**
 * A cohort engine over `<dataDir>/warehouse.duckdb` that follows rebuilds: the warehouse build
 * renames a new file into place, so before each query the file is checked (one stat) and reopened
 * when it changed. The cache key names the build, so cached results expire with it.
 */
export class WarehouseFileEngine implements CohortEngine {
  readonly name = 'duckdb' as const;
  private current: { engine: DuckDbEngine; stamp: string } | null = null;
  private opening: Promise<DuckDbEngine> | null = null;

  constructor(readonly path: string) {}

  get cacheKey(): string {
    return `warehouse:${this.path}:${this.stamp() ?? 'missing'}`;
  }

  private stamp(): string | null {
    try {
      const s = statSync(this.path);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return null;
    }
  }

  /** The engine for the current build, reopening after a rebuild. */
  async engine(): Promise<DuckDbEngine> {
    const stamp = this.stamp();
    if (stamp === null) throw new InsightInputError(`no warehouse at ${this.path}: build it first (footprint warehouse build)`);
    if (this.current && this.current.stamp === stamp) return this.current.engine;
    if (!this.opening) {
      this.opening = (async () => {
        const previous = this.current;
        const engine = await openDuckDbEngine(this.path, { cacheKey: `warehouse:${this.path}:${stamp}` });
        this.current = { engine, stamp };
        previous?.engine.close();
        return engine;
      })().finally(() => {
        this.opening = null;
      });
    }
    return this.opening;
  }

  async execute(dataset: Dataset | DatasetNode): Promise<Row[]> {
    return (await this.engine()).execute(dataset);
  }

  async measure(measure: MeasureNode): Promise<MeasureRow[]> {
    return (await this.engine()).measure(measure);
  }

  close(): void {
    this.current?.engine.close();
    this.current = null;
  }
}

/** The insight engine for a data directory's DuckDB warehouse (`<dataDir>/warehouse.duckdb`). */
export function engineForDataDir(dataDir: string): WarehouseFileEngine {
  return new WarehouseFileEngine(join(dataDir, 'warehouse.duckdb'));
}

/** What insight needs from an opened warehouse (`openWarehouse()` from @footprint/warehouse). */
export interface WarehouseLike {
  readonly engine: string;
  readonly location: string;
  query(sql: string): Promise<Record<string, unknown>[]>;
  meta(): Promise<{ watermark: string; builtAt: string; refreshedAt?: string } | null>;
}

/**
 * A cohort engine over an opened warehouse (DuckDB or PostgreSQL), for the web API. The cache key
 * is the warehouse's build and refresh stamp, re-read at most every `ttlMs` (a refresh shows in
 * dashboard figures within that time).
 */
export async function engineForWarehouse(warehouse: WarehouseLike, options: { ttlMs?: number } = {}): Promise<CohortEngine> {
  if (warehouse.engine !== 'duckdb' && warehouse.engine !== 'postgres') throw new InsightInputError(`unsupported warehouse engine ${warehouse.engine}`);
  const ttl = options.ttlMs ?? 5000;
  const stampOf = async () => {
    const meta = await warehouse.meta();
    return `${warehouse.location}:${meta?.watermark ?? ''}:${meta?.builtAt ?? ''}:${meta?.refreshedAt ?? ''}`;
  };
  let stamp = await stampOf();
  let checked = Date.now();
  let checking: Promise<void> | null = null;
  const inner = createSqlEngine(warehouse.engine, (sql) => warehouse.query(sql), { cacheKey: stamp });
  const refreshStamp = async (): Promise<void> => {
    if (Date.now() - checked < ttl) return;
    checking ??= stampOf()
      .then((s) => {
        stamp = s;
        checked = Date.now();
      })
      .finally(() => {
        checking = null;
      });
    await checking;
  };
  return {
    name: warehouse.engine,
    /** Reading the key starts a re-check when it is stale, so cached results cannot hide a refresh for long. */
    get cacheKey() {
      if (Date.now() - checked >= ttl) refreshStamp().catch(() => {});
      return stamp;
    },
    async execute(dataset) {
      await refreshStamp();
      return inner.execute(dataset);
    },
    async measure(measure) {
      await refreshStamp();
      return inner.measure(measure);
    },
  };
}
