import type { CohortEngine } from '@footprint/cohort';
import { engineForWarehouse, warmFigures } from '@footprint/insight';
import { WarehouseNotBuiltError, type ReferenceData, type WarehouseHandle } from '@footprint/warehouse';
import { ApiProblem } from './problem';

export type { WarehouseOrganisation, WarehousePlace } from '@footprint/warehouse';

const notBuilt = () => new ApiProblem(503, 'Population figures are not available yet', 'The warehouse has not been built. Run `footprint warehouse build`.');

/**
 * The platform's warehouse handle (DuckDB or PostgreSQL alike) as the web API uses it: a cohort
 * engine for insight's figures, keyed by the current build so cached figures follow rebuilds and
 * refreshes, and the reference tables pages name places and organisations from. Answers 503 with
 * what to do when no warehouse has been built.
 */
export class InsightSource {
  private reference?: { key: string; data: Promise<ReferenceData> };
  private warming?: Promise<void>;
  private closing = false;

  constructor(private readonly warehouse: WarehouseHandle) {}

  private async cacheKey(): Promise<string> {
    try {
      return await this.warehouse.cacheKey();
    } catch (error) {
      if (error instanceof WarehouseNotBuiltError) throw notBuilt();
      throw error;
    }
  }

  /** A cohort engine on the warehouse as it is now (take one per request). */
  async engine(): Promise<CohortEngine> {
    try {
      return await engineForWarehouse(this.warehouse);
    } catch (error) {
      if (error instanceof WarehouseNotBuiltError) throw notBuilt();
      throw error;
    }
  }

  /** The warehouse's organisations and places, read once per build. */
  async referenceData(): Promise<ReferenceData> {
    const key = await this.cacheKey();
    if (this.reference?.key !== key) {
      const data = this.warehouse.referenceData();
      this.reference = { key, data };
      data.catch(() => {
        if (this.reference?.data === data) this.reference = undefined;
      });
    }
    return this.reference.data;
  }

  /**
   * Runs every figure's common parameters once in the background (insight's warmFigures), so
   * insight's per-build cache is warm before the first person opens a page. Does nothing without
   * a warehouse; stops when the server closes.
   */
  warmUp(): Promise<void> {
    this.warming ??= this.runWarmUp();
    return this.warming;
  }

  private async runWarmUp(): Promise<void> {
    if (!(await this.warehouse.isBuilt())) return;
    await this.referenceData();
    await warmFigures(await this.engine(), { stop: () => this.closing });
  }

  /** Lets a warm-up in progress finish its current query; the platform closes the warehouse itself. */
  async close(): Promise<void> {
    this.closing = true;
    await this.warming?.catch(() => undefined);
  }
}
