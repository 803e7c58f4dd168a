/** The rules a password a member of staff chooses must meet (NCSC: long beats complex). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * What is wrong with a new password, in words a person can act on, or an empty list.
 * `current` is the password being replaced (the temporary one at first sign-in).
 */
export function passwordProblems(password: string, account: { username: string; current: string }): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Your new password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`Your new password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  if (password === account.current) problems.push('Your new password must be different from your current (temporary) password');
  if (account.username && password.toLowerCase().includes(account.username.toLowerCase())) problems.push('Your new password must not contain your username');
  return problems;
}
