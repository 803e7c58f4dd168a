export { isValidNhsNumber, nhsNumberCheckDigit, nhsNumberProblem } from './nhs-number';
export { isValidOdsCode, odsCodeProblem } from './ods';
export { PARTNERSHIP_ROLES, type PartnershipRoleCode } from './partnership-roles';
export { DATA_STATUS_SYSTEM, ILLUSTRATIVE_TAG, NHS_NUMBER_SYSTEM, ODS_SITE_SYSTEM, ODS_SYSTEM, ONS_SYSTEM, ORGANISATION_KIND_SYSTEM, PARTNERSHIP_ROLE_SYSTEM } from './systems';
