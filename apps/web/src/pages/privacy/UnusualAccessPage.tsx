import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { AccessMatchView, UnusualAccessAnswer } from '../../api/types';
import { useApi } from '../../api/useApi';
import { FigureTable, type Column } from '../../components/FigureTable';
import { formatCount, formatDate, formatDateTime, formatNhsNumber } from '../../components/format';
import { Load } from '../../components/Status';
import { TextInput } from '../../components/TextInput';
import { usePageTitle } from '../../components/usePageTitle';
import { actorText } from './AuditTags';
import { PrivacyNav } from './PrivacyNav';

const FIELDS = ['from', 'to', 'people', 'minutes'] as const;
type Settings = Partial<Record<(typeof FIELDS)[number], string>>;

/** The period and thresholds; empty fields take the server's defaults (the last 30 days, 20 people in 60 minutes). */
function SettingsForm({ initial, answer, onChange }: { initial: Settings; answer?: UnusualAccessAnswer; onChange(settings: Settings): void }) {
  const [settings, setSettings] = useState<Settings>(initial);
  const set = (name: keyof Settings) => (value: string) => setSettings((s) => ({ ...s, [name]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    onChange(Object.fromEntries(Object.entries(settings).filter(([, v]) => v && v.trim() !== '')) as Settings);
  }
  return (
    <form onSubmit={submit} noValidate data-testid="unusual-access-form" className="nhsuk-u-margin-bottom-5">
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id="from" type="date" label="From" value={settings.from ?? answer?.period.from ?? ''} onChange={set('from')} width="nhsuk-u-width-full" />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id="to" type="date" label="To" value={settings.to ?? answer?.period.to ?? ''} onChange={set('to')} width="nhsuk-u-width-full" />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id="people" label="At least this many people" value={settings.people ?? String(answer?.thresholds.people ?? '')} onChange={set('people')} inputMode="numeric" width="nhsuk-input--width-5" />
        </div>
        <div className="nhsuk-grid-column-one-quarter">
          <TextInput id="minutes" label="Within this many minutes" value={settings.minutes ?? String(answer?.thresholds.minutes ?? '')} onChange={set('minutes')} inputMode="numeric" width="nhsuk-input--width-5" />
        </div>
      </div>
      <button className="nhsuk-button nhsuk-u-margin-bottom-0" type="submit">
        Update the report
      </button>
    </form>
  );
}

/** A link to the audit search for one member of staff (and a person), over the report's period. */
function auditLink(userId: string | null, period: UnusualAccessAnswer['period'], nhsNumber?: string | null): string {
  const q = new URLSearchParams({ ...(userId ? { user: userId } : {}), ...(nhsNumber ? { nhsNumber } : {}), from: period.from, to: period.to });
  return `/privacy/audit?${q.toString()}`;
}

function matchColumns(period: UnusualAccessAnswer['period'], colleague: boolean): Column<AccessMatchView>[] {
  return [
    { key: 'user', header: 'Member of staff', render: (m) => actorText(m.user), csv: (m) => actorText(m.user) },
    { key: 'person', header: 'Person (NHS number)', render: (m) => <span className="footprint-nowrap">{formatNhsNumber(m.person.nhsNumber ?? undefined)}</span>, csv: (m) => m.person.nhsNumber },
    ...(colleague
      ? [{ key: 'colleague', header: 'Matches the staff account of', render: (m: AccessMatchView) => (m.colleague?.isUser ? `${m.colleague.name} (their own name)` : (m.colleague?.name ?? '')), csv: (m: AccessMatchView) => m.colleague?.name ?? '' }]
      : []),
    { key: 'times', header: 'Times opened', numeric: true, render: (m) => formatCount(m.times) },
    { key: 'last', header: 'Last opened', nowrap: true, render: (m) => formatDateTime(m.last), csv: (m) => m.last },
    { key: 'audit', header: 'Audit', render: (m) => <Link to={auditLink(m.user.id, period, m.person.nhsNumber)}>See the entries<span className="nhsuk-u-visually-hidden"> of {m.user.name} for this person</span></Link>, csv: () => '' },
  ];
}

/**
 * The unusual-access report: staff who opened many people's records in a short time, who opened
 * the record of someone who may be a colleague, or of someone sharing their surname. Each row
 * leads to the audit entries behind it. Computed by the server in SQL; each report is audited.
 */
export function UnusualAccessPage() {
  usePageTitle('Unusual access');
  const [params, setParams] = useSearchParams();
  const settings: Settings = Object.fromEntries(FIELDS.flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : [])));
  const query = new URLSearchParams(settings).toString();
  const report = useApi<UnusualAccessAnswer>(`/privacy/unusual-access${query ? `?${query}` : ''}`);
  return (
    <>
      <PrivacyNav />
      <h1>Unusual access</h1>
      <p className="nhsuk-lede-text">Patterns in the audit worth a second look. Each is a prompt to check, not a finding: most have a good reason.</p>
      <SettingsForm key={`${params.toString()}-${report.status}`} initial={settings} answer={report.status === 'ready' ? report.data : undefined} onChange={(s) => setParams(s as Record<string, string>)} />
      <Load state={report} what="the unusual-access report">
        {(data) => (
          <>
            <p className="nhsuk-body" data-testid="unusual-access-period">
              {formatDate(data.period.from)} to {formatDate(data.period.to)}, {data.scope.kind === 'footprint' ? 'across the footprint' : `for ${data.scope.organisation?.name ?? 'your organisation'}`}.
            </p>
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">How these are worked out</span>
              </summary>
              <div className="nhsuk-details__text">
                <p>An opening is an allowed look at one person’s record by a member of staff (viewing the record or an entry in it, or breaking glass). Lists and searches that show many people are not openings, nor are privacy officers’ looks at the audit.</p>
                <p>Many records: the most different people a member of staff opened in any {data.thresholds.minutes} minutes, when it is at least {data.thresholds.people}.</p>
                <p>Colleagues: the person’s family name and a given name are the same as the name of a staff account of the organisation the record was opened for (titles like Dr are ignored). It may be the member of staff’s own record.</p>
                <p>Shared surname: the person’s family name is the member of staff’s own family name.</p>
              </div>
            </details>
            <h2>Many records in a short time</h2>
            <FigureTable
              caption={`Staff who opened at least ${data.thresholds.people} people’s records within ${data.thresholds.minutes} minutes`}
              testId="unusual-bursts"
              csvName="unusual-access-many-records"
              emptyText="No one opened that many records that quickly."
              columns={[
                { key: 'user', header: 'Member of staff', render: (b) => actorText(b.user), csv: (b) => actorText(b.user) },
                { key: 'organisation', header: 'Organisation', render: (b) => b.organisation?.name ?? 'None', csv: (b) => b.organisation?.name ?? '' },
                { key: 'people', header: 'People', numeric: true, render: (b) => formatCount(b.people) },
                { key: 'from', header: 'From', nowrap: true, render: (b) => formatDateTime(b.from), csv: (b) => b.from },
                { key: 'to', header: 'To', nowrap: true, render: (b) => formatDateTime(b.to), csv: (b) => b.to },
                { key: 'audit', header: 'Audit', render: (b) => <Link to={auditLink(b.user.id, { from: b.from.slice(0, 10), to: b.to.slice(0, 10) })}>See the entries<span className="nhsuk-u-visually-hidden"> of {b.user.name}</span></Link>, csv: () => '' },
              ]}
              rows={data.bursts}
            />
            <h2>Records of colleagues</h2>
            <FigureTable caption="Staff who opened the record of someone with a colleague’s name" testId="unusual-colleagues" csvName="unusual-access-colleagues" emptyText="None found." columns={matchColumns(data.period, true)} rows={data.colleagues} />
            <h2>Records of people who share the member of staff’s surname</h2>
            <FigureTable caption="Staff who opened the record of someone with their own family name" testId="unusual-surnames" csvName="unusual-access-surnames" emptyText="None found." columns={matchColumns(data.period, false)} rows={data.surnames} />
          </>
        )}
      </Load>
    </>
  );
}
