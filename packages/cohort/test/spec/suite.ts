import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical, runCase, type EngineFactory, type EngineUnderTest } from './harness';
import { SPEC_CASES } from './cases';

/** Runs every spec case on one engine: the conformance suite each engine's test file calls. */
export function runSpecSuite(engineName: string, factory: EngineFactory): void {
  describe(`cohort spec on ${engineName}`, () => {
    for (const spec of SPEC_CASES) {
      describe(spec.name, () => {
        let under: EngineUnderTest;
        beforeAll(async () => {
          under = await factory(spec.tables);
        });
        afterAll(async () => {
          await under?.cleanup();
        });
        it('gives the expected rows', async () => {
          const actual = await runCase(under.engine, spec);
          expect(actual).toEqual(canonical(spec.expected as Record<string, unknown>[]));
        });
      });
    }
  });
}
