import { useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { ActionView, MeetingDetail } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { SummaryList } from '../../../components/SummaryList';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSession } from '../../../session/SessionContext';
import { PartnershipNav } from '../PartnershipNav';
import { ActionsTable } from './ActionsTable';
import { ActionUpdateForm, MinutesForm, NewActionForm } from './MeetingForms';
import { PaperForm } from './PaperForm';
import { HistoryLink, Paragraphs, StatusTag, VersionLine } from './parts';

/** One meeting: when and where, its agenda in order with presenters and papers, the minutes, the decisions taken and the actions agreed. */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { can } = useSession();
  const editor = can('partnership-edit');
  const detail = useApi<MeetingDetail>(`/partnership/governance/meetings/${encodeURIComponent(meetingId)}`);
  const [updating, setUpdating] = useState<ActionView | null>(null);
  const formAnchor = useRef<HTMLDivElement>(null);
  usePageTitle(detail.status === 'ready' ? detail.data.meeting.title : 'Meeting');
  const startUpdate = (action: ActionView) => {
    setUpdating(action);
    requestAnimationFrame(() => formAnchor.current?.querySelector<HTMLElement>('h3')?.focus());
  };
  return (
    <div className="footprint-governance">
      <PartnershipNav />
      <Load state={detail} what="the meeting">
        {({ body, meeting, agenda, papers, decisions, actions }) => (
          <>
            <Breadcrumbs trail={[{ label: 'Governance', to: '/partnership/governance' }, { label: body.name, to: `/partnership/governance/bodies/${encodeURIComponent(body.id)}` }]} />
            <h1>
              <span className="nhsuk-caption-l">{body.name}</span>
              Meeting of {formatDate(meeting.date)}
            </h1>
            <p>
              <StatusTag status={meeting.status} label={meeting.statusLabel} />
            </p>
            <SummaryList
              testId="meeting-details"
              rows={[
                ['Date', formatDate(meeting.date)],
                ['Time', meeting.startTime ? `${meeting.startTime}${meeting.endTime ? ` to ${meeting.endTime}` : ''}` : 'Not recorded'],
                ['Where', meeting.online ? 'Online' : (meeting.location ?? 'Not recorded')],
                ['Held in', meeting.public ? 'Public' : 'Private'],
                ...(meeting.note ? ([['Note', meeting.note]] as Array<[string, string]>) : []),
              ]}
            />
            <VersionLine item={meeting} what={meeting.title} />

            <h2>Agenda</h2>
            <FigureTable
              caption={`Agenda of the ${meeting.title} meeting`}
              hideCaption
              testId="meeting-agenda"
              emptyText="No agenda is recorded."
              columns={[
                { key: 'order', header: 'Item', numeric: true, render: (a) => String(a.order) },
                { key: 'title', header: 'Title', render: (a) => (a.purposeLabel ? <>{a.title} <span className="nhsuk-body-s">({a.purposeLabel.toLowerCase()})</span></> : a.title) },
                { key: 'presenter', header: 'Presenter', render: (a) => a.presenter ?? '—' },
                { key: 'papers', header: 'Papers', render: (a) =>
                    a.papers.length ? (
                      <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                        {a.papers.map((p) => (
                          <li key={p.id}>
                            <a href={p.link} rel="noopener noreferrer">{p.title}</a>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    ),
                },
                { key: 'history', header: 'History', render: (a) => <HistoryLink id={a.id} what={`agenda item ${a.order}`} /> },
              ]}
              rows={agenda}
            />

            <h2>Papers</h2>
            <FigureTable
              caption={`Papers of the ${meeting.title} meeting`}
              hideCaption
              testId="meeting-papers"
              emptyText="No papers are recorded."
              columns={[
                { key: 'title', header: 'Paper', render: (p) => <a href={p.href} rel="noopener noreferrer">{p.title}</a> },
                { key: 'typeLabel', header: 'Type' },
                { key: 'author', header: 'Author', render: (p) => p.author ?? '—' },
                { key: 'history', header: 'History', render: (p) => <HistoryLink id={p.id} what={p.title} /> },
              ]}
              rows={papers}
            />
            {editor && <PaperForm meetingId={meeting.id} onSaved={detail.reload} />}

            <h2>Minutes</h2>
            {meeting.minutes ? <Paragraphs text={meeting.minutes} testId="meeting-minutes" /> : <p>{meeting.status === 'cancelled' ? 'The meeting was cancelled.' : 'No minutes are recorded yet.'}</p>}
            {editor && meeting.status !== 'cancelled' && <MinutesForm meeting={meeting} onSaved={detail.reload} />}

            <h2>Decisions</h2>
            <FigureTable
              caption={`Decisions taken at the ${meeting.title} meeting`}
              hideCaption
              testId="meeting-decisions"
              emptyText="No decisions are recorded."
              columns={[
                { key: 'reference', header: 'Reference', nowrap: true, render: (d) => d.reference ?? '—' },
                { key: 'text', header: 'Decision' },
                { key: 'status', header: 'Status', render: (d) => <StatusTag status={d.status} label={d.statusLabel} /> },
                { key: 'agendaItem', header: 'Agenda item', render: (d) => (d.agendaItem ? `${d.agendaItem.order}. ${d.agendaItem.title}` : '—') },
                { key: 'history', header: 'History', render: (d) => <HistoryLink id={d.id} what={`decision ${d.reference ?? d.text}`} /> },
              ]}
              rows={decisions}
            />

            <h2>Actions</h2>
            <ActionsTable actions={actions} caption={`Actions from the ${meeting.title} meeting`} testId="meeting-actions" {...(editor ? { onUpdate: startUpdate } : {})} />
            <div ref={formAnchor}>
              {editor && updating && (
                <ActionUpdateForm
                  key={`${updating.id}-${updating.version}`}
                  action={updating}
                  onDone={(saved) => {
                    setUpdating(null);
                    if (saved) detail.reload();
                  }}
                />
              )}
            </div>
            {editor && <NewActionForm meetingId={meeting.id} decisions={decisions} onSaved={detail.reload} />}
          </>
        )}
      </Load>
    </div>
  );
}
