import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ActionLog } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { PartnershipNav } from '../PartnershipNav';
import { ActionsTable } from './ActionsTable';
import { Field, SelectField } from './form-fields';

const FILTERS = ['status', 'overdue', 'body', 'owner'] as const;

/**
 * The action log: every action of every governance body, filtered by status, owner, overdue and
 * body (the filters live in the address, so a filtered log can be bookmarked or shared), and the
 * same rows as a CSV file from the server.
 */
export function ActionLogPage() {
  usePageTitle('Action log');
  const [params, setParams] = useSearchParams();
  const query = new URLSearchParams(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))).toString();
  const log = useApi<ActionLog>(`/partnership/governance/actions${query ? `?${query}` : ''}`);
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])));
  const set = (key: string) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() !== '')));
  }
  return (
    <div className="footprint-governance">
      <PartnershipNav />
      <Breadcrumbs trail={[{ label: 'Governance', to: '/partnership/governance' }]} />
      <h1>Action log</h1>
      <p className="nhsuk-lede-text">Every action the partnership’s bodies have agreed, who owns it and when it is due. An action is overdue when its due date has passed and it is still open or in progress.</p>
      <Load state={log} what="the action log">
        {(data) => (
          <>
            <form onSubmit={apply} noValidate data-testid="action-filters" className="footprint-governance-filters">
              <SelectField id="filter-status" label="Status" value={draft.status} onChange={set('status')} options={[{ value: '', label: 'Any status' }, { value: 'open,in-progress', label: 'Open or in progress' }, ...data.statuses.map((s) => ({ value: s.code, label: s.label }))]} />
              <SelectField id="filter-overdue" label="Overdue" value={draft.overdue} onChange={set('overdue')} options={[{ value: '', label: 'Overdue or not' }, { value: 'true', label: 'Overdue only' }, { value: 'false', label: 'Not overdue' }]} />
              <SelectField id="filter-body" label="Body" value={draft.body} onChange={set('body')} options={[{ value: '', label: 'Every body' }, ...data.bodies.map((b) => ({ value: b.id, label: b.name }))]} />
              <Field id="filter-owner" label="Owner" hint="Organisation, ODS code or role" value={draft.owner} onChange={set('owner')} width="nhsuk-u-width-full" />
              <button className="nhsuk-button" type="submit">
                Apply filters
              </button>
            </form>
            <p data-testid="action-count">
              {data.actions.length} {data.actions.length === 1 ? 'action' : 'actions'}, {data.actions.filter((a) => a.overdue).length} overdue.
            </p>
            <ActionsTable actions={data.actions} caption="Actions, earliest due first" showMeeting testId="action-log" />
            <p>
              <a className="nhsuk-button nhsuk-button--secondary" href={`/api/partnership/governance/actions.csv${query ? `?${query}` : ''}`} download>
                Download these actions as CSV
              </a>
            </p>
          </>
        )}
      </Load>
    </div>
  );
}
