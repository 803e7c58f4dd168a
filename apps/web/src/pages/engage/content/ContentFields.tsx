import { Checkbox, Field, TextArea } from '../../partnership/governance/form-fields';
import type { ContentKind } from './types';

/** The editable fields of a draft. */
export interface DraftFields {
  title: string;
  summary: string;
  body: string;
  position: string;
  illustrative: boolean;
}

export const FIELD_IDS = { title: 'content-title', summary: 'content-summary', body: 'content-body', position: 'content-position', slug: 'content-slug', kind: 'content-kind', change: 'content-change' } as const;

/** The form fields of a draft, worded for its kind (a question's title is the question, its text the answer). */
export function ContentFields({ kind, value, onChange, errorFor }: { kind: ContentKind; value: DraftFields; onChange(next: DraftFields): void; errorFor(id: string): string | undefined }) {
  const set = <K extends keyof DraftFields>(key: K) => (v: DraftFields[K]) => onChange({ ...value, [key]: v });
  return (
    <>
      <Field id={FIELD_IDS.title} label={kind === 'question' ? 'Question' : 'Title'} value={value.title} onChange={set('title')} error={errorFor(FIELD_IDS.title)} />
      {kind !== 'question' && <Field id={FIELD_IDS.summary} label="Summary (optional)" hint="One sentence under the title. News: what the story is, in a line." value={value.summary} onChange={set('summary')} error={errorFor(FIELD_IDS.summary)} />}
      <TextArea
        id={FIELD_IDS.body}
        label={kind === 'question' ? 'Answer' : 'Text'}
        hint="Plain text. Leave a blank line between paragraphs. Start a line with “## ” for a heading or “- ” for a bullet. Anything else, such as HTML, is shown exactly as typed."
        value={value.body}
        onChange={set('body')}
        rows={14}
        error={errorFor(FIELD_IDS.body)}
      />
      {kind === 'question' && <Field id={FIELD_IDS.position} label="Order" hint="Questions are listed smallest number first." value={value.position} onChange={set('position')} width="nhsuk-input--width-4" error={errorFor(FIELD_IDS.position)} />}
      <Checkbox id="content-illustrative" label="Illustrative: made up for a demonstration, and labelled so to the public" checked={value.illustrative} onChange={set('illustrative')} />
    </>
  );
}

/** The draft's fields as the API takes them. */
export const draftBody = (d: DraftFields) => ({ title: d.title, summary: d.summary, body: d.body, position: Number(d.position || 0), illustrative: d.illustrative });
