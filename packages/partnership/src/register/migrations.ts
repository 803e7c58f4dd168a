import type { Migration } from '@footprint/record';

/**
 * The `partnership-footprints` namespace: England's footprints with their history. Reference
 * data, not edited in the app: loaded (and reloaded when the shipped files change) by
 * loadFootprintRegister, so every instance holds the same register. Dates are SQL dates; a
 * fact holds from `start_date` to `end_date` inclusive (open when null).
 */
export const footprintRegisterMigrations: Migration[] = [
  {
    version: 1,
    name: 'footprints of England with dated facts, lineage and sources',
    sql: `
CREATE TABLE partnership_footprint_source (
  id text PRIMARY KEY,
  title text NOT NULL,
  url text,
  note text
);

CREATE TABLE partnership_footprint (
  code text PRIMARY KEY CHECK (code ~ '^E54[0-9]{6}$'),
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE partnership_footprint_fact (
  code text NOT NULL REFERENCES partnership_footprint (code),
  fact text NOT NULL CHECK (fact IN ('name', 'status', 'ods-code', 'designation')),
  value text NOT NULL,
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date),
  source_id text NOT NULL REFERENCES partnership_footprint_source (id),
  PRIMARY KEY (code, fact, start_date)
);

CREATE TABLE partnership_footprint_link (
  from_code text NOT NULL REFERENCES partnership_footprint (code),
  to_code text NOT NULL REFERENCES partnership_footprint (code),
  change text NOT NULL CHECK (change IN ('merger', 'recode', 'split', 'boundary-change')),
  effective date NOT NULL,
  source_id text NOT NULL REFERENCES partnership_footprint_source (id),
  PRIMARY KEY (from_code, to_code)
);
CREATE INDEX partnership_footprint_link_to_idx ON partnership_footprint_link (to_code);

-- Which version of the shipped files the tables hold (one row).
CREATE TABLE partnership_footprint_dataset (
  id integer PRIMARY KEY CHECK (id = 1),
  checksum text NOT NULL,
  loaded_at timestamptz NOT NULL
);
`,
  },
];
