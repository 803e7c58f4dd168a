import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { usePageTitle } from '../../../components/usePageTitle';
import { Field, FormErrors, SelectField, useSave } from '../../partnership/governance/form-fields';
import { ContentFields, draftBody, FIELD_IDS, type DraftFields } from './ContentFields';
import type { ContentKind, ContentWithHistory } from './types';

/** Writes a new page, news item or question as a draft (nothing is public until it is published). */
export function NewContentPage() {
  usePageTitle('Write something new');
  const navigate = useNavigate();
  const [kind, setKind] = useState<ContentKind>('news');
  const [slug, setSlug] = useState('');
  const [draft, setDraft] = useState<DraftFields>({ title: '', summary: '', body: '', position: '0', illustrative: false });
  const form = useSave({ ...FIELD_IDS });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = [
      ...(slug.trim() ? [] : [{ field: FIELD_IDS.slug, message: 'Enter the address' }]),
      ...(draft.title.trim() ? [] : [{ field: FIELD_IDS.title, message: 'Enter the title' }]),
      ...(draft.body.trim() ? [] : [{ field: FIELD_IDS.body, message: 'Enter the text' }]),
    ];
    if (form.fail(missing)) return;
    const created = await form.save<ContentWithHistory>('POST', '/engage/content', { kind, slug: slug.trim(), ...draftBody(draft) });
    if (created) void navigate(`/engage/content/${created.id}`);
  }

  return (
    <>
      <Breadcrumbs trail={[{ label: 'Engagement', to: '/engage' }, { label: 'Public content', to: '/engage/content' }]} />
      <h1>Write something new</h1>
      <form onSubmit={submit} noValidate data-testid="new-content-form">
        <FormErrors id="new-content-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
        <SelectField
          id={FIELD_IDS.kind}
          label="What is it?"
          value={kind}
          onChange={(v) => setKind(v as ContentKind)}
          options={[
            { value: 'news', label: 'A news item' },
            { value: 'question', label: 'A question and its answer' },
            { value: 'page', label: 'A page' },
          ]}
        />
        <Field id={FIELD_IDS.slug} label="Address" hint="Lower-case letters, numbers and hyphens, such as new-health-centre-opens. It becomes part of the page’s web address and cannot be changed." value={slug} onChange={setSlug} error={form.errorFor(FIELD_IDS.slug)} />
        <ContentFields kind={kind} value={draft} onChange={setDraft} errorFor={form.errorFor} />
        <button className="nhsuk-button" type="submit" disabled={form.busy}>
          Save the draft
        </button>
      </form>
    </>
  );
}
