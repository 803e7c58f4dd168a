import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Consultation, ConsultationDefinition, ConsultationPlace, ConsultationVersion, ContentSection, Question, QuestionType } from '@footprint/engage';
import { api, ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { formatDateTime } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { newQuestion, QuestionEditor, TYPE_WORDS } from './QuestionEditor';
import { SectionsEditor } from './SectionsEditor';

type Loaded = { consultation: Consultation; questionsFrozen: boolean };

const EMPTY: ConsultationDefinition = { title: '', summary: '', background: [], easyRead: [], opensOn: '', closesOn: '', audience: { places: [], groups: [] }, questions: [], askAboutYou: true };
const definitionOf = (c: Consultation): ConsultationDefinition => ({ title: c.title, summary: c.summary, background: c.background, easyRead: c.easyRead, opensOn: c.opensOn, closesOn: c.closesOn, audience: c.audience, questions: c.questions, askAboutYou: c.askAboutYou });
const nextId = (qs: Question[]) => `q${Math.max(0, ...qs.map((q) => Number(/^q(\d+)$/.exec(q.id)?.[1] ?? 0))) + 1}`;

function Problems({ problem }: { problem: ApiError | null }) {
  if (!problem) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby="builder-problem-title" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title" id="builder-problem-title">
        {problem.title}
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list" data-testid="builder-problems">
          {(problem.detail ?? problem.message).split('; ').map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function History({ id, version }: { id: string; version: number }) {
  const versions = useApi<{ versions: ConsultationVersion[] }>(`/engage/consultations/${id}/versions?v=${version}`);
  return (
    <Load state={versions} what="the version history">
      {(data) => (
        <table className="nhsuk-table" data-testid="versions">
          <caption className="nhsuk-table__caption">Version history</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Version</th>
              <th scope="col">What changed</th>
              <th scope="col">Who</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {data.versions.map((v) => (
              <tr key={v.version} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{v.version}</td>
                <td className="nhsuk-table__cell">{v.change}</td>
                <td className="nhsuk-table__cell">{v.changedBy}</td>
                <td className="nhsuk-table__cell">{formatDateTime(v.changedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Load>
  );
}

function Builder({ loaded, places }: { loaded?: Loaded; places: ConsultationPlace[] }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ConsultationDefinition>(loaded ? definitionOf(loaded.consultation) : EMPTY);
  const [current, setCurrent] = useState<Loaded | undefined>(loaded);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const location = useLocation();
  const [saved, setSaved] = useState<string | null>((location.state as { saved?: string } | null)?.saved ?? null);
  const [addType, setAddType] = useState<QuestionType>('single-choice');
  const frozen = current?.questionsFrozen ?? false;
  const set = (patch: Partial<ConsultationDefinition>) => setDraft((d) => ({ ...d, ...patch }));
  const setQuestions = (questions: Question[]) => set({ questions });
  const c = current?.consultation;
  useEffect(() => setProblem(null), [draft]);

  async function save() {
    setSaved(null);
    try {
      const answer = c ? await api<Loaded>(`/engage/consultations/${c.id}`, { method: 'PUT', body: { definition: draft, ifVersion: c.version } }) : await api<Loaded>('/engage/consultations', { method: 'POST', body: draft });
      setCurrent(answer);
      setSaved(`Saved as version ${answer.consultation.version}.`);
      if (!c) void navigate(`/engage/consultations/${answer.consultation.id}`, { replace: true, state: { saved: `Saved as a draft: ${answer.consultation.id}.` } });
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'Not saved', String(error)));
    }
  }
  async function publish() {
    if (!c) return;
    try {
      const answer = await api<Loaded>(`/engage/consultations/${c.id}/publish`, { method: 'POST' });
      setCurrent(answer);
      setSaved(`Published: the public can see it${answer.consultation.state === 'open' ? ' and respond' : ''}.`);
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'Not published', String(error)));
    }
  }
  const move = (i: number, by: -1 | 1) => {
    const qs = [...draft.questions];
    [qs[i], qs[i + by]] = [qs[i + by], qs[i]];
    setQuestions(qs);
  };

  return (
    <>
      <Problems problem={problem} />
      {saved && (
        <div className="nhsuk-inset-text" role="status" data-testid="builder-saved">
          <p>{saved}</p>
        </div>
      )}
      {c && (
        <>
          <p data-testid="builder-state">
            State: <strong className="nhsuk-tag">{c.state}</strong> · {c.responseCount} submitted response{c.responseCount === 1 ? '' : 's'} · version {c.version}
          </p>
          <ul className="nhsuk-list" aria-label="This consultation's other pages">
            {c.publishedAt && (
              <li>
                <a href={`/public/consultations/${c.id}`}>The public page</a>
              </li>
            )}
            <li>
              <Link to={`/engage/consultations/${c.id}/moderation`}>Moderation of free text</Link>
            </li>
            <li>
              <Link to={`/engage/consultations/${c.id}/results`}>Results and "you said, we did"</Link>
            </li>
            <li>
              <Link to={`/engage/consultations/${c.id}/analytics`}>Analytics</Link>
            </li>
          </ul>
        </>
      )}
      <h2>About the consultation</h2>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="consultation-title">
          Title
        </label>
        <input className="nhsuk-input" id="consultation-title" value={draft.title} onChange={(e) => set({ title: e.target.value })} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="consultation-summary">
          Summary
        </label>
        <textarea className="nhsuk-textarea" id="consultation-summary" rows={3} value={draft.summary} onChange={(e) => set({ summary: e.target.value })} />
      </div>
      <div className="fp-builder-row">
        {(['opensOn', 'closesOn'] as const).map((k) => (
          <div key={k} className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`consultation-${k}`}>
              {k === 'opensOn' ? 'Opens on' : 'Closes on'}
            </label>
            <input className="nhsuk-input nhsuk-input--width-10" id={`consultation-${k}`} type="date" value={draft[k]} onChange={(e) => set({ [k]: e.target.value })} />
          </div>
        ))}
      </div>
      <fieldset className="nhsuk-fieldset nhsuk-form-group">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Places it is for (none: everyone)</legend>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          {places.map((p) => (
            <div key={p.code} className="nhsuk-checkboxes__item">
              <input className="nhsuk-checkboxes__input" id={`place-${p.code}`} type="checkbox" checked={draft.audience.places.includes(p.code)} onChange={(e) => set({ audience: { ...draft.audience, places: e.target.checked ? [...draft.audience.places, p.code] : draft.audience.places.filter((x) => x !== p.code) } })} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`place-${p.code}`}>
                {p.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="consultation-groups">
          Groups it is for
        </label>
        <div className="nhsuk-hint" id="consultation-groups-hint">
          One per line, for example “Carers” or “Young people”
        </div>
        <textarea className="nhsuk-textarea" id="consultation-groups" rows={2} aria-describedby="consultation-groups-hint" value={draft.audience.groups.join('\n')} onChange={(e) => set({ audience: { ...draft.audience, groups: e.target.value.split('\n') } })} onBlur={() => set({ audience: { ...draft.audience, groups: draft.audience.groups.map((g) => g.trim()).filter(Boolean) } })} />
      </div>
      <SectionsEditor kind="Background" sections={draft.background} onChange={(background: ContentSection[]) => set({ background })} />
      <SectionsEditor kind="Easy read" sections={draft.easyRead} onChange={(easyRead: ContentSection[]) => set({ easyRead })} />
      <h2>Questions</h2>
      {frozen && (
        <div className="nhsuk-warning-callout" data-testid="questions-frozen">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Questions are frozen
            </span>
          </h3>
          <p>This consultation has responses, so its questions can no longer change. You can still change its title, summary, background, easy read, dates and audience.</p>
        </div>
      )}
      {draft.questions.map((q, i) => (
        <QuestionEditor
          key={q.id}
          question={q}
          index={i}
          earlier={draft.questions.slice(0, i)}
          count={draft.questions.length}
          frozen={frozen}
          onChange={(changed) => setQuestions(draft.questions.map((x, j) => (j === i ? changed : x)))}
          onMove={(by) => move(i, by)}
          onRemove={() => setQuestions(draft.questions.filter((_, j) => j !== i))}
        />
      ))}
      {!frozen && (
        <div className="fp-builder-row">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="add-question-type">
              Type of question to add
            </label>
            <select className="nhsuk-select" id="add-question-type" value={addType} onChange={(e) => setAddType(e.target.value as QuestionType)}>
              {(Object.keys(TYPE_WORDS) as QuestionType[]).map((t) => (
                <option key={t} value={t}>
                  {TYPE_WORDS[t]}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setQuestions([...draft.questions, newQuestion(addType, nextId(draft.questions))])}>
            Add question
          </button>
        </div>
      )}
      <div className="nhsuk-checkboxes nhsuk-form-group">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id="consultation-about-you" type="checkbox" disabled={frozen} checked={draft.askAboutYou} onChange={(e) => set({ askAboutYou: e.target.checked })} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="consultation-about-you">
            Ask the optional questions about the respondent (age, place, protected characteristics)
          </label>
        </div>
      </div>
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" onClick={() => void save()}>
          {c ? 'Save changes' : 'Save as a draft'}
        </button>
        {c && !c.publishedAt && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void publish()}>
            Publish
          </button>
        )}
      </div>
      {c && <History id={c.id} version={c.version} />}
    </>
  );
}

/** /engage/consultations/new and /engage/consultations/:id: the builder, the publish button and the version history. */
export function ConsultationBuilderPage() {
  const { id } = useParams();
  usePageTitle(id ? 'Edit consultation' : 'Create a consultation');
  const places = useApi<{ places: ConsultationPlace[] }>('/engage/consultation-places');
  const loaded = useApi<Loaded>(id ? `/engage/consultations/${id}` : null);
  return (
    <>
      <Link className="nhsuk-back-link" to="/engage/consultations">
        All consultations
      </Link>
      <h1>{id ? 'Edit consultation' : 'Create a consultation'}</h1>
      <Load state={places} what="the footprint's places">
        {(p) => (id ? <Load state={loaded} what="the consultation">{(data) => <Builder key={data.consultation.id} loaded={data} places={p.places} />}</Load> : <Builder places={p.places} />)}
      </Load>
    </>
  );
}
