import { Link, useLocation, useParams } from 'react-router-dom';
import type { CareRecordSummary, OrganisationRef } from '../api/types';
import { useApi } from '../api/useApi';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { FigureTable } from '../components/FigureTable';
import { formatDate, formatNhsNumber } from '../components/format';
import { SummaryList } from '../components/SummaryList';
import { Load } from '../components/Status';
import { BreakGlassForm, EmergencyAccessBanner, RefusedRecord } from '../components/break-glass/BreakGlassForm';
import { useSession } from '../session/SessionContext';
import { usePageTitle } from '../components/usePageTitle';
import { PatientCarePlans } from './coordination/care-plans/PatientCarePlans';

function org(ref: OrganisationRef | null): string {
  return ref ? ref.name : 'Not recorded';
}

/** A prescription status in words ("completed" → "Completed"; none → "Not recorded"). */
function medicineStatus(status: string | null): string {
  if (!status) return 'Not recorded';
  const words = status.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Encounters and team meeting outcomes in one list, newest first; an outcome says which meeting it came from. */
function timeline(data: CareRecordSummary) {
  const outcomes = (data.meetingOutcomes ?? []).map((o) => ({ id: `meeting-${o.id}`, start: o.date, setting: 'Team meeting', description: o.summary, organisation: o.organisation, meeting: o.meeting }));
  const rows = [...outcomes, ...data.encounters.map((e) => ({ ...e, meeting: undefined as string | undefined }))];
  return rows.sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
}

function More({ shown, truncated, what }: { shown: number; truncated: boolean; what: string }) {
  return truncated ? <p className="nhsuk-body-s">Showing the {shown} most recent {what}.</p> : null;
}

/** One person's shared care record: a summary across every partner organisation, with who recorded what. */
export function PatientRecordPage() {
  const { patientId = '' } = useParams();
  const location = useLocation();
  const fromWorklist = (location.state as { from?: string } | null)?.from === 'worklist';
  const record = useApi<CareRecordSummary>(`/care-record/patients/${encodeURIComponent(patientId)}`);
  usePageTitle(record.status === 'ready' ? `Care record: ${record.data.patient.name}` : 'Care record');
  const trail = fromWorklist ? [{ label: 'Practice worklist', to: '/worklist' }] : [{ label: 'Find a person', to: '/care-record' }];
  const { can, user } = useSession();
  // Voluntary organisations read what the person shared and work the referrals sent to them; they do not refer, plan or convene.
  const coordinates = can('coordination') && user?.role !== 'voluntary_worker';
  if (record.status === 'error' && record.error.status === 403 && record.error.title === 'No care relationship') {
    return (
      <>
        <Breadcrumbs trail={trail} />
        <RefusedRecord
          detail={record.error.detail}
          canBreakGlass={can('break-glass')}
          form={<BreakGlassForm path={`/care-record/patients/${encodeURIComponent(patientId)}/break-glass`} onGranted={() => record.reload()} />}
        />
      </>
    );
  }
  return (
    <>
      <Breadcrumbs trail={trail} />
      <Load state={record} what="the care record">
        {(data) => (
          <>
            {data.emergencyAccess && <EmergencyAccessBanner expires={data.emergencyAccess.expires} overridesDissent={data.emergencyAccess.overridesDissent} />}
            <h1>
              <span className="nhsuk-caption-l">Shared care record</span>
              {data.patient.name}
            </h1>
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>Your view of this record has been written to the audit trail, with your name, role, organisation and the time.</p>
            </div>
            {coordinates && (
              <p>
                <Link className="nhsuk-button nhsuk-button--secondary" to={`/coordination/refer/${encodeURIComponent(patientId)}`} data-testid="refer-link">
                  Refer to another organisation
                </Link>{' '}
                <Link className="nhsuk-button nhsuk-button--secondary" to={`/coordination/meetings/add/${encodeURIComponent(patientId)}`} data-testid="add-to-meeting-link">
                  Add to a team meeting
                </Link>{' '}
                <Link className="nhsuk-button nhsuk-button--secondary" to={`/coordination/directory?patientId=${encodeURIComponent(patientId)}`} data-testid="directory-link">
                  Find a community service
                </Link>
              </p>
            )}
            <SummaryList
              testId="demographics"
              rows={[
                ['NHS number', formatNhsNumber(data.patient.nhsNumber ?? undefined)],
                ['Date of birth', formatDate(data.patient.birthDate)],
                ['Gender', data.patient.gender ? data.patient.gender.charAt(0).toUpperCase() + data.patient.gender.slice(1) : 'Not recorded'],
                ['Address', data.patient.address ?? 'Not recorded'],
                ['Registered GP practice', data.patient.practice ? data.patient.practice.name : 'Not recorded'],
                ...(data.patient.deceased ? ([['Date of death', formatDate(data.patient.deceased)]] as Array<[string, string]>) : []),
              ]}
            />
            <h2 id="contributors">Contributing organisations</h2>
            <FigureTable
              hideCaption
              caption="Organisations that contributed to this summary"
              testId="contributors"
              columns={[
                { key: 'name', header: 'Organisation' },
                { key: 'code', header: 'ODS code', render: (o) => o.code ?? 'Not known' },
                { key: 'items', header: 'Items in this summary', numeric: true },
              ]}
              rows={data.organisations}
            />

            {can('coordination') && <PatientCarePlans patientId={patientId} canStart={coordinates} />}

            <h2 id="problems">Problems</h2>
            <FigureTable
              hideCaption
              caption="Problems and diagnoses"
              emptyText="No problems recorded by any partner organisation."
              testId="problems"
              columns={[
                { key: 'display', header: 'Problem' },
                {
                  key: 'status',
                  header: 'Status',
                  render: (p) => (p.status ? <strong className={`nhsuk-tag ${p.status === 'active' ? 'nhsuk-tag--blue' : 'nhsuk-tag--grey'}`}>{p.status}</strong> : 'Not recorded'),
                },
                { key: 'onset', nowrap: true, header: 'Since', render: (p) => formatDate(p.onset ?? p.recorded) },
                { key: 'organisation', header: 'Recorded by', render: (p) => org(p.organisation) },
              ]}
              rows={data.problems}
            />
            <More shown={data.problems.length} truncated={data.truncated.problems} what="problems" />

            <h2 id="medications">Medications</h2>
            <p>One line per medicine, however many times it was issued.</p>
            <h3 id="current-medication">Current medication</h3>
            <FigureTable
              hideCaption
              caption="Current medication"
              emptyText="No current medication recorded by any partner organisation."
              testId="current-medications"
              columns={[
                { key: 'display', header: 'Medicine' },
                { key: 'dosage', header: 'Dosage', render: (m) => m.dosage ?? 'Not recorded' },
                { key: 'lastIssued', nowrap: true, header: 'Last issued', render: (m) => formatDate(m.lastIssued) },
                { key: 'issues', header: 'Issues', numeric: true },
                { key: 'prescriber', header: 'Prescribed by', render: (m) => org(m.prescriber) },
              ]}
              rows={data.medications.current}
            />
            <h3 id="past-medication">Past medication</h3>
            <FigureTable
              hideCaption
              caption="Past medication"
              emptyText="No past medication recorded by any partner organisation."
              testId="past-medications"
              columns={[
                { key: 'display', header: 'Medicine' },
                { key: 'firstIssued', nowrap: true, header: 'First issued', render: (m) => formatDate(m.firstIssued) },
                { key: 'lastIssued', nowrap: true, header: 'Last issued', render: (m) => formatDate(m.lastIssued) },
                { key: 'issues', header: 'Issues', numeric: true },
                { key: 'status', header: 'Status', render: (m) => medicineStatus(m.status) },
                { key: 'prescriber', header: 'Prescribed by', render: (m) => org(m.prescriber) },
              ]}
              rows={data.medications.past}
            />
            {data.truncated.medications ? <p className="nhsuk-body-s">Grouped from the most recent 1,000 issues; older issues are not counted.</p> : null}

            <h2 id="allergies">Allergies and adverse reactions</h2>
            {data.allergies.length === 0 ? (
              <p data-testid="no-allergies">No allergies recorded by any partner organisation.</p>
            ) : (
              <FigureTable
                hideCaption
                caption="Allergies and adverse reactions"
                testId="allergies"
                columns={[
                  { key: 'display', header: 'Allergy' },
                  { key: 'reaction', header: 'Reaction', render: (a) => a.reaction ?? 'Not recorded' },
                  { key: 'criticality', header: 'Criticality', render: (a) => a.criticality ?? 'Not recorded' },
                  { key: 'recorded', nowrap: true, header: 'Recorded', render: (a) => formatDate(a.recorded) },
                  { key: 'organisation', header: 'Recorded by', render: (a) => org(a.organisation) },
                ]}
                rows={data.allergies}
              />
            )}

            <h2 id="results">Recent results</h2>
            <FigureTable
              hideCaption
              caption="Recent test results and observations"
              emptyText="No results recorded by any partner organisation."
              testId="results"
              columns={[
                { key: 'display', header: 'Test' },
                { key: 'value', header: 'Result' },
                { key: 'date', nowrap: true, header: 'Date', render: (r) => formatDate(r.date) },
                { key: 'organisation', header: 'Recorded by', render: (r) => org(r.organisation) },
              ]}
              rows={data.results}
            />
            <More shown={data.results.length} truncated={data.truncated.results} what="results" />

            <h2 id="timeline">Timeline of care</h2>
            <p>Contacts with every partner organisation, and what team meetings decided, most recent first.</p>
            <FigureTable
              hideCaption
              caption="Encounters and team meeting outcomes across organisations"
              emptyText="No encounters recorded by any partner organisation."
              testId="timeline"
              columns={[
                { key: 'start', nowrap: true, header: 'Date', render: (e) => formatDate(e.start) },
                {
                  key: 'setting',
                  header: 'Setting',
                  render: (e) => (e.meeting ? <strong className="nhsuk-tag nhsuk-tag--purple">Team meeting</strong> : e.setting.charAt(0).toUpperCase() + e.setting.slice(1)),
                },
                {
                  key: 'description',
                  header: 'What happened',
                  render: (e) =>
                    e.meeting ? (
                      <>
                        <span className="nhsuk-body-s nhsuk-u-display-block">{e.meeting}</span>
                        {e.description}
                      </>
                    ) : (
                      e.description
                    ),
                },
                { key: 'organisation', header: 'Organisation', render: (e) => org(e.organisation) },
              ]}
              rows={timeline(data)}
            />
            <More shown={data.encounters.length} truncated={data.truncated.encounters} what="encounters" />
            <p>
              <Link to="/care-record">Find another person</Link>
            </p>
          </>
        )}
      </Load>
    </>
  );
}
