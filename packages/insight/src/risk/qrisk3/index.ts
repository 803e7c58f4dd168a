/** QRISK3-2017, ClinRisk Ltd.'s 10-year cardiovascular risk (LGPL): coefficients as data, the score, and CSV scoring. */
export { QRISK3_2017, QRISK3_DISCLAIMER, QRISK3_LICENCE_NOTICE, QRISK3_SOURCE, type Qrisk3Equation } from './coefficients';
export {
  QRISK3_BOOLEAN_INPUTS,
  QRISK3_ETHNICITY,
  QRISK3_INPUT_DESCRIPTIONS,
  QRISK3_MISSING_VALUE_RULES,
  QRISK3_SMOKING,
  Qrisk3InputError,
  completeQrisk3Input,
  type Qrisk3Input,
  type Qrisk3Problem,
  type Qrisk3Sex,
} from './inputs';
export { qrisk3, qrisk3Unrounded, roundAsClinRisk } from './score';
export { QRISK3_COLUMNS, Qrisk3CsvError, scoreQrisk3Csv, type Qrisk3CsvProblem } from './csv';
