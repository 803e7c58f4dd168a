import type { Demographics } from './demographics';
import { outwardCode } from './demographics';
import { bestNameAgreement, birthDateAgreement, type DateAgreement, type NameAgreement } from './similarity';

/** The match-grade extension's codes (http://hl7.org/fhir/StructureDefinition/match-grade). */
export type MatchGrade = 'certain' | 'probable' | 'possible' | 'certainly-not';

/** A scored comparison of two records: the grade, the score 0..1 and the evidence, in words without personal data. */
export interface MatchScore {
  grade: MatchGrade | 'none';
  score: number;
  /** Demographic agreement 0..1 (the weighted sum below), before banding by grade. */
  agreement: number;
  reasons: string[];
}

/** Weights of the demographic agreement; they sum to 1. */
export const WEIGHTS = { family: 0.25, given: 0.2, birthDate: 0.3, gender: 0.1, address: 0.15 } as const;
const NAME_CREDIT: Record<NameAgreement, number> = { exact: 1, close: 0.8, near: 0.5, none: 0 };
const DATE_CREDIT: Record<DateAgreement, number> = { exact: 1, partial: 0.5, none: 0 };

/** Grade thresholds on the demographic agreement, and the score band each grade is reported in. */
export const THRESHOLDS = { probable: 0.75, possible: 0.5 } as const;
const BANDS: Record<Exclude<MatchGrade, 'certainly-not'>, { floor: number; width: number }> = {
  certain: { floor: 0.9, width: 0.1 },
  probable: { floor: 0.7, width: 0.19 },
  possible: { floor: 0.5, width: 0.19 },
};

type AddressAgreement = 'same' | 'district' | 'none';

function addressAgreement(a: Demographics, b: Demographics): AddressAgreement {
  if (a.postcodes.some((p) => b.postcodes.includes(p))) return 'same';
  if (a.addressLines.some((l) => b.addressLines.includes(l))) return 'same';
  if (a.postcodes.some((p) => b.postcodes.some((q) => outwardCode(p) === outwardCode(q)))) return 'district';
  return 'none';
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Compares the record asked about with a candidate, by the rules of docs/matching.md:
 * the NHS number first (two different valid numbers are certainly not the same person; the
 * same number with the same date of birth and an agreeing name is certain), then the weighted
 * demographic agreement, with caps that keep twins, different first names and conflicting sex
 * or date of birth out of "probable".
 */
export function scoreMatch(asked: Demographics, candidate: Demographics): MatchScore {
  const reasons: string[] = [];
  if (asked.nhsNumber && candidate.nhsNumber && asked.nhsNumber !== candidate.nhsNumber) {
    return { grade: 'certainly-not', score: 0, agreement: 0, reasons: ['nhs-number:different'] };
  }
  const nhsAgrees = !!asked.nhsNumber && asked.nhsNumber === candidate.nhsNumber;
  if (nhsAgrees) reasons.push('nhs-number:same');

  const family = bestNameAgreement(asked.families, candidate.families);
  const given = bestNameAgreement(asked.givens, candidate.givens);
  const bothDates = asked.birthDate !== undefined && candidate.birthDate !== undefined;
  const date: DateAgreement = bothDates ? birthDateAgreement(asked.birthDate!, candidate.birthDate!) : 'none';
  const bothGenders = asked.gender !== undefined && candidate.gender !== undefined;
  const genderAgrees = bothGenders && asked.gender === candidate.gender;
  const address = addressAgreement(asked, candidate);
  if (asked.families.length && candidate.families.length) reasons.push(`family:${family}`);
  if (asked.givens.length && candidate.givens.length) reasons.push(`given:${given}`);
  if (bothDates) reasons.push(`birth-date:${date}`);
  if (bothGenders) reasons.push(genderAgrees ? 'gender:same' : 'gender:different');
  if (address !== 'none') reasons.push(`address:${address}`);

  const agreement = round(
    WEIGHTS.family * NAME_CREDIT[family] +
      WEIGHTS.given * NAME_CREDIT[given] +
      WEIGHTS.birthDate * DATE_CREDIT[date] +
      WEIGHTS.gender * (genderAgrees ? 1 : 0) +
      WEIGHTS.address * (address === 'same' ? 1 : address === 'district' ? 0.3 : 0),
  );

  let grade: MatchScore['grade'];
  if (nhsAgrees) {
    grade = date === 'exact' && (NAME_CREDIT[family] >= 0.8 || NAME_CREDIT[given] >= 0.8) ? 'certain' : 'probable';
  } else {
    const changedSurname = family === 'none' && given === 'exact' && date === 'exact' && address === 'same';
    if (changedSurname) reasons.push('rule:changed-surname');
    const capped =
      given === 'none' || (family === 'none' && !changedSurname) || (bothGenders && !genderAgrees) || (bothDates && date === 'none');
    if (agreement >= THRESHOLDS.probable && !capped) grade = 'probable';
    else if (agreement >= THRESHOLDS.possible) grade = 'possible';
    else grade = 'none';
    if (capped && agreement >= THRESHOLDS.probable) reasons.push('rule:capped-at-possible');
  }
  if (grade === 'none') return { grade, score: round(agreement * BANDS.possible.floor), agreement, reasons };
  const band = BANDS[grade];
  return { grade, score: round(band.floor + band.width * agreement), agreement, reasons };
}
