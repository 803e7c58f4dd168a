/**
 * ODS (Organisation Data Service) codes identify NHS and partner organisations: 3 characters for
 * trusts, ICBs and sub-ICB locations (`RBQ`, `QWO`, `02Q`), 5 for trust sites and pharmacies
 * (`RBQ01`, `FA123`), 6 for GP practices, PCNs and some other providers (`A81001`, `U12345`, `Y02578`). We accept 3–6 upper-case letters or digits with at least one letter.
 * ONS geography codes (`E54000008`, 9 characters) are not ODS codes and are rejected.
 */
const ODS_PATTERN = /^(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,6}$/;

export function isValidOdsCode(value: string): boolean {
  return ODS_PATTERN.test(value);
}

/** Why a candidate ODS code is malformed, or undefined when it is well-formed. */
export function odsCodeProblem(value: string): string | undefined {
  if (isValidOdsCode(value)) return undefined;
  if (/^E\d{8}$/.test(value)) return `"${value}" is an ONS geography code, not an ODS code`;
  if (/[a-z]/.test(value) && isValidOdsCode(value.toUpperCase())) return 'ODS codes are written in upper case';
  return 'an ODS code is 3 to 6 upper-case letters and digits (for example RBQ, A81001)';
}
