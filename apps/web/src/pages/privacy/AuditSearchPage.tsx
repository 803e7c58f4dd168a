import { useSearchParams } from 'react-router-dom';
import type { AuditEntryView, AuditSearchAnswer, AuditSearchOptions } from '../../api/types';
import { useApi } from '../../api/useApi';
import { FigureTable } from '../../components/FigureTable';
import { formatDateTime, formatNhsNumber } from '../../components/format';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { actorText, BreakGlassTag, OutcomeTag } from './AuditTags';
import { AuditSearchForm, FILTERS, type Filters } from './AuditSearchForm';
import { PrivacyNav } from './PrivacyNav';

/** Shown in a row before "and N more" (the CSV has them all). */
const PEOPLE_SHOWN = 3;

function People({ entry }: { entry: AuditEntryView }) {
  if (entry.people.length === 0) return <>None</>;
  const shown = entry.people.slice(0, PEOPLE_SHOWN);
  const more = entry.people.length - shown.length;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {shown.map((p, i) => (
        <li key={i} className="footprint-nowrap nhsuk-u-margin-bottom-0">
          {p.nhsNumber ? formatNhsNumber(p.nhsNumber) : 'No NHS number'}
        </li>
      ))}
      {more > 0 && <li className="footprint-nowrap nhsuk-u-margin-bottom-0">and {more} more</li>}
    </ul>
  );
}

/** The results: one row per audited interaction, newest first, break-glass marked; paged by "Older entries". */
function AuditResults({ path, onOlder, onNewest, paged }: { path: string; onOlder(next: string): void; onNewest(): void; paged: boolean }) {
  const answer = useApi<AuditSearchAnswer>(path);
  return (
    <Load state={answer} what="the audit">
      {(data) => (
        <>
          <FigureTable
            caption={`Audit entries${data.scope.kind === 'footprint' ? ' across the footprint' : ` for ${data.scope.organisation?.name ?? 'your organisation'}`}, most recent first`}
            testId="audit-entries"
            csvName="audit-search"
            emptyText="No audit entries match this search."
            columns={[
              { key: 'when', header: 'When', nowrap: true, render: (e) => formatDateTime(e.when), csv: (e) => e.when },
              { key: 'who', header: 'Who', render: (e) => actorText(e.who), csv: (e) => actorText(e.who) },
              // An organisation's officer sees only their organisation's entries: the caption names it once.
              ...(data.scope.kind === 'footprint' ? [{ key: 'organisation', header: 'Organisation', render: (e: AuditEntryView) => e.organisation?.name ?? 'None', csv: (e: AuditEntryView) => e.organisation?.name ?? '' }] : []),
              { key: 'action', header: 'What', render: (e) => (e.touched.length ? `${e.action}: ${e.touched.join(', ')}` : e.action), csv: (e) => `${e.action} ${e.touched.join(' ')}`.trim() },
              { key: 'people', header: 'Person (NHS number)', render: (e) => <People entry={e} />, csv: (e) => e.people.map((p) => p.nhsNumber ?? '').join(' ') },
              {
                key: 'purpose',
                header: 'Why',
                render: (e) => (e.breakGlass ? <><BreakGlassTag /> Emergency access</> : e.purpose.label),
                csv: (e) => e.purpose.code,
              },
              { key: 'outcome', header: 'Outcome', render: (e) => <OutcomeTag outcome={e.outcome} />, csv: (e) => e.outcome.label },
            ]}
            rows={data.entries}
          />
          <nav aria-label="Pages of the audit" className="nhsuk-u-margin-top-4">
            <ul className="nhsuk-list footprint-inline-list">
              {paged && (
                <li>
                  <a href="?" onClick={(e) => { e.preventDefault(); onNewest(); }}>Newest entries</a>
                </li>
              )}
              {data.next && (
                <li>
                  <a href={`?before=${data.next}`} onClick={(e) => { e.preventDefault(); onOlder(data.next!); }}>Older entries</a>
                </li>
              )}
            </ul>
          </nav>
        </>
      )}
    </Load>
  );
}

/**
 * The privacy officer's search over the audit: who looked at whose record, when, why and with
 * what outcome, by person (NHS number), member of staff, organisation, dates and purpose. Each
 * search is itself audited by the server.
 */
export function AuditSearchPage() {
  usePageTitle('Search the audit');
  const [params, setParams] = useSearchParams();
  const options = useApi<AuditSearchOptions>('/privacy/audit/options');
  const filters: Filters = Object.fromEntries(FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : [])));
  const before = params.get('before');
  const query = new URLSearchParams({ ...filters, ...(before ? { before } : {}) }).toString();
  return (
    <>
      <PrivacyNav />
      <h1>Search the audit</h1>
      <p className="nhsuk-lede-text">Every look at a person’s record is in the audit. Search it to answer a person’s question or to check a member of staff’s access. Your searches are recorded too.</p>
      <Load state={options} what="the search form">
        {(data) => (
          <AuditSearchForm
            key={params.toString()}
            options={data}
            initial={filters}
            onSearch={(next) => setParams(next as Record<string, string>)}
          />
        )}
      </Load>
      <AuditResults
        path={`/privacy/audit${query ? `?${query}` : ''}`}
        paged={Boolean(before)}
        onOlder={(next) => setParams({ ...filters, before: next } as Record<string, string>)}
        onNewest={() => setParams(filters as Record<string, string>)}
      />
    </>
  );
}
