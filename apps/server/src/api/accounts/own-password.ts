import { writeAccountEvent, type AccessContext, type SqlClient } from '@footprint/record';
import { ApiProblem } from '../problem';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { endSessionsOf } from '../auth/sessions';
import { passwordProblems } from './password-rules';

/**
 * A signed-in member of staff replaces their password (the temporary one at first sign-in). The
 * current password must be given; the new one must meet the password rules. Their other
 * sessions end; the one they are using (`keepSession`) carries on, no longer restricted.
 */
export async function changeOwnPassword(
  sql: SqlClient,
  actor: AccessContext,
  userId: string,
  passwords: { current: string; next: string },
  keepSession: string,
): Promise<void> {
  const { rows } = await sql.query<{ username: string; password_hash: string | null }>(`SELECT username, password_hash FROM web_users WHERE id = $1`, [userId]);
  const row = rows[0];
  if (!row?.password_hash) throw new ApiProblem(409, 'No password to change', 'This account signs in through your organisation’s identity service, not a Footprint password.');
  if (!(await verifyPassword(passwords.current, row.password_hash))) {
    throw new ApiProblem(400, 'Your current password is not correct', 'Enter the password you signed in with.');
  }
  const problems = passwordProblems(passwords.next, { username: row.username, current: passwords.current });
  if (problems.length > 0) throw new ApiProblem(400, 'Choose a different password', `${problems.join('. ')}.`);
  const hash = await hashPassword(passwords.next);
  await sql.transaction(async (tx) => {
    await tx.query(`UPDATE web_users SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1`, [userId, hash]);
    await endSessionsOf(tx, userId, keepSession);
    await writeAccountEvent(tx, actor, { change: 'change-password', account: { id: userId, username: row.username } });
  });
}
