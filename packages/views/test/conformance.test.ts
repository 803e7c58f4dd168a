import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileView, parseFhirJson, runView, ViewDefinitionError } from '../src';

/**
 * The official SQL-on-FHIR v2 conformance suite (test/conformance, Apache-2.0): every file in the
 * manifest, every test case, rows compared as a multiset unless the case lists its columns.
 */
interface ConformanceFile {
  title: string;
  resources: Array<Record<string, unknown>>;
  tests: Array<{ title: string; view: unknown; expect?: Array<Record<string, unknown>>; expectError?: boolean; expectColumns?: string[] }>;
}

const folder = join(import.meta.dirname, 'conformance');
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as string[];

function canonical(rows: Array<Record<string, unknown>>): string[] {
  return rows.map((row) => JSON.stringify(Object.keys(row).sort().map((key) => [key, row[key]]))).sort();
}

/** Each case runs twice: with the fast FHIRPath compiler and with fhirpath.js alone, which must agree. */
for (const [mode, options] of [['fast paths', { fastPaths: true }], ['fhirpath.js only', { fastPaths: false }]] as const) for (const file of manifest) {
  const suite = parseFhirJson<ConformanceFile>(readFileSync(join(folder, file), 'utf8'));
  describe(`${mode}: ${file}: ${suite.title}`, () => {
    for (const testCase of suite.tests) {
      it(testCase.title, () => {
        if (testCase.expectError) {
          expect(() => runView(testCase.view, suite.resources, options)).toThrow(ViewDefinitionError);
          return;
        }
        const rows = runView(testCase.view, suite.resources, options);
        if (testCase.expectColumns) expect(compileView(testCase.view, options).columns.map((c) => c.name)).toEqual(testCase.expectColumns);
        expect(canonical(rows)).toEqual(canonical(testCase.expect ?? []));
      });
    }
  });
}
