import { QRISK3_2017, type Qrisk3Equation, type Qrisk3InteractionTerm } from './coefficients';
import { completeQrisk3Input, QRISK3_BOOLEAN_INPUTS, type Qrisk3CompleteInput, type Qrisk3Input } from './inputs';

/** A fractional polynomial term: x^p, with p = 0 meaning ln(x) (Royston and Altman's convention). */
const power = (x: number, p: number) => (p === 0 ? Math.log(x) : x ** p);

/** The two terms of a degree-2 fractional polynomial; a repeated power multiplies the second by ln(x). */
function fractionalPolynomial(x: number, [p1, p2]: readonly [number, number]): [number, number] {
  const first = power(x, p1);
  return [first, p2 === p1 ? first * Math.log(x) : power(x, p2)];
}

/** The linear predictor (sum of log hazard ratios) of one sex's equation for complete, checked inputs. */
function linearPredictor(equation: Qrisk3Equation, input: Qrisk3CompleteInput): number {
  const [age1, age2] = fractionalPolynomial(input.age / 10, equation.fractionalPolynomialPowers.age);
  const [bmi1, bmi2] = fractionalPolynomial(input.bmi / 10, equation.fractionalPolynomialPowers.bmi);
  const c = equation.centring;
  const centred = {
    age_1: age1 - c.age_1,
    age_2: age2 - c.age_2,
    bmi_1: bmi1 - c.bmi_1,
    bmi_2: bmi2 - c.bmi_2,
    rati: input.rati - c.rati,
    sbp: input.sbp - c.sbp,
    sbps5: input.sbps5 - c.sbps5,
    town: input.town - c.town,
  };
  let sum = equation.ethrisk[input.ethrisk as keyof Qrisk3Equation['ethrisk']] + equation.smokeCat[input.smoke_cat];
  for (const [term, beta] of Object.entries(equation.continuous)) sum += centred[term as keyof typeof centred] * beta;
  // A condition the equation has no coefficient for (b_impotence2 in women) adds nothing.
  for (const name of QRISK3_BOOLEAN_INPUTS) sum += input[name] * (equation.conditions[name] ?? 0);
  const interacting = (term: Qrisk3InteractionTerm): number => {
    if (term.startsWith('smoke_cat=')) return input.smoke_cat === Number(term.slice('smoke_cat='.length)) ? 1 : 0;
    if (term in centred) return centred[term as keyof typeof centred];
    return input[term as (typeof QRISK3_BOOLEAN_INPUTS)[number]];
  };
  for (const [term, beta] of Object.entries(equation.age1Interactions)) sum += centred.age_1 * interacting(term as Qrisk3InteractionTerm) * beta;
  for (const [term, beta] of Object.entries(equation.age2Interactions)) sum += centred.age_2 * interacting(term as Qrisk3InteractionTerm) * beta;
  return sum;
}

/**
 * One person's 10-year QRISK3-2017 cardiovascular risk as a percentage, unrounded: 100 × (1 − S0(10)^exp(linear predictor)).
 * Throws a Qrisk3InputError naming every input that is missing or out of range.
 */
export function qrisk3Unrounded(input: Qrisk3Input): number {
  const complete = completeQrisk3Input(input);
  const equation = QRISK3_2017[complete.sex];
  return 100 * (1 - equation.baselineSurvival10Years ** Math.exp(linearPredictor(equation, complete)));
}

/**
 * A percentage to one decimal place as ClinRisk's C calculator prints it (printf "%.1f"): the tenth
 * nearest the exact binary value (what toFixed does), except that an exact half goes to the even
 * tenth. The only exact halves a double can hold are odd multiples of 0.25 (0.25, 0.75, 1.25, …).
 */
export function roundAsClinRisk(percent: number): number {
  const quarters = percent * 4;
  if (Number.isInteger(quarters) && Math.abs(quarters % 2) === 1) {
    const floor = Math.floor(percent * 10);
    return (floor % 2 === 0 ? floor : floor + 1) / 10;
  }
  return Number(percent.toFixed(1));
}

/**
 * One person's 10-year cardiovascular risk by QRISK3-2017 (ClinRisk Ltd., LGPL), a percentage to one
 * decimal place as ClinRisk's calculator prints it. Inputs are ClinRisk's variables, coded as in its
 * source; see Qrisk3Input for what may be left out. Show QRISK3_DISCLAIMER wherever the score is shown.
 */
export function qrisk3(input: Qrisk3Input): number {
  return roundAsClinRisk(qrisk3Unrounded(input));
}
