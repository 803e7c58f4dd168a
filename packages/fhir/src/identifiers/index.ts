export { isValidNhsNumber, nhsNumberCheckDigit, nhsNumberProblem } from './nhs-number';
export { isValidOdsCode, odsCodeProblem } from './ods';
export { NHS_NUMBER_SYSTEM, ODS_SITE_SYSTEM, ODS_SYSTEM } from './systems';
