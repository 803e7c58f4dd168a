/**
 * The architecture's arrows, written down once: which workspace package may import which.
 * The layering test (`layers.test.ts`) checks every import against this table, and
 * docs/architecture.md shows the same table (the test fails when the two drift apart).
 */

/** One workspace package and the arrows leaving it. */
export interface Layer {
  /** The package's folder, relative to the repository root. */
  dir: string;
  /** Its job, in one line. */
  job: string;
  /** Workspace packages its code (`src/`, tests excluded) may import. */
  uses: readonly string[];
  /** Workspace packages its code may import types from only (`import type`), never values. */
  usesTypes?: readonly string[];
  /** Workspace packages its tests and benchmarks may import as well, with why. */
  testsUse?: readonly string[];
  /** Whether its code may import a database driver (engine classes live here). */
  drivers?: boolean;
  /** Only tests and benchmarks may import it (a test-support package). */
  testOnly?: boolean;
}

/** The database drivers: only engine classes of the packages marked `drivers` import them. */
export const DATABASE_DRIVERS: readonly string[] = ['pg', '@electric-sql/pglite', '@duckdb/node-api'];

/** The libraries under packages/ that the apps compose (all but the test support). */
const LIBRARIES: readonly string[] = [
  '@footprint/fhir',
  '@footprint/geography',
  '@footprint/statistics',
  '@footprint/record',
  '@footprint/views',
  '@footprint/cohort',
  '@footprint/synth',
  '@footprint/warehouse',
  '@footprint/insight',
  '@footprint/partnership',
  '@footprint/performance',
  '@footprint/engage',
  '@footprint/coordination',
];

/** Every workspace package, bottom layer first. */
export const LAYERS: Readonly<Record<string, Layer>> = {
  '@footprint/fhir': {
    dir: 'packages/fhir',
    job: 'FHIR R4 types, identifiers, OperationOutcome errors, definitions, validation; no I/O',
    uses: [],
  },
  '@footprint/geography': {
    dir: 'packages/geography',
    job: 'places, areas and deprivation reference data of the footprint',
    uses: [],
  },
  '@footprint/statistics': {
    dir: 'packages/statistics',
    job: 'shared numerical functions (the inverse normal distribution), no dependencies',
    uses: [],
  },
  '@footprint/testing': {
    dir: 'packages/testing',
    job: 'test support: a fresh PostgreSQL schema (or in-memory PGlite) per test',
    uses: [],
    drivers: true,
    testOnly: true,
  },
  '@footprint/record': {
    dir: 'packages/record',
    job: 'the shared care record: FHIR resources on PostgreSQL, search, history, access, audit, import',
    uses: ['@footprint/fhir'],
    testsUse: ['@footprint/testing'],
    drivers: true,
  },
  '@footprint/views': {
    dir: 'packages/views',
    job: 'the SQL-on-FHIR v2 ViewDefinition runner',
    uses: ['@footprint/fhir'],
  },
  '@footprint/cohort': {
    dir: 'packages/cohort',
    job: 'the cohort language, query model, engines, codelists, measures, disclosure control',
    uses: [],
    testsUse: ['@footprint/testing'],
    drivers: true,
  },
  '@footprint/synth': {
    dir: 'packages/synth',
    job: 'synthetic footprints with ground truth',
    uses: ['@footprint/fhir', '@footprint/geography', '@footprint/statistics'],
  },
  '@footprint/warehouse': {
    dir: 'packages/warehouse',
    job: 'pseudonymised analysis tables built from the record, on DuckDB or PostgreSQL',
    uses: ['@footprint/views', '@footprint/record', '@footprint/geography', '@footprint/fhir'],
    testsUse: ['@footprint/synth', '@footprint/testing'],
    drivers: true,
  },
  '@footprint/insight': {
    dir: 'packages/insight',
    job: 'registers, case finding, risk, inequalities, figures',
    uses: ['@footprint/cohort', '@footprint/statistics'],
    testsUse: ['@footprint/synth', '@footprint/warehouse', '@footprint/record', '@footprint/testing'],
  },
  '@footprint/partnership': {
    dir: 'packages/partnership',
    job: "the partnership's register (footprints with their history, places, members, governance) and its plan",
    uses: ['@footprint/fhir', '@footprint/geography', '@footprint/record'],
    testsUse: ['@footprint/testing', '@footprint/synth'],
  },
  '@footprint/performance': {
    dir: 'packages/performance',
    job: 'the plan measured: indicators and their values, SPC, comparisons, the scorecard, progress ratings, the board report',
    uses: ['@footprint/statistics', '@footprint/cohort', '@footprint/insight', '@footprint/partnership', '@footprint/record'],
    testsUse: ['@footprint/testing', '@footprint/synth', '@footprint/warehouse'],
  },
  '@footprint/engage': {
    dir: 'packages/engage',
    job: 'the public\'s part: content, get in touch, consultations, moderation, results, "you said, we did"',
    uses: ['@footprint/fhir', '@footprint/cohort', '@footprint/partnership', '@footprint/performance', '@footprint/record'],
    testsUse: ['@footprint/testing', '@footprint/synth'],
  },
  '@footprint/coordination': {
    dir: 'packages/coordination',
    job: 'care coordination on the record: shared care plans, MDT meetings, referrals and tasks, social prescribing, notifications',
    uses: ['@footprint/fhir', '@footprint/record', '@footprint/cohort'],
    testsUse: ['@footprint/testing', '@footprint/synth'],
  },
  '@footprint/server': {
    dir: 'apps/server',
    job: 'HTTP composition: FHIR R4 API, OAuth2, the web API, the built web app and its server-rendered public pages',
    // The web app's public components (pure: props in, HTML out) are rendered here, so /public reads without JavaScript.
    uses: [...LIBRARIES, '@footprint/web'],
    testsUse: ['@footprint/testing'],
  },
  '@footprint/cli': {
    dir: 'apps/cli',
    job: 'the `footprint` command',
    uses: [...LIBRARIES, '@footprint/server'],
    testsUse: ['@footprint/testing'],
  },
  '@footprint/web': {
    dir: 'apps/web',
    job: "the React web app; talks to the server's HTTP API only",
    uses: [],
    usesTypes: ['@footprint/server', '@footprint/insight', '@footprint/partnership', '@footprint/performance', '@footprint/engage', '@footprint/coordination'],
    // The browser tests start a real server on a demo footprint and drive Chromium against it.
    testsUse: ['@footprint/server', '@footprint/record', '@footprint/fhir', '@footprint/synth', '@footprint/warehouse', '@footprint/partnership', '@footprint/performance', '@footprint/engage', '@footprint/coordination', '@footprint/testing'],
  },
};

/** The arrows as a Markdown table, as docs/architecture.md shows them. */
export function arrowsTable(layers: Readonly<Record<string, Layer>> = LAYERS): string {
  const short = (names: readonly string[]) => names.map((n) => `\`${n.replace('@footprint/', '')}\``).join(', ');
  const lines = ['| package | job | may import | types only | tests may also import |', '|---|---|---|---|---|'];
  for (const [name, layer] of Object.entries(layers)) {
    const uses = layer.uses.length > 0 ? short(layer.uses) : 'nothing of ours';
    const drivers = layer.drivers ? '; database drivers' : '';
    const types = layer.usesTypes?.length ? short(layer.usesTypes) : '';
    const tests = layer.testOnly ? '(test support: only tests import it)' : layer.testsUse?.length ? short(layer.testsUse) : '';
    lines.push(`| \`${layer.dir}\` (\`${name.replace('@footprint/', '')}\`) | ${layer.job} | ${uses}${drivers} | ${types} | ${tests} |`);
  }
  return lines.join('\n');
}
