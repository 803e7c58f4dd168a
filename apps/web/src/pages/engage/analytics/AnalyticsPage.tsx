import { useState, type FormEvent } from 'react';
import type { ConsultationAnalytics, FreeTextAnswer } from '@footprint/engage';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { Field } from '../../partnership/governance/form-fields';

/** Submitted responses per day, as a table with a bar for each day. */
function OverTime({ data }: { data: ConsultationAnalytics }) {
  const most = Math.max(1, ...data.overTime.map((d) => d.count));
  if (data.overTime.length === 0) return <p>No responses have been submitted yet.</p>;
  return (
    <table className="nhsuk-table" data-testid="over-time">
      <caption className="nhsuk-table__caption">Submitted responses per day</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Responses</th>
          <th scope="col">Total so far</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {data.overTime.map((d) => (
          <tr key={d.date} className="nhsuk-table__row">
            <td className="nhsuk-table__cell">{formatDate(d.date)}</td>
            <td className="nhsuk-table__cell">
              <progress max={most} value={d.count} aria-hidden="true" /> {d.count}
            </td>
            <td className="nhsuk-table__cell">{d.cumulative}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each closed question's answers, one column per group of the chosen "about you" question. */
function ByGroup({ data, group, setGroup }: { data: ConsultationAnalytics; group: string; setGroup(g: string): void }) {
  const groups = data.byGroup.groups.filter((g) => g.count > 0);
  return (
    <>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="group">
          Break answers down by
        </label>
        <select className="nhsuk-select" id="group" value={group} onChange={(e) => setGroup(e.target.value)}>
          {data.whoResponded.map((q) => (
            <option key={q.key} value={q.key}>
              {q.title}
            </option>
          ))}
        </select>
      </div>
      {data.byGroup.questions.map((q) => (
        <table key={q.id} className="nhsuk-table-responsive" data-testid={`by-group-${q.id}`}>
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">{q.title}</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Answer</th>
              <th scope="col">All</th>
              {groups.map((g) => (
                <th key={g.id} scope="col">
                  {g.label} ({g.count})
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {q.options.map((o) => (
              <tr key={o.id} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__cell">
                  {o.label}
                </th>
                <td className="nhsuk-table__cell">{o.total}</td>
                {groups.map((g) => (
                  <td key={g.id} className="nhsuk-table__cell">
                    {o.byGroup[g.id] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

/** Themes: create one, see the counts, tag each free-text answer. */
function Themes({ id, data, onChanged }: { id: string; data: ConsultationAnalytics; onChanged(): void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const answers = useApi<FreeTextAnswer[]>(`/engage/consultations/${encodeURIComponent(id)}/analytics/free-text${filter ? `?theme=${filter}` : ''}`);
  const attempt = async (fn: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await fn();
      onChanged();
      answers.refresh();
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'Not saved');
      setProblem(e.detail ?? e.title);
    }
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      await api(`/engage/consultations/${encodeURIComponent(id)}/themes`, { method: 'POST', body: { name } });
      setName('');
    });
  };
  return (
    <>
      {problem && (
        <p className="nhsuk-error-message" role="alert" data-testid="theme-problem">
          {problem}
        </p>
      )}
      {data.themes.length === 0 ? (
        <p>No themes yet.</p>
      ) : (
        <table className="nhsuk-table" data-testid="themes">
          <caption className="nhsuk-table__caption">Themes in the free text</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">Answers</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {data.themes.map((t) => (
              <tr key={t.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{t.name}</td>
                <td className="nhsuk-table__cell">{t.answers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={create} noValidate data-testid="theme-form">
        <Field id="theme-name" label="New theme" hint="For example, “Opening hours” or “Transport”" value={name} onChange={setName} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Add theme
        </button>
      </form>
      <h3>Free-text answers</h3>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="theme-filter">
          Show
        </label>
        <select className="nhsuk-select" id="theme-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="">All answers</option>
          <option value="none">Answers without a theme</option>
          {data.themes.map((t) => (
            <option key={t.id} value={String(t.id)}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <Load state={answers} what="the free-text answers">
        {(list) =>
          list.length === 0 ? (
            <p>No answers here.</p>
          ) : (
            <ul className="nhsuk-list" data-testid="free-text">
              {list.map((a) => (
                <li key={`${a.responseId}/${a.questionId}`} className="nhsuk-card">
                  <div className="nhsuk-card__content">
                    <p className="nhsuk-body-s">
                      {a.publicId}, {a.questionTitle}
                    </p>
                    <div className="fp-enquiry-text">{a.text}</div>
                    {data.themes.length > 0 && (
                      <fieldset className="nhsuk-fieldset">
                        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Themes</legend>
                        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                          {data.themes.map((t) => {
                            const box = `tag-${a.responseId}-${a.questionId}-${t.id}`;
                            return (
                              <div key={t.id} className="nhsuk-checkboxes__item">
                                <input
                                  className="nhsuk-checkboxes__input"
                                  id={box}
                                  type="checkbox"
                                  checked={a.themes.includes(t.id)}
                                  onChange={(e) => void attempt(() => api(`/engage/consultations/${encodeURIComponent(id)}/themes/${t.id}/tags`, { method: 'POST', body: { responseId: a.responseId, questionId: a.questionId, tagged: e.target.checked } }))}
                                />
                                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={box}>
                                  {t.name}
                                </label>
                              </div>
                            );
                          })}
                        </div>
                      </fieldset>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Load>
    </>
  );
}

/** A consultation's staff analytics: responses over time, who responded, answers by group, themes in the free text, and the CSV export. */
export function AnalyticsPage() {
  const { id = '' } = useParams();
  const [group, setGroup] = useState('ageBand');
  const analytics = useApi<ConsultationAnalytics>(`/engage/consultations/${encodeURIComponent(id)}/analytics?group=${group}`);
  usePageTitle('Consultation analytics');
  return (
    <Load state={analytics} what="the analytics">
      {(data) => (
        <>
          <span className="nhsuk-caption-l">Analytics</span>
          <h1>{data.consultation.title}</h1>
          <p className="nhsuk-lede-text" data-testid="analytics-summary">
            {data.submitted} submitted response{data.submitted === 1 ? '' : 's'} and {data.drafts} saved but not submitted. Open {formatDate(data.consultation.opensOn)} to {formatDate(data.consultation.closesOn)}.
          </p>
          <p>
            <a className="nhsuk-button nhsuk-button--secondary" href={`/api/engage/consultations/${encodeURIComponent(id)}/analytics/export.csv`} download data-testid="export-csv">
              Download responses (CSV)
            </a>
          </p>
          <p className="nhsuk-body-s">One row per response. Names and email addresses are included only for respondents who agreed to be contacted.</p>
          <h2>Responses over time</h2>
          <OverTime data={data} />
          <h2>Who responded</h2>
          <ul className="nhsuk-list" data-testid="who-responded">
            {data.whoResponded.map((w) => (
              <li key={w.key}>
                <strong>{w.title}</strong>{' '}
                {w.groups
                  .filter((g) => g.count > 0)
                  .map((g) => `${g.label} ${g.count}`)
                  .join(', ')}
              </li>
            ))}
          </ul>
          <h2>Answers by group</h2>
          <ByGroup data={data} group={group} setGroup={setGroup} />
          <h2>Themes</h2>
          <Themes id={id} data={data} onChanged={analytics.refresh} />
        </>
      )}
    </Load>
  );
}
