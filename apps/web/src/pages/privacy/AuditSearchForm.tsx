import { useState, type FormEvent } from 'react';
import type { AuditSearchOptions } from '../../api/types';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';

/** The audit search's filters, as held in the page's address (so a search can be bookmarked and paged). */
export const FILTERS = ['nhsNumber', 'user', 'organisation', 'from', 'to', 'purpose'] as const;
export type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** The search form: person, member of staff, organisation (for the partnership's officer), dates and purpose. */
export function AuditSearchForm({ options, initial, onSearch }: { options: AuditSearchOptions; initial: Filters; onSearch(filters: Filters): void }) {
  const [filters, setFilters] = useState<Filters>(initial);
  const set = (name: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [name]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(Object.fromEntries(Object.entries(filters).filter(([, v]) => v && v.trim() !== '')) as Filters);
  }
  return (
    <form onSubmit={submit} noValidate data-testid="audit-search-form" className="nhsuk-u-margin-bottom-5">
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <TextInput id="nhsNumber" label="NHS number" hint="The person whose record was seen" value={filters.nhsNumber ?? ''} onChange={set('nhsNumber')} inputMode="numeric" autoComplete="off" width="nhsuk-input--width-10" />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <Select
            id="user"
            label="Member of staff"
            value={filters.user ?? ''}
            onChange={set('user')}
            options={[{ value: '', label: 'Anyone' }, ...options.users.map((u) => ({ value: u.id, label: `${u.name} (${u.roleLabel})` }))]}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <Select
            id="purpose"
            label="Purpose"
            value={filters.purpose ?? ''}
            onChange={set('purpose')}
            options={[{ value: '', label: 'Any purpose' }, ...options.purposes.map((p) => ({ value: p.code, label: p.label }))]}
          />
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <TextInput id="from" type="date" label="From" value={filters.from ?? ''} onChange={set('from')} width="nhsuk-input--width-10" />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <TextInput id="to" type="date" label="To" value={filters.to ?? ''} onChange={set('to')} width="nhsuk-input--width-10" />
        </div>
        <div className="nhsuk-grid-column-one-third">
          {options.scope.kind === 'footprint' ? (
            <Select
              id="organisation"
              label="Organisation"
              value={filters.organisation ?? ''}
              onChange={set('organisation')}
              options={[{ value: '', label: 'Every organisation' }, ...options.organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))]}
            />
          ) : (
            <div className="nhsuk-form-group">
              <span className="nhsuk-label">Organisation</span>
              <p className="nhsuk-body" data-testid="audit-scope">{options.scope.organisation?.name ?? 'Your organisation'}</p>
            </div>
          )}
        </div>
      </div>
      <button className="nhsuk-button nhsuk-u-margin-bottom-0" type="submit">
        Search the audit
      </button>
    </form>
  );
}
