import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CohortEngine } from '@footprint/cohort';
import {
  caseFindingCounts,
  engineForDataDir,
  footprintProfile,
  listRegisters,
  registerPrevalence,
  type WarehouseFileEngine,
} from '@footprint/insight';
import { ApiProblem } from './problem';

/** The warehouse's reference tables (docs/warehouse-tables.md) as the web API uses them. */
export interface WarehouseOrganisation {
  code: string;
  name: string;
  kind: string;
  placeCode: string | null;
  parentCode: string | null;
}

export interface WarehousePlace {
  code: string;
  name: string;
  footprintId: string | null;
  deliverySystem: string | null;
}

/**
 * The pseudonymised warehouse (`<dataDir>/warehouse.duckdb`) as a cohort engine for insight's
 * functions (insight's engine follows rebuilds itself), plus the reference tables the pages name
 * places and organisations from. Answers 503 with what to do when no warehouse has been built.
 */
export class InsightSource {
  private readonly files: WarehouseFileEngine;
  private reference?: { key: string; organisations: WarehouseOrganisation[]; places: WarehousePlace[] };
  private warming?: Promise<void>;
  private closing = false;

  constructor(private readonly dataDir: string) {
    this.files = engineForDataDir(dataDir);
  }

  async engine(): Promise<CohortEngine> {
    if (!existsSync(join(this.dataDir, 'warehouse.duckdb'))) {
      throw new ApiProblem(503, 'Population figures are not available yet', 'The warehouse has not been built. Run `footprint warehouse build`.');
    }
    return this.files;
  }

  /** The warehouse's organisations and places, read once per build. */
  async referenceData(): Promise<{ organisations: WarehouseOrganisation[]; places: WarehousePlace[] }> {
    await this.engine();
    const key = this.files.cacheKey;
    if (this.reference?.key === key) return this.reference;
    const duckdb = await this.files.engine();
    const [organisations, places] = await Promise.all([
      duckdb.sql('SELECT organisation_code, name, kind, place_code, parent_code FROM organisations ORDER BY name'),
      duckdb.sql('SELECT place_code, name, footprint_id, delivery_system FROM places ORDER BY name'),
    ]);
    this.reference = {
      key,
      organisations: organisations.map((r) => ({
        code: String(r.organisation_code),
        name: String(r.name),
        kind: r.kind == null ? 'other' : String(r.kind),
        placeCode: r.place_code == null ? null : String(r.place_code),
        parentCode: r.parent_code == null ? null : String(r.parent_code),
      })),
      places: places.map((r) => ({
        code: String(r.place_code),
        name: String(r.name),
        footprintId: r.footprint_id == null ? null : String(r.footprint_id),
        deliverySystem: r.delivery_system == null ? null : String(r.delivery_system),
      })),
    };
    return this.reference;
  }

  /**
   * Answers the dashboard's common questions once in the background (every register by place and
   * by practice, case finding by practice, the footprint profile), so insight's per-build cache is
   * warm before the first person opens a page. Does nothing without a warehouse.
   */
  warmUp(): Promise<void> {
    this.warming ??= this.runWarmUp();
    return this.warming;
  }

  private async runWarmUp(): Promise<void> {
    if (!existsSync(join(this.dataDir, 'warehouse.duckdb'))) return;
    const engine = await this.engine();
    const steps: Array<() => Promise<unknown>> = [
      () => this.referenceData(),
      () => footprintProfile(engine),
      () => caseFindingCounts(engine, { by: 'practice' }),
      ...listRegisters().flatMap((r) => [
        () => registerPrevalence(engine, { register: r.id, by: 'place' }),
        () => registerPrevalence(engine, { register: r.id, by: 'practice' }),
      ]),
    ];
    for (const step of steps) {
      if (this.closing) return;
      await step();
    }
  }

  async close(): Promise<void> {
    // Let a warm-up in progress finish its current query before the warehouse closes under it.
    this.closing = true;
    await this.warming?.catch(() => undefined);
    this.files.close();
  }
}

/** Display names of organisation kinds in the warehouse's `organisations.kind`. */
export const ORGANISATION_KIND_LABELS: Record<string, string> = {
  acute_trust: 'Hospital trust',
  gp_practice: 'GP practice',
  pcn: 'Primary care network',
  community_provider: 'Community services provider',
  mental_health_provider: 'Mental health trust',
  local_authority: 'Council',
  voluntary: 'Voluntary organisation',
  other: 'Other partner',
};

export function kindLabel(kind: string): string {
  return ORGANISATION_KIND_LABELS[kind] ?? kind;
}
