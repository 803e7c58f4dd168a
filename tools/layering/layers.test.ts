import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers, describeViolations } from './check';
import { importsOf } from './imports';
import { arrowsTable } from './layers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the layers of the monorepo', () => {
  it('every import is declared in its package.json and allowed by an arrow', () => {
    const violations = checkLayers(ROOT);
    expect(describeViolations(violations), 'see tools/layering/layers.ts and docs/architecture.md').toBe('');
  });

  it('docs/architecture.md shows the arrows the check enforces', () => {
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    expect(doc, 'regenerate the table in docs/architecture.md from arrowsTable() in tools/layering/layers.ts').toContain(arrowsTable());
  });
});

describe('importsOf', () => {
  it('tells type-only imports from imports that run code', () => {
    const text = [
      "import type { A } from 'only-types';",
      "import { type B, type C } from 'all-marked-types';",
      "import { type D, e } from 'mixed';",
      "import f from 'default-value';",
      "import 'side-effect';",
      "export type { G } from 're-exported-types';",
      "export { h } from 're-exported-value';",
      "const i = await import('dynamic');",
      "type J = typeof import('type-reference');",
      "const k = require('required');",
    ].join('\n');
    expect(importsOf('x.ts', text).map((i) => [i.specifier, i.typeOnly])).toEqual([
      ['only-types', true],
      ['all-marked-types', true],
      ['mixed', false],
      ['default-value', false],
      ['side-effect', false],
      ['re-exported-types', true],
      ['re-exported-value', false],
      ['dynamic', false],
      ['type-reference', true],
      ['required', false],
    ]);
  });
});

describe('checkLayers on a small monorepo that breaks every rule', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'footprint-layers-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), content);
  };
  const manifest = (dir: string, name: string, dependencies: Record<string, string> = {}, devDependencies: Record<string, string> = {}) =>
    write(`${dir}/package.json`, JSON.stringify({ name, dependencies, devDependencies }));

  write('package.json', JSON.stringify({ name: 'fixture', workspaces: ['packages/*', 'apps/*'], devDependencies: { vitest: '*' } }));
  manifest('packages/fhir', '@footprint/fhir');
  write('packages/fhir/src/index.ts', "export const fhir = 1;\n");
  manifest('packages/record', '@footprint/record', { '@footprint/fhir': '0.1.0', pg: '*' });
  write('packages/record/src/index.ts', "import { fhir } from '@footprint/fhir';\nimport pg from 'pg';\nexport const record = [fhir, pg];\n");
  // views reaches for the record, which it must not, and does not declare it either.
  manifest('packages/views', '@footprint/views', { '@footprint/fhir': '0.1.0' });
  write('packages/views/src/index.ts', "import { fhir } from '@footprint/fhir';\nimport { record } from '@footprint/record';\nexport const views = [fhir, record];\n");
  // cohort declares the record, but no arrow allows it.
  manifest('packages/cohort', '@footprint/cohort', { '@footprint/record': '0.1.0' });
  write('packages/cohort/src/index.ts', "import { record } from '@footprint/record';\nexport const cohort = record;\n");
  // insight opens a database itself, and its code uses test support; its test may.
  manifest('packages/insight', '@footprint/insight', { '@footprint/cohort': '0.1.0', pg: '*', '@footprint/testing': '0.1.0' });
  write('packages/insight/src/index.ts', "import type { cohort } from '@footprint/cohort';\nimport pg from 'pg';\nimport { t } from '@footprint/testing';\nexport const insight: typeof cohort = [pg, t];\n");
  write('packages/insight/src/index.test.ts', "import { t } from '@footprint/testing';\nimport { it } from 'vitest';\nit('runs', () => t);\n");
  manifest('packages/testing', '@footprint/testing');
  write('packages/testing/src/index.ts', 'export const t = 1;\n');
  // geography imports an app; a stray package is not in the layer table at all.
  manifest('packages/geography', '@footprint/geography', { '@footprint/server': '0.1.0' });
  write('packages/geography/src/index.ts', "import { server } from '@footprint/server';\nexport const g = server;\n");
  manifest('packages/stray', '@footprint/stray');
  // the server reaches into the CLI's files by path; the CLI forgets to declare an external package.
  manifest('apps/server', '@footprint/server');
  write('apps/server/src/index.ts', "import { main } from '../../cli/src/main';\nexport const server = main;\n");
  manifest('apps/cli', '@footprint/cli', { '@footprint/server': '0.1.0' });
  write('apps/cli/src/main.ts', "import { server } from '@footprint/server';\nimport { Command } from 'commander';\nexport const main = [server, Command];\n");
  // the web app may take types from the server but not values from insight.
  manifest('apps/web', '@footprint/web', {}, { '@footprint/server': '0.1.0', '@footprint/insight': '0.1.0' });
  write('apps/web/src/main.tsx', "import type { server } from '@footprint/server';\nimport { insight } from '@footprint/insight';\nexport const page: typeof server = insight;\n");

  const found = describeViolations(checkLayers(fixture)).split('\n').sort();

  it('finds each broken rule, and nothing in the imports that keep the rules', () => {
    expect(found).toEqual(
      [
        "apps/cli/src/main.ts:2: 'commander' @footprint/cli does not declare commander in dependencies",
        "apps/server/src/index.ts:1: '../../cli/src/main' reaches outside apps/server; import the other package by its name",
        "apps/web/src/main.tsx:2: '@footprint/insight' @footprint/web does not declare @footprint/insight in dependencies",
        "apps/web/src/main.tsx:2: '@footprint/insight' no arrow from @footprint/web to @footprint/insight in its code (types only: use `import type`)",
        "packages/cohort/src/index.ts:1: '@footprint/record' no arrow from @footprint/cohort to @footprint/record in its code",
        "packages/geography/src/index.ts:1: '@footprint/server' no arrow from @footprint/geography to @footprint/server in its code",
        "packages/insight/src/index.ts:2: 'pg' @footprint/insight may not import a database driver; drivers belong in the engine classes of record, cohort and warehouse",
        "packages/insight/src/index.ts:3: '@footprint/testing' no arrow from @footprint/insight to @footprint/testing in its code",
        "packages/stray/package.json: '@footprint/stray' is not in the layer table (tools/layering/layers.ts)",
        "packages/views/src/index.ts:2: '@footprint/record' @footprint/views does not declare @footprint/record in dependencies",
        "packages/views/src/index.ts:2: '@footprint/record' no arrow from @footprint/views to @footprint/record in its code",
      ].sort(),
    );
  });
});
