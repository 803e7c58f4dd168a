import type { SqlClient } from '@footprint/record';
import type { AreaType, IndicatorValue } from '../types';

/** What to read: every filter is optional; `from` and `to` are inclusive months `YYYY-MM`. */
export interface IndicatorValueQuery {
  indicatorId?: string;
  areaCode?: string;
  areaType?: AreaType;
  /** '' for everyone; a `<dimension>:<group>` breakdown; undefined for every breakdown. */
  breakdown?: string;
  from?: string;
  to?: string;
}

interface ValueRow extends Record<string, unknown> {
  indicator_id: string;
  area_code: string;
  area_type: AreaType;
  period: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  lower_95: number | null;
  upper_95: number | null;
  lower_99_8: number | null;
  upper_99_8: number | null;
  note: string | null;
  synthetic: boolean;
}

const COLUMNS = 'indicator_id, area_code, area_type, period, breakdown, value, numerator, denominator, lower_95, upper_95, lower_99_8, upper_99_8, note, synthetic';
const PER_INSERT = 500;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function fromRow(r: ValueRow): IndicatorValue {
  return {
    indicatorId: r.indicator_id,
    areaCode: r.area_code,
    areaType: r.area_type,
    period: r.period,
    breakdown: r.breakdown,
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    lower95: num(r.lower_95),
    upper95: num(r.upper_95),
    lower998: num(r.lower_99_8),
    upper998: num(r.upper_99_8),
    note: r.note,
    synthetic: r.synthetic,
  };
}

/**
 * Indicator values on the platform's PostgreSQL (the `performance` migrations). Writes replace
 * whole indicators in one transaction: a refresh or an import is kept entire, or not at all.
 */
export class IndicatorValueStore {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Replaces every value of the indicators named in `indicatorIds` with `values` (which must
   * belong to those indicators), in one transaction. Returns how many rows were written.
   */
  async replace(indicatorIds: readonly string[], values: readonly IndicatorValue[]): Promise<number> {
    const allowed = new Set(indicatorIds);
    const stray = values.find((v) => !allowed.has(v.indicatorId));
    if (stray) throw new Error(`a value for ${stray.indicatorId} was given to replace only ${[...allowed].join(', ')}`);
    return this.sql.transaction(async (tx) => {
      if (indicatorIds.length) await tx.query('DELETE FROM performance_indicator_value WHERE indicator_id = ANY($1::text[])', [[...indicatorIds]]);
      return insert(tx, values);
    });
  }

  /** Adds or overwrites values (by indicator, area, breakdown and period), in one transaction. */
  async upsert(values: readonly IndicatorValue[]): Promise<number> {
    return this.sql.transaction((tx) => insert(tx, values, true));
  }

  async list(query: IndicatorValueQuery = {}): Promise<IndicatorValue[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (query.indicatorId !== undefined) add('indicator_id = ?', query.indicatorId);
    if (query.areaCode !== undefined) add('area_code = ?', query.areaCode);
    if (query.areaType !== undefined) add('area_type = ?', query.areaType);
    if (query.breakdown !== undefined) add('breakdown = ?', query.breakdown);
    if (query.from !== undefined) add('period >= ?', query.from);
    if (query.to !== undefined) add('period <= ?', query.to);
    const { rows } = await this.sql.query<ValueRow>(
      `SELECT ${COLUMNS} FROM performance_indicator_value ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY indicator_id, area_type, area_code, breakdown, period`,
      params,
    );
    return rows.map(fromRow);
  }

  /** One area's monthly series of an indicator, oldest first (for SPC). */
  async series(indicatorId: string, areaCode: string, breakdown = ''): Promise<IndicatorValue[]> {
    return this.list({ indicatorId, areaCode, breakdown });
  }

  /** The indicators that have values, with their latest period. */
  async latestPeriods(): Promise<Map<string, string>> {
    const { rows } = await this.sql.query<{ indicator_id: string; latest: string }>('SELECT indicator_id, max(period) AS latest FROM performance_indicator_value GROUP BY indicator_id');
    return new Map(rows.map((r) => [r.indicator_id, r.latest]));
  }
}

async function insert(tx: SqlClient, values: readonly IndicatorValue[], overwrite = false): Promise<number> {
  for (let start = 0; start < values.length; start += PER_INSERT) {
    const chunk = values.slice(start, start + PER_INSERT);
    const params: unknown[] = [];
    const tuples = chunk.map((v) => {
      const row = [v.indicatorId, v.areaCode, v.areaType, v.period, v.breakdown, v.value, v.numerator, v.denominator, v.lower95, v.upper95, v.lower998, v.upper998, v.note, v.synthetic];
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await tx.query(
      `INSERT INTO performance_indicator_value (${COLUMNS}) VALUES ${tuples.join(', ')}` +
        (overwrite
          ? ' ON CONFLICT (indicator_id, area_code, breakdown, period) DO UPDATE SET area_type = EXCLUDED.area_type, value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, lower_95 = EXCLUDED.lower_95, upper_95 = EXCLUDED.upper_95, lower_99_8 = EXCLUDED.lower_99_8, upper_99_8 = EXCLUDED.upper_99_8, note = EXCLUDED.note, synthetic = EXCLUDED.synthetic, loaded_at = now()'
          : ''),
      params,
    );
  }
  return values.length;
}
