import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { OrganisationDetailResponse } from '@footprint/server';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate, formatDateTime } from '../../../components/format';
import { Load } from '../../../components/Status';
import { SummaryList } from '../../../components/SummaryList';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSession } from '../../../session/SessionContext';
import { PartnershipNav } from '../PartnershipNav';
import { MembershipForm } from './MembershipForm';
import { IllustrativeTag, MembershipStatus } from './Tags';

type Membership = OrganisationDetailResponse['memberships'][number];
const link = (o: { id: string; name: string }) => <Link to={`/partnership/organisations/${encodeURIComponent(o.id)}`}>{o.name}</Link>;

/** One organisation: its identifiers and kind, its memberships over time, its own members, and every version of them. */
export function OrganisationPage() {
  const { organisationId = '' } = useParams();
  const detail = useApi<OrganisationDetailResponse>(`/partnership/organisations/${encodeURIComponent(organisationId)}`);
  const { can } = useSession();
  usePageTitle(detail.status === 'ready' ? detail.data.name : 'Organisation');
  const today = new Date().toISOString().slice(0, 10);
  const membershipColumns = (side: 'memberOf' | 'member') => [
    { key: side, header: side === 'memberOf' ? 'Member of' : 'Member', render: (m: Membership) => <>{link(m[side])}{m.illustrative && <IllustrativeTag />}</>, csv: (m: Membership) => m[side].name },
    { key: 'role', header: 'Role', render: (m: Membership) => m.role.label, csv: (m: Membership) => m.role.code },
    { key: 'start', header: 'From', render: (m: Membership) => (m.period.start ? formatDate(m.period.start) : 'Not known'), csv: (m: Membership) => m.period.start ?? '', nowrap: true },
    { key: 'end', header: 'To', render: (m: Membership) => (m.period.end ? formatDate(m.period.end) : 'Continuing'), csv: (m: Membership) => m.period.end ?? '', nowrap: true },
    { key: 'status', header: 'Status', render: (m: Membership) => <MembershipStatus period={m.period} active={m.active} today={today} />, csv: (m: Membership) => (m.active ? 'active' : 'withdrawn') },
  ];
  return (
    <>
      <PartnershipNav />
      <Breadcrumbs trail={[{ label: 'Member organisations', to: '/partnership/organisations' }]} />
      <Load state={detail} what="the organisation">
        {(o) => (
          <>
            <h1>
              {o.name}
              {o.illustrative && <IllustrativeTag />}
            </h1>
            <SummaryList
              testId="organisation-summary"
              rows={[
                ['Kind', o.kindLabel],
                ['ODS code', o.odsCode ?? 'None'],
                ...(o.onsCode ? ([['ONS code', o.onsCode]] as [string, string][]) : []),
                ['Status', o.active ? 'Open' : 'Closed'],
                ...(o.partOf ? ([['Part of', link(o.partOf)]] as [string, ReactNode][]) : []),
                ['Record id', <code key="id">Organization/{o.id}</code>],
              ]}
            />
            {o.illustrative && <p className="nhsuk-body-s">This organisation is illustrative: made up for the demonstration, not a statement of fact.</p>}
            <h2>Memberships over time</h2>
            <FigureTable caption={`What ${o.name} belongs to, latest first`} hideCaption testId="memberships" csvName="memberships" emptyText="It belongs to nothing in the register." columns={membershipColumns('memberOf')} rows={o.memberships} />
            {o.members.length > 0 && (
              <>
                <h2>Members</h2>
                <FigureTable caption={`The members of ${o.name}`} hideCaption testId="members" csvName="members" columns={membershipColumns('member')} rows={o.members} />
              </>
            )}
            {can('partnership-edit') && o.memberships.length > 0 && <MembershipForm key={o.id} organisationId={o.id} memberships={o.memberships} roles={o.roles} onSaved={detail.refresh} />}
            <h2>History</h2>
            <FigureTable
              caption={`Every version of ${o.name} and its memberships, newest first`}
              hideCaption
              testId="history"
              csvName="organisation-history"
              columns={[
                { key: 'lastUpdated', header: 'When', render: (v) => formatDateTime(v.lastUpdated), csv: (v) => v.lastUpdated, nowrap: true },
                { key: 'who', header: 'Who', render: (v) => v.who.name ?? `${v.who.kind} ${v.who.id}`, csv: (v) => v.who.name ?? v.who.id },
                { key: 'summary', header: 'What it said' },
                { key: 'version', header: 'Version', render: (v) => `${v.resourceType === 'Organization' ? 'Organisation' : 'Membership'} v${v.versionId}`, csv: (v) => `${v.resourceType}/${v.id}/_history/${v.versionId}` },
              ]}
              rows={o.history}
            />
          </>
        )}
      </Load>
    </>
  );
}
