/** The fields of a PostgreSQL error that name where it happened, never what values were involved. */
const KEPT = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;

/**
 * A database error as the record passes it on and as logs serialise it: the SQLSTATE code, the
 * message and where it happened (constraint, table, column). Never the SQL text, the bound
 * parameters, the `detail` (which quotes key values and rows) or the `where` context, since those
 * carry searched names, NHS numbers and dates of birth. Data-exception messages (class 22, such
 * as `invalid input syntax for type date: "…"`) have their quoted values replaced by `***`.
 */
export class SqlError extends Error {
  override readonly name = 'SqlError';
  readonly code: string;
  readonly severity?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  readonly schema?: string;
  readonly dataType?: string;
  readonly routine?: string;

  constructor(message: string, fields: Partial<Record<(typeof KEPT)[number], string>> & { code: string }) {
    super(message);
    this.code = fields.code;
    for (const key of KEPT) if (fields[key] !== undefined) Object.assign(this, { [key]: fields[key] });
  }
}

/** True for an error the server sent back (pg's DatabaseError, PGlite's), which has a five-character SQLSTATE. */
function isDatabaseError(error: unknown): error is Error & Record<string, unknown> & { code: string } {
  return error instanceof Error && !(error instanceof SqlError) && typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as unknown as { code: string }).code);
}

/** The message without quoted values where the server quotes input (data exceptions, syntax errors). */
function redactMessage(message: string, code: string): string {
  if (code.startsWith('22') || /syntax error at or near/.test(message)) return message.replace(/"(?:[^"]|"")*"/g, '"***"');
  return message;
}

/** A database error rebuilt as an SqlError (other errors unchanged), keeping the stack frames but not the values. */
export function sanitiseDatabaseError(error: unknown): unknown {
  if (!isDatabaseError(error)) return error;
  const fields: Partial<Record<(typeof KEPT)[number], string>> & { code: string } = { code: error.code };
  for (const key of KEPT) if (typeof error[key] === 'string') fields[key] = error[key];
  const safe = new SqlError(redactMessage(error.message, error.code), fields);
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  if (frames?.length) safe.stack = `${safe.name}: ${safe.message}\n${frames.join('\n')}`;
  return safe;
}
