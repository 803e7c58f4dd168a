import { useState, type FormEvent } from 'react';
import type { DocumentInfo, GovernanceOptions } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Field, FormCard, FormErrors, Radios, SelectField, useSave } from './form-fields';

const base = '/partnership/governance';
const ACCEPT = '.pdf,.doc,.docx,.txt,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';
const TYPE_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};

/**
 * Uploads the file as its own bytes (not JSON), with the session's CSRF token: the one request the
 * JSON client cannot make. The server checks the type, size and contents, and answers its id.
 */
async function upload(file: File): Promise<DocumentInfo> {
  const session = (await (await fetch('/api/session', { credentials: 'same-origin' })).json()) as { csrfToken?: string };
  const type = file.type || TYPE_BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] || 'application/octet-stream';
  const response = await fetch(`/api${base}/documents?name=${encodeURIComponent(file.name)}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': type, 'x-csrf-token': session.csrfToken ?? '' }, body: file });
  const body = (await response.json().catch(() => ({}))) as DocumentInfo & { title?: string; detail?: string };
  if (!response.ok) throw new Error(body.detail ? `${body.title ?? 'Not uploaded'}: ${body.detail}` : (body.title ?? `The server answered ${response.status}`));
  return body;
}

/** Adds a paper to the meeting: a link to where it is published, or a file uploaded to Footprint (PDF, Word or plain text, up to 10 MB). */
export function PaperForm({ meetingId, onSaved }: { meetingId: string; onSaved(): void }) {
  const options = useApi<GovernanceOptions>(`${base}/options`);
  const [title, setTitle] = useState('');
  const [type, setType] = useState('report');
  const [source, setSource] = useState('link');
  const [link, setLink] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const form = useSave({ title: 'paper-title', type: 'paper-type', link: 'paper-link', file: 'paper-file' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setUploadError(null);
    const missing = [
      ...(title.trim() ? [] : [{ field: 'paper-title', message: 'Enter the paper’s title' }]),
      ...(source === 'link' && !link.trim() ? [{ field: 'paper-link', message: 'Enter the paper’s web address' }] : []),
      ...(source === 'file' && !file ? [{ field: 'paper-file', message: 'Choose the file to upload' }] : []),
    ];
    if (form.fail(missing)) return;
    let document: DocumentInfo | undefined;
    if (source === 'file' && file) {
      try {
        document = await upload(file);
      } catch (error) {
        setUploadError((error as Error).message);
        return;
      }
    }
    const saved = await form.save('POST', `${base}/meetings/${encodeURIComponent(meetingId)}/papers`, { title, type, ...(document ? { file: document.id } : { link }) });
    if (saved) {
      setTitle('');
      setLink('');
      setFile(null);
      onSaved();
    }
  }
  return (
    <FormCard title="Add a paper" testId="paper-form">
      <form onSubmit={submit} noValidate>
        <FormErrors id="paper-errors" errors={form.errors} problem={uploadError ?? form.problem} ref={form.summary} />
        <Field id="paper-title" label="Title" value={title} onChange={setTitle} error={form.errorFor('paper-title')} />
        <SelectField id="paper-type" label="Type" value={type} onChange={setType} options={(options.status === 'ready' ? options.data.vocabulary.paperTypes : []).map((t) => ({ value: t.code, label: t.label }))} />
        <Radios id="paper-source" legend="Where is the paper?" value={source} onChange={setSource} options={[{ code: 'link', label: 'Published at a web address' }, { code: 'file', label: 'Upload a file' }]} />
        {source === 'link' ? (
          <Field id="paper-link" label="Web address" type="url" hint="Starting https://" value={link} onChange={setLink} error={form.errorFor('paper-link')} />
        ) : (
          <div className={`nhsuk-form-group${form.errorFor('paper-file') ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor="paper-file">
              File
            </label>
            <div className="nhsuk-hint" id="paper-file-hint">
              PDF, Word or plain text, up to 10 MB.
            </div>
            {form.errorFor('paper-file') && (
              <span className="nhsuk-error-message" id="paper-file-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {form.errorFor('paper-file')}
              </span>
            )}
            <input className="nhsuk-file-upload" id="paper-file" name="paper-file" type="file" accept={ACCEPT} aria-describedby={`paper-file-hint${form.errorFor('paper-file') ? ' paper-file-error' : ''}`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
        )}
        <button className="nhsuk-button" type="submit" disabled={form.busy}>
          Add the paper
        </button>
      </form>
    </FormCard>
  );
}
