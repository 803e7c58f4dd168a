import { describe, expect, it } from 'vitest';
import { standardViews } from '../src';

/**
 * The standard views are the warehouse's hot path: every expression in them must compile to the
 * fast FHIRPath closures (a build is several times slower when one falls back to fhirpath.js).
 */
describe('standard ViewDefinitions', () => {
  it('compile, and every expression runs on the fast compiler', () => {
    const views = standardViews();
    expect(views.length).toBeGreaterThanOrEqual(18);
    for (const { file, view } of views) expect(view.interpretedPaths, file).toEqual([]);
  });
});
