/**
 * NHS numbers for synthetic people, drawn from 999 000 0000–999 999 9999, a range the NHS has never
 * issued and reserves for testing. Each person index maps to a distinct valid number (Modulus 11)
 * through a seeded affine permutation of the valid numbers in the range.
 */
import { nhsNumberCheckDigit } from '@footprint/fhir';
import { Random } from './random';

let validStems: Int32Array | undefined;

/** The six-digit suffixes s for which 999sssssss-with-check-digit is a valid NHS number (about 10/11 of them). */
function stems(): Int32Array {
  if (validStems) return validStems;
  const out = new Int32Array(1_000_000);
  let n = 0;
  for (let s = 0; s < 1_000_000; s++) {
    if (nhsNumberCheckDigit(`999${String(s).padStart(6, '0')}`) !== null) out[n++] = s;
  }
  validStems = out.slice(0, n);
  return validStems;
}

/** How many distinct valid NHS numbers the test range holds (the most people one run can have). */
export function nhsNumberCapacity(): number {
  return stems().length;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export class NhsNumbers {
  private readonly multiplier: number;
  private readonly offset: number;
  private readonly valid = stems();

  constructor(seed: number) {
    const rng = new Random(seed, 0x4e4853);
    const m = this.valid.length;
    let a = 1 + rng.int(m - 1);
    while (gcd(a, m) !== 1) a = (a + 1) % m || 1;
    this.multiplier = a;
    this.offset = rng.int(m);
  }

  /** The NHS number of person `index` (0 ≤ index < capacity); distinct indices give distinct numbers. */
  forIndex(index: number): string {
    const m = this.valid.length;
    // a·index < 2^53 for every index below capacity, so this is exact in doubles.
    const j = (this.multiplier * index + this.offset) % m;
    const nine = `999${String(this.valid[j]).padStart(6, '0')}`;
    return nine + String(nhsNumberCheckDigit(nine));
  }
}
