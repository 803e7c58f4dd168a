import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortEngine, MeasureNode } from '@footprint/cohort';
import { clearInsightCache, FIGURES, registerPrevalence, registerProfile, runFigure, warmFigures } from '../src/index';
import { ENGINES, ON, type Fixture } from './fixtures';

const exact = { threshold: 0, rounding: 1 };

/** The fixture's engine, counting the measures that actually reach it (a cached figure sends none). */
function counting(engine: CohortEngine): CohortEngine & { measures: number } {
  const counted = {
    name: engine.name,
    cacheKey: `counting:${Math.random()}`,
    measures: 0,
    execute: (dataset: Parameters<CohortEngine['execute']>[0]) => engine.execute(dataset),
    measure(measure: MeasureNode) {
      counted.measures++;
      return engine.measure(measure);
    },
  };
  return counted;
}

describe('figures as values', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await ENGINES.duckdb();
  });
  afterAll(async () => fx?.close());

  it('warms every figure, after which each warmed figure is answered without a query', async () => {
    clearInsightCache();
    const engine = counting(fx.engine);
    const warmed = await warmFigures(engine, { on: ON });
    expect(warmed.figures).toBe(FIGURES.reduce((n, f) => n + f.warm.length, 0));
    expect(engine.measures).toBeGreaterThan(0);
    const sent = engine.measures;
    for (const figure of FIGURES) for (const params of figure.warm) await runFigure(engine, figure, { ...(params as object), on: ON });
    expect(engine.measures).toBe(sent);
  });

  it('stops warming when asked to', async () => {
    clearInsightCache();
    const engine = counting(fx.engine);
    expect((await warmFigures(engine, { on: ON, stop: () => true })).figures).toBe(0);
    expect(engine.measures).toBe(0);
  });

  it('profiles every register for one practice with the same numbers as the prevalence figure', async () => {
    const byPractice = await registerPrevalence(fx.engine, { register: 'hypertension', by: 'practice', on: ON, disclosure: exact });
    const profile = await registerProfile(fx.engine, { by: 'practice', group: 'A81001', on: ON, disclosure: exact });
    const hypertension = profile.rows.find((r) => r.register === 'hypertension');
    const row = byPractice.rows.find((r) => r.group === 'A81001');
    expect(hypertension).toMatchObject({ name: 'Hypertension', register_count: row?.register_count, list_size: row?.list_size, prevalence_per_1000: row?.prevalence_per_1000 });
    expect(profile.rows).toHaveLength(19);
    expect(profile.definition).toMatch(/Registers: /);
    await expect(registerProfile(fx.engine, { by: 'sex' as never, group: 'female' })).rejects.toMatchObject({ status: 400 });
  });
});
