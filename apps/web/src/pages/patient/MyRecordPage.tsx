import { Link } from 'react-router-dom';
import { CorrectLink } from './CorrectLink';
import type { MyRecord, OrganisationRef } from '../../api/types';
import { FigureTable } from '../../components/FigureTable';
import { formatDate, formatNhsNumber } from '../../components/format';
import { SummaryList } from '../../components/SummaryList';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { usePatientApi } from './usePatientApi';

const org = (ref: OrganisationRef | null) => (ref ? ref.name : 'Not recorded');
const sentence = (text: string | null) => (text ? text.charAt(0).toUpperCase() + text.slice(1).replace(/-/g, ' ') : 'Not recorded');

/** The person's own record across every partner organisation, grouped as they think of it, with who recorded each entry. */
export function MyRecordPage() {
  usePageTitle('Your care record');
  const record = usePatientApi<MyRecord>('/record');
  return (
    <Load state={record} what="your care record">
      {(data) => (
        <>
          <h1>
            <span className="nhsuk-caption-l">Your care record</span>
            {data.person.name}
          </h1>
          <p className="nhsuk-lede-text">What every organisation caring for you has recorded, in one place.</p>
          <SummaryList
            testId="my-details"
            rows={[
              ['NHS number', formatNhsNumber(data.person.nhsNumber ?? undefined)],
              ['Date of birth', formatDate(data.person.birthDate)],
              ['Address', data.person.address ?? 'Not recorded'],
              ['GP practice', data.person.practice?.name ?? 'Not recorded'],
            ]}
          />
          <div className="nhsuk-card">
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-m">Download your record</h2>
              <p className="nhsuk-card__description">
                Everything in your record as one file in FHIR JSON, the format health and care systems use to share records. You can give it to
                an app or another service.
              </p>
              <a className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" href="/api/patient/record/fhir" download="my-care-record.json" data-testid="download-fhir">
                Download as FHIR JSON
              </a>{' '}
              <a className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" href="/api/patient/record/pdf" download="my-health-record.pdf" data-testid="download-pdf">
                Download as PDF
              </a>
            </div>
          </div>

          <h2 id="organisations">Who contributed to your record</h2>
          <FigureTable
            hideCaption
            caption="Organisations that recorded entries in your record"
            testId="organisations"
            emptyText="No organisation has recorded anything yet."
            columns={[
              { key: 'name', header: 'Organisation' },
              { key: 'items', header: 'Entries', numeric: true },
            ]}
            rows={data.organisations}
          />

          <h2 id="problems">Health problems</h2>
          <FigureTable
            hideCaption
            caption="Your health problems and diagnoses"
            testId="problems"
            emptyText="No health problems recorded."
            columns={[
              { key: 'display', header: 'Problem' },
              { key: 'status', header: 'Status', render: (p) => sentence(p.status) },
              { key: 'onset', nowrap: true, header: 'Since', render: (p) => formatDate(p.onset ?? p.recorded) },
              { key: 'organisation', header: 'Recorded by', render: (p) => org(p.organisation) },
              { key: 'correct', header: 'Wrong?', render: (p) => <CorrectLink entry={`Condition/${p.id}`} what={p.display} /> },
            ]}
            rows={data.problems}
          />

          <h2 id="medicines">Medicines</h2>
          <h3>Current medicines</h3>
          <FigureTable
            hideCaption
            caption="Your current medicines"
            testId="current-medicines"
            emptyText="No current medicines recorded."
            columns={[
              { key: 'display', header: 'Medicine' },
              { key: 'dosage', header: 'How to take it', render: (m) => m.dosage ?? 'Not recorded' },
              { key: 'lastIssued', nowrap: true, header: 'Last issued', render: (m) => formatDate(m.lastIssued) },
              { key: 'prescriber', header: 'Prescribed by', render: (m) => org(m.prescriber) },
            ]}
            rows={data.medicines.current}
          />
          <h3>Past medicines</h3>
          <FigureTable
            hideCaption
            caption="Your past medicines"
            testId="past-medicines"
            emptyText="No past medicines recorded."
            columns={[
              { key: 'display', header: 'Medicine' },
              { key: 'lastIssued', nowrap: true, header: 'Last issued', render: (m) => formatDate(m.lastIssued) },
              { key: 'prescriber', header: 'Prescribed by', render: (m) => org(m.prescriber) },
            ]}
            rows={data.medicines.past}
          />

          <h2 id="allergies">Allergies</h2>
          <FigureTable
            hideCaption
            caption="Your allergies and reactions"
            testId="allergies"
            emptyText="No allergies recorded."
            columns={[
              { key: 'display', header: 'Allergy' },
              { key: 'reaction', header: 'Reaction', render: (a) => a.reaction ?? 'Not recorded' },
              { key: 'recorded', nowrap: true, header: 'Recorded', render: (a) => formatDate(a.recorded) },
              { key: 'organisation', header: 'Recorded by', render: (a) => org(a.organisation) },
              { key: 'correct', header: 'Wrong?', render: (a) => <CorrectLink entry={`AllergyIntolerance/${a.id}`} what={a.display} /> },
            ]}
            rows={data.allergies}
          />

          <h2 id="results">Test results</h2>
          <FigureTable
            hideCaption
            caption="Your test results and measurements"
            testId="results"
            emptyText="No test results recorded."
            columns={[
              { key: 'display', header: 'Test' },
              { key: 'value', header: 'Result' },
              { key: 'date', nowrap: true, header: 'Date', render: (r) => formatDate(r.date) },
              { key: 'organisation', header: 'Recorded by', render: (r) => org(r.organisation) },
              { key: 'correct', header: 'Wrong?', render: (r) => <CorrectLink entry={`Observation/${r.id}`} what={r.display} /> },
            ]}
            rows={data.results}
          />

          <h2 id="encounters">Appointments and visits</h2>
          <FigureTable
            hideCaption
            caption="Your appointments, visits and stays"
            testId="encounters"
            emptyText="No appointments or visits recorded."
            columns={[
              { key: 'start', nowrap: true, header: 'Date', render: (e) => formatDate(e.start) },
              { key: 'setting', header: 'Where', render: (e) => sentence(e.setting) },
              { key: 'description', header: 'What happened' },
              { key: 'organisation', header: 'Organisation', render: (e) => org(e.organisation) },
              { key: 'correct', header: 'Wrong?', render: (e) => <CorrectLink entry={`Encounter/${e.id}`} what={e.description} /> },
            ]}
            rows={data.encounters}
          />

          <h2 id="care-plans">Care plans</h2>
          <FigureTable
            hideCaption
            caption="Your care plans"
            testId="care-plans"
            emptyText="No care plans recorded."
            columns={[
              { key: 'title', header: 'Plan' },
              { key: 'status', header: 'Status', render: (p) => sentence(p.status) },
              { key: 'start', nowrap: true, header: 'From', render: (p) => formatDate(p.start) },
              { key: 'organisation', header: 'Organisation', render: (p) => org(p.organisation) },
            ]}
            rows={data.carePlans}
          />
          {data.otherItems.length > 0 && (
            <p className="nhsuk-body-s">
              Your download also holds {data.otherItems.map((o) => `${o.count} ${o.resourceType}`).join(', ')} entries not listed on this page.
            </p>
          )}
          <p>
            <Link to="/patient/access-log">See who has looked at your record</Link>
          </p>
        </>
      )}
    </Load>
  );
}
