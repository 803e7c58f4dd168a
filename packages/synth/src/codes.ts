/**
 * Codes drawn from the shared codelists. A list's first code is its main concept and is written
 * most often (as in real records); the rest appear now and then.
 */
import type { CodeableConcept, Coding } from '@footprint/fhir';
import { codelist, type Codelist } from './data';
import type { Random } from './random';

export class CodeChoice {
  readonly codings: Coding[];
  readonly concepts: CodeableConcept[];

  constructor(readonly list: Codelist) {
    this.codings = list.codes.map((c) => ({ system: list.system, code: c.code, display: c.term }));
    this.concepts = this.codings.map((c) => ({ coding: [c] }));
  }

  /** The main concept 80% of the time, otherwise any of the list. */
  pick(rng: Random): CodeableConcept {
    if (this.concepts.length === 1 || rng.chance(0.8)) return this.concepts[0];
    return this.concepts[rng.int(this.concepts.length)];
  }

  get main(): CodeableConcept {
    return this.concepts[0];
  }

  get codes(): string[] {
    return this.codings.map((c) => c.code!);
  }
}

const choices = new Map<string, CodeChoice>();

/** The CodeChoice for a codelist id (cached). */
export function codes(id: string): CodeChoice {
  let c = choices.get(id);
  if (!c) {
    c = new CodeChoice(codelist(id));
    choices.set(id, c);
  }
  return c;
}
