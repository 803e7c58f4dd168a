import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ChangesView, ChangeView } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { FigureTable } from '../../../components/FigureTable';
import { formatDateTime } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { PartnershipNav } from '../PartnershipNav';
import { ChangeSummary, ChangeTag, whoText } from './ChangeParts';

/** The filter: one kind of item, or all. */
function KindFilter({ kinds, kind, onChoose }: { kinds: ChangesView['kinds']; kind: string; onChoose(kind: string): void }) {
  const [chosen, setChosen] = useState(kind);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChoose(chosen);
  };
  return (
    <form className="footprint-changes-filter" onSubmit={submit} aria-label="Filter changes">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="changes-kind">
          Kind of item
        </label>
        <select className="nhsuk-select" id="changes-kind" name="kind" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">All kinds</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show changes
      </button>
    </form>
  );
}

/**
 * Who changed what in the partnership's register and plan, and when: every kind of item, newest
 * first, each linked to the item's full history; filtered by kind and paged by "Older changes".
 */
export function ChangesPage() {
  usePageTitle('Changes to the register and plan');
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const before = params.get('before') ?? '';
  const query = new URLSearchParams({ ...(kind ? { kind } : {}), ...(before ? { before } : {}) }).toString();
  const changes = useApi<ChangesView>(`/partnership/changes${query ? `?${query}` : ''}`);
  return (
    <>
      <PartnershipNav />
      <h1>Changes to the register and plan</h1>
      <p className="nhsuk-lede-text">Every change to the partnership’s register and plan is kept: who made it, when, and what it changed. Open an item to see its whole history.</p>
      <Load state={changes} what="the changes">
        {(data) => {
          const label = data.kinds.find((k) => k.kind === kind)?.label ?? kind;
          return (
            <>
              <KindFilter key={kind} kinds={data.kinds} kind={kind} onChoose={(k) => setParams(k ? { kind: k } : {})} />
              {kind && (
                <p>
                  <a href={`/api/partnership/export/${encodeURIComponent(kind)}`} download>
                    Download every {label} as CSV
                  </a>
                </p>
              )}
              <FigureTable<ChangeView>
                caption={`${kind ? `Changes to each ${label}` : 'Changes to the register and plan'}${before ? ', older changes' : ''}, most recent first`}
                testId="partnership-changes"
                emptyText={kind ? `No ${label} has been changed.` : 'Nothing has been changed yet.'}
                columns={[
                  { key: 'when', header: 'When', nowrap: true, render: (c) => formatDateTime(c.when) },
                  { key: 'who', header: 'Who', render: (c) => whoText(c.who) },
                  {
                    key: 'item',
                    header: 'Item',
                    render: (c) => (
                      <>
                        <span className="footprint-history-kind" data-testid="change-kind">{c.item.kindLabel}</span>
                        <Link to={`/partnership/changes/${encodeURIComponent(c.item.id)}`}>
                          {c.item.title}
                          <span className="nhsuk-u-visually-hidden">: history</span>
                        </Link>
                      </>
                    ),
                  },
                  {
                    key: 'changes',
                    header: 'What changed',
                    render: (c) => (
                      <>
                        <ChangeTag version={c} />
                        {/* A first version's every field is "new": its history page lists them. */}
                        {c.change !== 'deleted' && c.version > 1 && <ChangeSummary changes={c.changes} />}
                      </>
                    ),
                  },
                ]}
                rows={data.changes}
              />
              <nav aria-label="Pages of changes" className="nhsuk-u-margin-top-4">
                <ul className="nhsuk-list footprint-inline-list">
                  {before && (
                    <li>
                      <a href={kind ? `?kind=${encodeURIComponent(kind)}` : '?'} onClick={(e) => { e.preventDefault(); setParams(kind ? { kind } : {}); }}>
                        Newest changes
                      </a>
                    </li>
                  )}
                  {data.next && (
                    <li>
                      <a href={`?${new URLSearchParams({ ...(kind ? { kind } : {}), before: data.next }).toString()}`} onClick={(e) => { e.preventDefault(); setParams({ ...(kind ? { kind } : {}), before: data.next! }); }}>
                        Older changes
                      </a>
                    </li>
                  )}
                </ul>
              </nav>
            </>
          );
        }}
      </Load>
    </>
  );
}
