import { CohortError } from '../errors';
import type { CompilerOptions, SqlCompiler } from '../sql/compiler';
import { DuckDbCompiler } from '../sql/duckdb-compiler';
import { PostgresCompiler } from '../sql/postgres-compiler';
import { SqlEngine } from './sql-engine';

/** Runs SQL text and returns rows as plain objects (e.g. a warehouse connection's `query`). */
export type SqlRunner = (sql: string) => Promise<Record<string, unknown>[]>;

export type SqlDialectName = 'duckdb' | 'postgres';

/** Each dialect's compiler: adding an engine is one entry here, never a branch in shared code. */
const compilers: Record<SqlDialectName, (options: CompilerOptions, schema: string | null) => SqlCompiler> = {
  duckdb: (options) => new DuckDbCompiler(options),
  postgres: (options, schema) => new PostgresCompiler(options, schema),
};

/** A cohort engine over any connection that runs SQL, for a named dialect. */
export class RunnerEngine extends SqlEngine {
  protected readonly compiler: SqlCompiler;
  constructor(
    readonly name: SqlDialectName,
    private readonly runner: SqlRunner,
    readonly cacheKey: string,
    options: { universe?: string; schema?: string } = {},
  ) {
    super();
    const make = compilers[name];
    if (!make) throw new CohortError(`unknown SQL dialect ${String(name)}: choose ${Object.keys(compilers).join(' or ')}`);
    this.compiler = make({ universe: options.universe ?? 'patients' }, options.schema ?? null);
  }
  protected run(sql: string): Promise<Record<string, unknown>[]> {
    return this.runner(sql);
  }
  /** Runs arbitrary SQL on the same connection. */
  sql(sql: string): Promise<Record<string, unknown>[]> {
    return this.runner(sql);
  }
}

export function createSqlEngine(dialect: SqlDialectName, runner: SqlRunner, options: { cacheKey: string; universe?: string; schema?: string }): RunnerEngine {
  return new RunnerEngine(dialect, runner, options.cacheKey, options);
}
