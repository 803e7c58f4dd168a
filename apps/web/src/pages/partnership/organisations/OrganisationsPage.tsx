import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { OrganisationDirectoryResponse } from '@footprint/server';
import { useApi } from '../../../api/useApi';
import { FigureTable } from '../../../components/FigureTable';
import { Select } from '../../../components/Select';
import { Load } from '../../../components/Status';
import { TextInput } from '../../../components/TextInput';
import { usePageTitle } from '../../../components/usePageTitle';
import { PartnershipNav } from '../PartnershipNav';
import { IllustrativeTag } from './Tags';

const FILTERS = ['q', 'kind', 'role', 'on'] as const;

/**
 * The directory of member organisations: every Organization in the shared care record (the one
 * list the FHIR API, the public register and the warehouse read), searched by name or code,
 * filtered by kind, role in the partnership and date, with counts by kind.
 */
export function OrganisationsPage() {
  usePageTitle('Member organisations');
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>);
  const query = new URLSearchParams(FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : []))).toString();
  const directory = useApi<OrganisationDirectoryResponse>(`/partnership/organisations${query ? `?${query}` : ''}`);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== '')));
  };
  const withKind = (kind: string) => {
    const next = new URLSearchParams(params);
    if (kind) next.set('kind', kind);
    else next.delete('kind');
    return `?${next.toString()}`;
  };
  const choices = directory.status === 'ready' ? directory.data : undefined;
  return (
    <>
      <PartnershipNav />
      <h1>Member organisations</h1>
      <p className="nhsuk-lede-text">
        The organisations of the partnership as the shared care record holds them, with each one&rsquo;s role and since when. Search by name, ODS code or ONS code.
      </p>
      <form onSubmit={search} className="footprint-organisation-search" role="search" aria-label="Search organisations" data-testid="organisation-search">
        <TextInput id="q" label="Name or code" value={form.q} onChange={(q) => setForm({ ...form, q })} width="nhsuk-input--width-20" autoComplete="off" />
        <Select
          id="kind"
          label="Kind"
          value={form.kind}
          onChange={(kind) => setForm({ ...form, kind })}
          options={[{ value: '', label: 'Any kind' }, ...(choices?.kinds ?? []).map((k) => ({ value: k.kind, label: k.label }))]}
        />
        <Select
          id="role"
          label="Role in the partnership"
          value={form.role}
          onChange={(role) => setForm({ ...form, role })}
          options={[{ value: '', label: 'Any role' }, ...(choices?.roles ?? []).map((r) => ({ value: r.code, label: r.label }))]}
        />
        <TextInput id="on" label="Members on" hint="A date, for example 2019-04-01" value={form.on} onChange={(on) => setForm({ ...form, on })} width="nhsuk-input--width-10" inputMode="numeric" />
        <button className="nhsuk-button" type="submit">
          Search
        </button>
      </form>
      <Load state={directory} what="the organisations">
        {(data) => (
          <>
            <h2 className="nhsuk-heading-s">Organisations by kind</h2>
            <ul className="nhsuk-list footprint-inline-list" data-testid="counts-by-kind">
              <li>{params.get('kind') ? <Link to={withKind('')}>All kinds</Link> : <strong aria-current="true">All kinds</strong>}</li>
              {data.countsByKind.map((c) => (
                <li key={c.kind}>
                  {params.get('kind') === c.kind ? (
                    <strong aria-current="true">
                      {c.label}: {c.count}
                    </strong>
                  ) : (
                    <Link to={withKind(c.kind)}>
                      {c.label}: {c.count}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
            <FigureTable
              caption={`${data.total} organisation${data.total === 1 ? '' : 's'}${params.get('on') ? ` with a membership on ${params.get('on')}` : ''}`}
              testId="organisations"
              csvName="organisations"
              emptyText="No organisation matches."
              columns={[
                {
                  key: 'name',
                  header: 'Organisation',
                  render: (o) => (
                    <>
                      <Link to={`/partnership/organisations/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                      {o.illustrative && <IllustrativeTag />}
                      {!o.active && <span className="nhsuk-tag nhsuk-tag--grey footprint-tag-inline">Closed</span>}
                    </>
                  ),
                  csv: (o) => o.name,
                },
                { key: 'odsCode', header: 'Code', render: (o) => o.odsCode ?? o.onsCode ?? '', csv: (o) => o.odsCode ?? o.onsCode ?? '', nowrap: true },
                { key: 'kindLabel', header: 'Kind' },
                { key: 'roles', header: 'Role in the partnership', render: (o) => o.roles.map((r) => r.label).join(', ') || 'None', csv: (o) => o.roles.map((r) => r.code).join(' ') },
                { key: 'alliances', header: 'Alliances and partnerships', render: (o) => o.alliances.map((a) => a.name).join(', '), csv: (o) => o.alliances.map((a) => a.name).join('; ') },
              ]}
              rows={data.organisations}
            />
            <p>
              <a href="/api/partnership/organisations/export" download="organisations.csv">
                Download the whole register as CSV
              </a>{' '}
              (organisations and memberships, in the format the import and <code>footprint register import</code> read).
            </p>
          </>
        )}
      </Load>
    </>
  );
}
