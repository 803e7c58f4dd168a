import type { Migration } from '@footprint/record';

/**
 * The `performance` namespace: indicator values in Fingertips' long format, one row per
 * indicator × area × period × breakdown. Computed values and imported ones share the table; a
 * computation or an import replaces an indicator's rows in one transaction, so readers never see
 * half of a refresh.
 */
export const indicatorValueMigrations: Migration[] = [
  {
    version: 1,
    name: 'indicator values in long format',
    sql: `
CREATE TABLE performance_indicator_value (
  indicator_id text NOT NULL,
  area_code text NOT NULL,
  area_type text NOT NULL CHECK (area_type IN ('england', 'footprint', 'place', 'practice')),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  breakdown text NOT NULL DEFAULT '',
  value double precision,
  numerator double precision,
  denominator double precision,
  lower_95 double precision,
  upper_95 double precision,
  lower_99_8 double precision,
  upper_99_8 double precision,
  note text,
  synthetic boolean NOT NULL DEFAULT false,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, area_code, breakdown, period)
);
CREATE INDEX performance_indicator_value_area_idx ON performance_indicator_value (area_code, indicator_id);
`,
  },
];
