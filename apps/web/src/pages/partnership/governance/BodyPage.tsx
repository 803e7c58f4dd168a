import { Link, useParams } from 'react-router-dom';
import type { BodyDetail } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { SummaryList } from '../../../components/SummaryList';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSession } from '../../../session/SessionContext';
import { PartnershipNav } from '../PartnershipNav';
import { MemberForm, MeetingForm, TermsForm } from './BodyForms';
import { HistoryLink, Paragraphs, StatusTag, VersionLine } from './parts';

const period = (p?: { start?: string; end?: string }) => (p?.start || p?.end ? `${p.start ? formatDate(p.start) : 'Always'} to ${p.end ? formatDate(p.end) : 'now'}` : 'Throughout');

/** One governance body: what it is for, its terms of reference, its members and its meetings. */
export function BodyPage() {
  const { bodyId = '' } = useParams();
  const { can } = useSession();
  const editor = can('partnership-edit');
  const detail = useApi<BodyDetail>(`/partnership/governance/bodies/${encodeURIComponent(bodyId)}`);
  usePageTitle(detail.status === 'ready' ? detail.data.body.name : 'Governance body');
  return (
    <div className="footprint-governance">
      <PartnershipNav />
      <Breadcrumbs trail={[{ label: 'Governance', to: '/partnership/governance' }]} />
      <Load state={detail} what="the governance body">
        {({ body, termsOfReference, members, meetings }) => (
          <>
            <h1>
              <span className="nhsuk-caption-l">{body.typeLabel}</span>
              {body.name}
            </h1>
            <SummaryList
              testId="body-details"
              rows={[
                ['Purpose', body.purpose],
                ['Chair', body.chair ?? 'Not recorded'],
                ['Established', formatDate(body.established)],
                ...(body.ended ? ([['Ended', formatDate(body.ended)]] as Array<[string, string]>) : []),
                ['Meets', body.frequencyLabel ?? 'Not recorded'],
                ['Open actions', `${body.openActions} (${body.overdueActions} overdue)`],
                ...(body.note ? ([['Note', body.note]] as Array<[string, string]>) : []),
              ]}
            />
            <VersionLine item={body} what={body.name} />

            <h2 id="terms-of-reference">Terms of reference</h2>
            {termsOfReference ? (
              <>
                <SummaryList rows={[['Approved', formatDate(termsOfReference.approvedOn)], ['Review due', formatDate(termsOfReference.reviewDue)]]} />
                <Paragraphs text={termsOfReference.text} testId="terms-of-reference" />
                <VersionLine item={termsOfReference} what={`the terms of reference of ${body.name}`} />
              </>
            ) : (
              <p>No terms of reference are recorded.</p>
            )}
            {editor && <TermsForm bodyId={body.id} current={termsOfReference} onSaved={detail.reload} />}

            <h2>Members</h2>
            <FigureTable
              caption={`Members of ${body.name}`}
              hideCaption
              testId="body-members"
              emptyText="No members are recorded."
              columns={[
                { key: 'organisation', header: 'Organisation', render: (m) => (m.organisation ? `${m.organisation.name}${m.organisation.odsCode ? ` (${m.organisation.odsCode})` : ''}` : '—') },
                { key: 'role', header: 'Role', render: (m) => m.role ?? '—' },
                { key: 'membershipLabel', header: 'Membership' },
                { key: 'period', header: 'Period', render: (m) => `${period(m.period)}${m.current ? '' : ' (past)'}` },
                { key: 'history', header: 'History', render: (m) => <HistoryLink id={m.id} what={`${m.role ?? 'member'}${m.organisation ? `, ${m.organisation.name}` : ''}`} /> },
              ]}
              rows={members}
            />
            {editor && <MemberForm bodyId={body.id} onSaved={detail.reload} />}

            <h2>Meetings</h2>
            <FigureTable
              caption={`Meetings of ${body.name}, latest first`}
              hideCaption
              testId="body-meetings"
              emptyText="No meetings are recorded."
              columns={[
                { key: 'date', header: 'Date', nowrap: true, render: (m) => <Link to={`/partnership/governance/meetings/${encodeURIComponent(m.id)}`}>{formatDate(m.date)}</Link> },
                { key: 'status', header: 'Status', render: (m) => <StatusTag status={m.status} label={m.statusLabel} /> },
                { key: 'where', header: 'Where', render: (m) => (m.online ? 'Online' : (m.location ?? 'Not recorded')) },
                { key: 'public', header: 'Held in', render: (m) => (m.public ? 'Public' : 'Private') },
                { key: 'minutes', header: 'Minutes', render: (m) => (m.hasMinutes ? 'Yes' : 'No') },
                { key: 'history', header: 'History', render: (m) => <HistoryLink id={m.id} what={m.title} /> },
              ]}
              rows={meetings}
            />
            {editor && <MeetingForm bodyId={body.id} onSaved={detail.reload} />}
          </>
        )}
      </Load>
    </div>
  );
}
