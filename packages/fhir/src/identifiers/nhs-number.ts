/**
 * NHS numbers: ten digits, the last a Modulus 11 check digit over the first nine
 * (weights 10 down to 2). See the NHS Data Dictionary, "NHS Number".
 */

/**
 * The check digit for the first nine digits of an NHS number, or null when no check digit
 * exists (remainder 1 gives 10, so that nine-digit stem can never be issued).
 */
export function nhsNumberCheckDigit(nine: string): number | null {
  if (!/^\d{9}$/.test(nine)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nine.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** True for a ten-digit string (no spaces) whose last digit is the Modulus 11 check digit. */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  return nhsNumberCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}

/** Why a candidate NHS number is not valid (for error messages that never echo the number). */
export function nhsNumberProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'an NHS number must be written as 10 digits without spaces';
  if (!/^\d+$/.test(value)) return 'an NHS number must contain only digits';
  if (value.length !== 10) return `an NHS number must have 10 digits (this has ${value.length})`;
  if (!isValidNhsNumber(value)) return 'the NHS number fails the Modulus 11 check digit';
  return undefined;
}
