import type { ConsultationDefinition, ConsultationResponse } from './types';
import type { ResponseInput } from './responses';

/** A flat HTML form body as @fastify/formbody gives it: a field's value, or its values when repeated. */
export type FormBody = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Turns the respond page's plain HTML form into a response: `answers.q1` (text, a choice, a
 * rating; repeated for multiple choice), `answers.q5.<option>` = its rank for ranking,
 * `answers.q6.<row>` = a column for a matrix, `aboutYou.<key>`, `contact.name`, `contact.email`,
 * `contact.consentToContact` = yes, and `publishFreeText` = yes or no. Checking is the store's.
 */
export function responseFromForm(definition: ConsultationDefinition, body: FormBody): ResponseInput {
  const answers: Record<string, unknown> = {};
  for (const q of definition.questions) {
    const name = `answers.${q.id}`;
    if (q.type === 'multiple-choice') {
      const chosen = list(body[name]).filter((v) => v !== '');
      if (chosen.length) answers[q.id] = chosen;
    } else if (q.type === 'ranking') {
      const ranks = q.options.map((o) => ({ id: o.id, rank: first(body[`${name}.${o.id}`]) ?? '' }));
      if (ranks.every((r) => r.rank === '')) continue;
      const complete = ranks.every((r) => /^\d+$/.test(r.rank)) && new Set(ranks.map((r) => r.rank)).size === ranks.length;
      // An incomplete ranking is passed on as it is (the options ranked so far), so the check refuses it by name.
      answers[q.id] = ranks.filter((r) => r.rank !== '').sort((a, b) => Number(a.rank) - Number(b.rank)).map((r) => r.id).slice(0, complete ? undefined : Math.max(0, ranks.length - 1));
    } else if (q.type === 'matrix') {
      const rows = Object.fromEntries(q.rows.map((r) => [r.id, first(body[`${name}.${r.id}`]) ?? '']).filter(([, v]) => v !== ''));
      if (Object.keys(rows).length) answers[q.id] = rows;
    } else {
      const value = first(body[name]);
      if (value !== undefined && value !== '') answers[q.id] = value;
    }
  }
  const aboutYou = Object.fromEntries(Object.entries(body).filter(([k, v]) => k.startsWith('aboutYou.') && first(v)).map(([k, v]) => [k.slice('aboutYou.'.length), first(v)]));
  const name = first(body['contact.name'])?.trim();
  const email = first(body['contact.email'])?.trim();
  const consent = first(body['contact.consentToContact']) === 'yes';
  const contact = name || email || consent ? { ...(name ? { name } : {}), ...(email ? { email } : {}), consentToContact: consent } : undefined;
  const publish = first(body.publishFreeText);
  return {
    answers,
    ...(Object.keys(aboutYou).length ? { aboutYou } : {}),
    ...(contact ? { contact } : {}),
    publishFreeText: publish === 'yes' ? true : publish === 'no' ? false : undefined,
  };
}

/** A saved response as the respond form's fields, to fill the form in again when a draft is resumed. */
export function formFromResponse(definition: ConsultationDefinition, r: Pick<ConsultationResponse, 'answers' | 'aboutYou' | 'contact' | 'publishFreeText'>): FormBody {
  const body: FormBody = {};
  for (const q of definition.questions) {
    const value = r.answers[q.id];
    if (value === undefined) continue;
    const name = `answers.${q.id}`;
    if (q.type === 'ranking' && Array.isArray(value)) value.forEach((id, i) => (body[`${name}.${id}`] = String(i + 1)));
    else if (q.type === 'matrix' && typeof value === 'object' && !Array.isArray(value)) for (const [row, col] of Object.entries(value)) body[`${name}.${row}`] = col;
    else body[name] = Array.isArray(value) ? value : String(value);
  }
  for (const [key, value] of Object.entries(r.aboutYou)) if (value) body[`aboutYou.${key}`] = value;
  if (r.contact?.name) body['contact.name'] = r.contact.name;
  if (r.contact?.email) body['contact.email'] = r.contact.email;
  if (r.contact?.consentToContact) body['contact.consentToContact'] = 'yes';
  body.publishFreeText = r.publishFreeText ? 'yes' : 'no';
  return body;
}
