import { Link } from 'react-router-dom';
import type { CarePlanSummary } from '@footprint/server';
import { useApi } from '../../../api/useApi';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';

/** The person's shared care plans, on their record for staff who coordinate care, with a way to start one. */
export function PatientCarePlans({ patientId, canStart }: { patientId: string; canStart: boolean }) {
  const plans = useApi<{ carePlans: CarePlanSummary[] }>(`/coordination/patients/${encodeURIComponent(patientId)}/care-plans`);
  return (
    <section data-testid="shared-care-plans">
      <h2 id="shared-care-plans">Shared care plans</h2>
      <Load state={plans} what="the shared care plans">
        {(data) =>
          data.carePlans.length === 0 ? (
            <p>No shared care plan yet.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--border">
              {data.carePlans.map((p) => (
                <li key={p.id}>
                  <Link to={`/coordination/care-plans/${encodeURIComponent(p.id)}`}>{p.title}</Link>
                  <span className="nhsuk-body-s nhsuk-u-display-block">
                    {p.status === 'active' ? 'Active' : 'Ended'}
                    {p.reviewOn && ` · review by ${formatDate(p.reviewOn)}`}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Load>
      {canStart && (
        <p>
          <Link className="nhsuk-button nhsuk-button--secondary" to={`/coordination/care-plans/new/${encodeURIComponent(patientId)}`} data-testid="start-care-plan-link">
            Start a care plan
          </Link>
        </p>
      )}
    </section>
  );
}
