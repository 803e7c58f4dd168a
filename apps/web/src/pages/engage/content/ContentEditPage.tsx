import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { FormErrors, TextArea, useSave } from '../../partnership/governance/form-fields';
import { ContentFields, draftBody, FIELD_IDS, type DraftFields } from './ContentFields';
import { ContentHistory } from './ContentHistory';
import { publicHref, statusWords, when, type ContentWithHistory } from './types';

const fieldsOf = (item: ContentWithHistory): DraftFields => ({ title: item.title, summary: item.summary, body: item.body, position: String(item.position), illustrative: item.illustrative });

function Editor({ item, onSaved }: { item: ContentWithHistory; onSaved(next: ContentWithHistory): void }) {
  const [draft, setDraft] = useState<DraftFields>(() => fieldsOf(item));
  const [change, setChange] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const saving = useSave({ ...FIELD_IDS });
  const publishing = useSave({ change: FIELD_IDS.change });
  useEffect(() => setDraft(fieldsOf(item)), [item]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await saving.save<ContentWithHistory>('PUT', `/engage/content/${item.id}`, draftBody(draft));
    if (saved) {
      setMessage('Draft saved. The public still sees the published version until you publish.');
      onSaved(saved);
    }
  }
  async function publish(event: FormEvent) {
    event.preventDefault();
    if (publishing.fail(change.trim() ? [] : [{ field: FIELD_IDS.change, message: 'Say what changed: the public reads it in the page’s history' }])) return;
    // Publish what is on screen: save the draft first if it was edited.
    const edited = JSON.stringify(draftBody(draft)) !== JSON.stringify(draftBody(fieldsOf(item)));
    if (edited && !(await saving.save<ContentWithHistory>('PUT', `/engage/content/${item.id}`, draftBody(draft)))) return;
    const published = await publishing.save<ContentWithHistory>('POST', `/engage/content/${item.id}/publish`, { change });
    if (published) {
      setChange('');
      setMessage(`Published as version ${published.publishedVersion}. The public sees it now.`);
      onSaved(published);
    }
  }

  return (
    <>
      {message && (
        <div className="nhsuk-inset-text" role="status" data-testid="content-message">
          <p>{message}</p>
        </div>
      )}
      <form onSubmit={save} noValidate data-testid="draft-form">
        <h2>Draft</h2>
        <FormErrors id="draft-errors" errors={saving.errors} problem={saving.problem} ref={saving.summary} />
        <ContentFields kind={item.kind} value={draft} onChange={setDraft} errorFor={saving.errorFor} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={saving.busy}>
          Save the draft
        </button>
      </form>
      <form onSubmit={publish} noValidate data-testid="publish-form">
        <h2>Publish</h2>
        <FormErrors id="publish-errors" errors={publishing.errors} problem={publishing.problem} ref={publishing.summary} />
        <TextArea id={FIELD_IDS.change} label="What changed" hint="In a sentence, for the page’s public history: for example, “Added the new opening hours”." value={change} onChange={setChange} rows={2} error={publishing.errorFor(FIELD_IDS.change)} />
        <button className="nhsuk-button" type="submit" disabled={publishing.busy || saving.busy}>
          Publish
        </button>
      </form>
    </>
  );
}

/** One page, news item or question: edit its draft, publish it, and read every published version with what changed. */
export function ContentEditPage() {
  const { id = '' } = useParams();
  const state = useApi<ContentWithHistory>(`/engage/content/${encodeURIComponent(id)}`);
  const [latest, setLatest] = useState<ContentWithHistory | null>(null);
  useEffect(() => setLatest(null), [id]);
  usePageTitle(state.status === 'ready' ? (latest ?? state.data).title : 'Content');
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Engagement', to: '/engage' }, { label: 'Public content', to: '/engage/content' }]} />
      <Load state={state} what="the content">
        {(loaded) => {
          const item = latest ?? loaded;
          return (
            <>
              <span className="nhsuk-caption-l">{item.kind === 'page' ? 'Page' : item.kind === 'news' ? 'News' : 'Question'}</span>
              <h1>{item.title}</h1>
              <dl className="nhsuk-summary-list" data-testid="content-status">
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Status</dt>
                  <dd className="nhsuk-summary-list__value" data-testid="content-status-words">
                    {statusWords(item)}
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Public page</dt>
                  <dd className="nhsuk-summary-list__value">{item.publishedVersion === null ? 'Not published yet' : <a href={publicHref(item)}>{publicHref(item)}</a>}</dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Draft last changed</dt>
                  <dd className="nhsuk-summary-list__value">
                    {when(item.updatedAt)} by {item.updatedBy}
                  </dd>
                </div>
              </dl>
              <Editor item={item} onSaved={setLatest} />
              <h2>Version history</h2>
              <ContentHistory versions={item.versions} />
            </>
          );
        }}
      </Load>
    </>
  );
}
