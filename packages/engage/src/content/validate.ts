import { z } from 'zod';
import { CONTROL_CHARACTERS, normaliseText } from '../abuse';
import { EngageInputError } from '../errors';
import { CONTENT_KINDS, type ContentFields, type ContentKind } from './types';

/** Text staff write: line endings made `\n`, trimmed, no control characters; stored and shown as text, never HTML. */
const text = (min: number, max: number) =>
  z
    .string({ message: 'must be text' })
    .transform((s) => normaliseText(s).trim())
    .refine((s) => s.length >= min, { message: min === 1 ? 'must not be empty' : `must be at least ${min} characters` })
    .refine((s) => s.length <= max, { message: `must be at most ${max} characters` })
    .refine((s) => !CONTROL_CHARACTERS.test(s), { message: 'must not hold control characters' });

export const CONTENT_LIMITS = { title: 200, summary: 500, body: 20_000, change: 500 } as const;

const fields = {
  title: text(1, CONTENT_LIMITS.title),
  summary: text(0, CONTENT_LIMITS.summary),
  body: text(1, CONTENT_LIMITS.body),
  position: z.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' }).min(0, { message: 'must be 0 or more' }).max(10_000, { message: 'must be at most 10000' }),
  illustrative: z.boolean({ message: 'must be true or false' }),
};

const createSchema = z
  .object({
    kind: z.enum(CONTENT_KINDS, { message: 'must be page, news or question' }),
    slug: z.string({ message: 'must be text' }).regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'must be 1 to 80 lower-case letters, digits and hyphens, starting with a letter or digit' }),
    title: fields.title,
    summary: fields.summary.default(''),
    body: fields.body,
    position: fields.position.default(0),
    illustrative: fields.illustrative.default(false),
  })
  .strict();

const draftSchema = z.object({ title: fields.title, summary: fields.summary, body: fields.body, position: fields.position, illustrative: fields.illustrative }).partial().strict();
const publishSchema = z.object({ change: text(1, CONTENT_LIMITS.change) }).strict();

function check<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new EngageInputError(parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.code === 'unrecognized_keys' ? `unknown field${i.keys.length === 1 ? '' : 's'} ${i.keys.join(', ')}` : i.message}`));
}

/** A new item: its kind, slug and first draft; EngageInputError naming each field that is wrong. */
export function validateNewContent(input: unknown): ContentFields & { kind: ContentKind; slug: string } {
  return check(createSchema, input);
}

/** Changes to a draft (any of its fields). */
export function validateDraft(input: unknown): Partial<ContentFields> {
  return check(draftSchema, input);
}

/** A publication: what changed, in words the public will read in the history. */
export function validatePublication(input: unknown): { change: string } {
  return check(publishSchema, input);
}
