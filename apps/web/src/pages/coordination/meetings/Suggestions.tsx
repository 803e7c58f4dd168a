import { useState } from 'react';
import type { MeetingSuggestions } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { formatDate, formatNhsNumber } from '../../../components/format';
import { Load, ProblemMessage } from '../../../components/Status';
import { Select } from '../../../components/Select';

/** Where a person on a meeting's list came from, in words. */
export const SOURCE_LABELS: Record<string, string> = {
  frailty: 'Frailty',
  'high-risk': 'High risk: repeated emergency care',
  'recent-admission': 'Recently in hospital',
  'by-hand': 'Added by hand',
};

const SOURCES = ['frailty', 'recent-admission', 'high-risk'] as const;

function AddButton({ meetingId, person, source, onAdded }: { meetingId: string; person: MeetingSuggestions['people'][number]; source: string; onAdded(): void }) {
  const { submit, busy, problem } = useSubmit(async () => {
    await api(`/coordination/meetings/${encodeURIComponent(meetingId)}/people`, { method: 'POST', body: { patientId: person.patientId, source } });
    onAdded();
  }, 'The person was not added');
  return (
    <form onSubmit={submit} noValidate>
      {problem && <ProblemMessage error={problem} />}
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit" disabled={busy}>
        Add<span className="nhsuk-u-visually-hidden"> {person.name}</span>
      </button>
    </form>
  );
}

/** People the worklists suggest for the meeting, among those the host organisation may see. */
export function Suggestions({ meetingId, refreshed, onAdded }: { meetingId: string; refreshed: number; onAdded(): void }) {
  const [source, setSource] = useState<string>('frailty');
  const state = useApi<MeetingSuggestions>(`/coordination/meetings/${encodeURIComponent(meetingId)}/suggestions?source=${source}&r=${refreshed}`);
  return (
    <section data-testid="suggestions">
      <h2>Suggested from the worklists</h2>
      <Select id="suggestion-source" label="Worklist" value={source} onChange={setSource} options={SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} />
      <Load state={state} what="suggestions">
        {(data) => (
          <>
            <p className="nhsuk-body-s">{data.definition} Only people your organisation may see are suggested.</p>
            {data.people.length === 0 ? (
              <p>Nobody else on this worklist.</p>
            ) : (
              <table className="nhsuk-table">
                <caption className="nhsuk-u-visually-hidden">People suggested from the {SOURCE_LABELS[source]} worklist</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">Person</th>
                    <th scope="col" className="nhsuk-table__header">Why</th>
                    <th scope="col" className="nhsuk-table__header"><span className="nhsuk-u-visually-hidden">Add to the meeting</span></th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {data.people.map((p) => (
                    <tr key={p.patientId} className="nhsuk-table__row" data-testid="suggestion">
                      <td className="nhsuk-table__cell">
                        {p.name}
                        <span className="nhsuk-body-s nhsuk-u-display-block">
                          {p.nhsNumber ? `NHS ${formatNhsNumber(p.nhsNumber)}` : 'No NHS number'}
                          {p.birthDate && `, born ${formatDate(p.birthDate)}`}
                        </span>
                      </td>
                      <td className="nhsuk-table__cell">{p.reason}</td>
                      <td className="nhsuk-table__cell">
                        <AddButton meetingId={meetingId} person={p} source={source} onAdded={onAdded} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {data.truncated && <p className="nhsuk-body-s">Showing the most recent matches only.</p>}
          </>
        )}
      </Load>
    </section>
  );
}
