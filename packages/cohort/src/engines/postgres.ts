import { PostgresCompiler } from '../sql/postgres-compiler';
import { SqlEngine } from './sql-engine';

/** Anything that runs SQL text and returns rows: a `pg` Pool or Client, or PGlite. */
export interface PostgresQueryable {
  query(sql: string): Promise<{ rows: unknown[] }>;
}

export interface PostgresEngineOptions {
  /** Schema holding the warehouse tables; default: the search path. */
  schema?: string;
  universe?: string;
  cacheKey?: string;
}

/** The PostgreSQL engine: the same compiler with PostgreSQL's hooks; runs on Citus by patient_key. */
export class PostgresEngine extends SqlEngine {
  readonly name = 'postgres' as const;
  readonly cacheKey: string;
  protected readonly compiler: PostgresCompiler;

  constructor(
    private readonly client: PostgresQueryable,
    options: PostgresEngineOptions = {},
  ) {
    super();
    this.compiler = new PostgresCompiler({ universe: options.universe ?? 'patients' }, options.schema ?? null);
    this.cacheKey = options.cacheKey ?? `postgres:${options.schema ?? ''}:${Math.random().toString(36).slice(2)}`;
  }

  protected async run(sql: string): Promise<Record<string, unknown>[]> {
    const result = await this.client.query(sql);
    return result.rows as Record<string, unknown>[];
  }

  async sql(sql: string): Promise<Record<string, unknown>[]> {
    return this.run(sql);
  }
}
