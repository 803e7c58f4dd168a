import pg from 'pg';
import type { ColumnType, TableSpec } from '../tables';
import { SqlDialect, type BuildSession, type TableWriter, type WarehouseConnection, type WarehouseEngine } from './engine';
import { WarehouseNotBuiltError } from './duckdb';

/**
 * The PostgreSQL engine: the warehouse is one schema (default `warehouse`) on a server. A build
 * fills `<schema>__building` and swaps it in with a schema rename inside one transaction, so
 * readers see the old warehouse or the new one, never a mixture. The same tables, keyed by
 * patient_key, distribute on Citus.
 */
export class PostgresEngine implements WarehouseEngine {
  readonly name = 'postgres' as const;

  constructor(
    private readonly connectionString: string,
    readonly schema = 'warehouse',
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid warehouse schema name "${schema}": use lower-case letters, digits and underscores`);
  }

  get location(): string {
    try {
      const url = new URL(this.connectionString);
      return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}, schema ${this.schema}`;
    } catch {
      return `PostgreSQL, schema ${this.schema}`;
    }
  }

  async beginBuild(): Promise<BuildSession> {
    const building = `${this.schema}__building`;
    const client = await this.connect();
    const dialect = new PostgresDialect();
    await client.query(`DROP SCHEMA IF EXISTS ${dialect.quote(building)} CASCADE; CREATE SCHEMA ${dialect.quote(building)}; SET search_path TO ${dialect.quote(building)}`);
    const connection = new PostgresConnection(client);
    const live = this.schema;
    return Object.assign(connection, {
      async commit() {
        await client.query(
          `BEGIN; DROP SCHEMA IF EXISTS ${dialect.quote(live)} CASCADE; ALTER SCHEMA ${dialect.quote(building)} RENAME TO ${dialect.quote(live)}; COMMIT`,
        );
        await connection.close();
      },
      async abort() {
        await client.query(`DROP SCHEMA IF EXISTS ${dialect.quote(building)} CASCADE`);
        await connection.close();
      },
    });
  }

  async open(): Promise<WarehouseConnection> {
    const client = await this.connect();
    const found = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [this.schema]);
    if (found.rowCount === 0) {
      await client.end();
      throw new WarehouseNotBuiltError(`No warehouse in schema ${this.schema}: run \`footprint warehouse build --engine postgres\` first`);
    }
    await client.query(`SET search_path TO ${new PostgresDialect().quote(this.schema)}`);
    return new PostgresConnection(client);
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, types: { getTypeParser } });
    await client.connect();
    return client;
  }
}

/** Numbers as numbers and dates as ISO strings, as the DuckDB engine gives them. */
function getTypeParser(oid: number, format?: string): (value: string) => unknown {
  switch (oid) {
    case 20: // int8
      return (value) => (Number.isSafeInteger(Number(value)) ? Number(value) : value);
    case 1700: // numeric
      return (value) => Number(value);
    case 1082: // date
      return (value) => value;
    default:
      return pg.types.getTypeParser(oid, format as 'text');
  }
}

class PostgresDialect extends SqlDialect {
  override columnType(type: ColumnType): string {
    return type === 'DOUBLE' ? 'DOUBLE PRECISION' : type;
  }
}

class PostgresConnection implements WarehouseConnection {
  readonly dialect = new PostgresDialect();
  private closed = false;
  /** The last query sent: one client runs one query at a time, so concurrent callers (a page's figures) wait their turn. */
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: pg.Client) {}

  async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    const values = params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
    const result = this.last.then(() => this.client.query(sql, values));
    this.last = result.catch(() => undefined);
    return (await result).rows as R[];
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async writer(table: TableSpec): Promise<TableWriter> {
    return new PostgresWriter(this.client, table, this.dialect);
  }

  async deleteWhereIn(table: string, column: string, keys: ReadonlyArray<string | bigint>): Promise<number> {
    if (keys.length === 0) return 0;
    const bigints = typeof keys[0] === 'bigint';
    const sql = `DELETE FROM ${this.dialect.quote(table)} WHERE ${this.dialect.quote(column)} = ANY($1::${bigints ? 'bigint' : 'varchar'}[])`;
    const result = await this.client.query(sql, [keys.map(String)]);
    return result.rowCount ?? 0;
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const result = await fn();
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK');
      throw error;
    }
  }

  async tableExists(name: string): Promise<boolean> {
    const result = await this.client.query('SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.end();
  }
}

/** Buffers rows column by column and inserts each batch with one `INSERT ... SELECT FROM unnest(...)`. */
class PostgresWriter implements TableWriter {
  private columns: unknown[][];
  private readonly sql: string;

  constructor(
    private readonly client: pg.Client,
    private readonly table: TableSpec,
    dialect: PostgresDialect,
  ) {
    this.columns = table.columns.map(() => []);
    const names = table.columns.map((c) => dialect.quote(c.name)).join(', ');
    const arrays = table.columns.map((c, i) => `$${i + 1}::${dialect.columnType(c.type)}[]`).join(', ');
    this.sql = `INSERT INTO ${dialect.quote(table.name)} (${names}) SELECT * FROM unnest(${arrays})`;
  }

  append(row: readonly unknown[]): void {
    const { columns } = this;
    for (let i = 0; i < columns.length; i++) {
      const value = row[i];
      columns[i].push(value === undefined ? null : typeof value === 'bigint' ? value.toString() : value);
    }
  }

  async flush(): Promise<void> {
    if (this.columns[0].length === 0) return;
    const batch = this.columns;
    this.columns = this.table.columns.map(() => []);
    await this.client.query(this.sql, batch);
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
