import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AGE_BANDS, type AgeBand } from '../population';

/** The European Standard Population 2013 (data/esp2013.json, with its source), by age band. */
interface EspFile {
  source: string;
  bands: { band: string; population: number }[];
}

const file = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/esp2013.json', import.meta.url)), 'utf8')) as EspFile;

export const ESP2013: Readonly<Record<AgeBand, number>> = Object.freeze(
  Object.fromEntries(
    AGE_BANDS.map((band) => {
      const entry = file.bands.find((b) => b.band === band);
      if (!entry) throw new Error(`esp2013.json has no band ${band}`);
      return [band, entry.population];
    }),
  ) as Record<AgeBand, number>,
);

export const ESP2013_SOURCE = file.source;
