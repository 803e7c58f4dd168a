/**
 * The population frame: which LSOA, age and sex each generated person has. People are spread over
 * the footprint's LSOAs in proportion to their population by systematic sampling (person i sits at
 * position (i + ½) · total / N along the LSOAs in place order), so LSOA and place marginals match the
 * inputs exactly and neighbours in index order are neighbours on the map. Age within each band
 * follows population.json.
 */
import { lsoas, type Lsoa } from './data';
import type { Footprint } from './footprint';
import { interpolate, populationFile } from './parameters';
import { cumulative, type Random } from './random';

export type Sex = 'female' | 'male';

interface AgeBand {
  from: number;
  to: number;
  /** Cumulative weights over the single years from..to. */
  years: Float64Array;
  count: (l: Lsoa) => number;
}

const bandCount: Record<string, (l: Lsoa) => number> = {
  population_0_15: (l) => l.population0to15,
  population_16_59: (l) => l.population16to59,
  population_60_plus: (l) => l.population60plus,
};

function ageBands(): AgeBand[] {
  return populationFile().bands.map((b) => {
    const weights: number[] = [];
    for (let a = b.from; a <= b.to; a++) weights.push(interpolate(b.weights, a));
    const count = bandCount[b.column];
    if (!count) throw new Error(`population.json: unknown band column ${b.column}`);
    return { from: b.from, to: b.to, years: cumulative(weights), count };
  });
}

/** Proportion male at each single year of age 0..maxAge. */
function maleShares(): Float64Array {
  const p = populationFile();
  const out = new Float64Array(p.maxAge + 1);
  for (let a = 0; a <= p.maxAge; a++) out[a] = interpolate(p.maleShare, a);
  return out;
}

export class PopulationFrame {
  readonly lsoas: Lsoa[];
  readonly placeOfLsoa: Int32Array;
  /** First person index of each place, plus N at the end. */
  readonly placeStart: number[];
  private readonly cumulative: Float64Array;
  private readonly total: number;
  private readonly bands = ageBands();
  private readonly male = maleShares();

  constructor(
    readonly footprint: Footprint,
    readonly people: number,
  ) {
    const byPlace = new Map<string, Lsoa[]>();
    for (const p of footprint.places) byPlace.set(p.ladCode, []);
    for (const l of lsoas()) byPlace.get(l.ladCode)?.push(l);
    this.lsoas = [];
    const placeOf: number[] = [];
    const placeCum: number[] = [];
    let running = 0;
    footprint.places.forEach((p, index) => {
      placeCum.push(running);
      const list = byPlace.get(p.ladCode)!.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const l of list) {
        this.lsoas.push(l);
        placeOf.push(index);
        running += l.population;
      }
    });
    this.placeOfLsoa = Int32Array.from(placeOf);
    this.cumulative = cumulative(this.lsoas.map((l) => l.population));
    this.total = running;
    this.placeStart = placeCum.map((c) => Math.max(0, Math.ceil((c * people) / this.total - 0.5)));
    this.placeStart.push(people);
  }

  /** Mid-2015 population of the footprint. */
  get population(): number {
    return this.total;
  }

  /** Index (into `lsoas`) of person i's LSOA. */
  lsoaIndexOf(person: number): number {
    const x = ((person + 0.5) * this.total) / this.people;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A single year of age (at the reference date) drawn from the LSOA's bands and the within-band shape. */
  age(rng: Random, lsoa: Lsoa): number {
    const counts = this.bands.map((b) => b.count(lsoa));
    const total = counts[0] + counts[1] + counts[2];
    let x = rng.next() * total;
    let band = this.bands[this.bands.length - 1];
    for (let i = 0; i < this.bands.length; i++) {
      if (x < counts[i]) {
        band = this.bands[i];
        break;
      }
      x -= counts[i];
    }
    return band.from + rng.weighted(band.years);
  }

  sex(rng: Random, age: number): Sex {
    return rng.next() < this.male[Math.min(age, this.male.length - 1)] ? 'male' : 'female';
  }
}

/**
 * England's population by single year of age (0..maxAge) and sex, built the same way from every
 * LSOA: the denominator the prevalence model is calibrated against.
 */
export function nationalAgeSex(): { female: Float64Array; male: Float64Array } {
  const p = populationFile();
  const female = new Float64Array(p.maxAge + 1);
  const male = new Float64Array(p.maxAge + 1);
  const shares = maleShares();
  const bands = ageBands();
  const totals = bands.map(() => 0);
  for (const l of lsoas()) bands.forEach((b, i) => (totals[i] += b.count(l)));
  bands.forEach((b, i) => {
    const sum = b.years[b.years.length - 1];
    let prev = 0;
    for (let a = b.from; a <= b.to; a++) {
      const w = (b.years[a - b.from] - prev) / sum;
      prev = b.years[a - b.from];
      male[a] += totals[i] * w * shares[a];
      female[a] += totals[i] * w * (1 - shares[a]);
    }
  });
  return { female, male };
}
