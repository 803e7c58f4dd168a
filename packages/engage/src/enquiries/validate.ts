import { CONTROL_CHARACTERS, normaliseText, TEXT_LIMITS } from '../abuse';
import { EngageInputError } from '../errors';
import { ENQUIRY_TOPICS, type EnquiryInput, type EnquiryTopic } from './types';

/** One field's problem, so a form can show it beside the field and in its error summary. */
export interface FieldProblem {
  field: 'topic' | 'message' | 'name' | 'email' | 'consentToContact';
  message: string;
}

/** An enquiry refused: a 400 whose detail names every field that is wrong; `fields` for the form. */
export class EnquiryInputError extends EngageInputError {
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`));
  }
}

const ALLOWED_FIELDS = new Set(['topic', 'message', 'name', 'email', 'consentToContact']);
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;
/** Characters as a person counts them (code points), as PostgreSQL's length() does. */
export const characters = (text: string): number => [...text].length;

function optionalText(value: unknown, field: FieldProblem['field'], limit: number, problems: FieldProblem[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push({ field, message: 'must be text' });
    return undefined;
  }
  const text = normaliseText(value).trim();
  if (text === '') return undefined;
  if (CONTROL_CHARACTERS.test(text) || text.includes('\n')) problems.push({ field, message: 'must be one line of text without control characters' });
  else if (characters(text) > limit) problems.push({ field, message: `must be ${limit.toLocaleString('en-GB')} characters or fewer` });
  return text;
}

/**
 * Checks what a member of the public sent (JSON from the API, or the form's fields mapped to the
 * same names): a topic from the list, a message of 1 to 5,000 characters, an optional name and
 * email address, and consent to be contacted (which needs an email address). The message is kept
 * exactly as typed (only line endings made `\n`); control characters are refused, not removed.
 * Throws EnquiryInputError naming each field; unknown fields are refused too.
 */
export function validateEnquiry(body: unknown): EnquiryInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new EnquiryInputError([{ field: 'message', message: 'send the enquiry as a JSON object with topic and message' }]);
  const input = body as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const unknown = Object.keys(input).filter((key) => !ALLOWED_FIELDS.has(key) && key !== 'website');
  if (unknown.length > 0) throw new EngageInputError(unknown.map((key) => `${key}: is not a field of an enquiry (topic, message, name, email, consentToContact)`));

  const topic = input.topic;
  if (typeof topic !== 'string' || !ENQUIRY_TOPICS.some(([id]) => id === topic)) problems.push({ field: 'topic', message: `choose what your message is about (one of ${ENQUIRY_TOPICS.map(([id]) => id).join(', ')})` });

  let message = '';
  if (typeof input.message !== 'string' || input.message.trim() === '') problems.push({ field: 'message', message: 'enter your message' });
  else {
    message = normaliseText(input.message);
    if (CONTROL_CHARACTERS.test(message)) problems.push({ field: 'message', message: 'must not contain control characters' });
    else if (characters(message) > TEXT_LIMITS.message) problems.push({ field: 'message', message: `must be ${TEXT_LIMITS.message.toLocaleString('en-GB')} characters or fewer (it has ${characters(message).toLocaleString('en-GB')})` });
  }

  const name = optionalText(input.name, 'name', TEXT_LIMITS.name, problems);
  const email = optionalText(input.email, 'email', TEXT_LIMITS.email, problems);
  if (email !== undefined && !problems.some((p) => p.field === 'email') && !EMAIL.test(email)) problems.push({ field: 'email', message: 'enter an email address in the correct format, like name@example.com' });

  const consent = input.consentToContact ?? false;
  if (typeof consent !== 'boolean') problems.push({ field: 'consentToContact', message: 'must be true or false' });
  else if (consent && email === undefined && !problems.some((p) => p.field === 'email')) problems.push({ field: 'email', message: 'enter your email address so that we can contact you, or untick the box agreeing to be contacted' });

  if (problems.length > 0) throw new EnquiryInputError(problems);
  return { topic: topic as EnquiryTopic, message, ...(name !== undefined ? { name } : {}), ...(email !== undefined ? { email } : {}), consentToContact: consent === true };
}
