import { Link } from 'react-router-dom';
import type { ConsultationSummary } from '@footprint/engage';
import { useApi } from '../../../api/useApi';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';

const STATE_WORDS: Record<string, string> = { draft: 'Draft', upcoming: 'Upcoming', open: 'Open', closed: 'Closed' };

/** /engage/consultations: the footprint's consultations with their states, dates and response counts. */
export function ConsultationsPage() {
  usePageTitle('Consultations');
  const list = useApi<{ footprint: { name: string }; consultations: ConsultationSummary[] }>('/engage/consultations');
  return (
    <>
      <h1>Consultations</h1>
      <p>
        <Link className="nhsuk-button" to="/engage/consultations/new">
          Create a consultation
        </Link>
      </p>
      <Load state={list} what="the consultations">
        {(data) =>
          data.consultations.length === 0 ? (
            <p>No consultations yet.</p>
          ) : (
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption">Consultations of {data.footprint.name}</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Consultation</th>
                  <th scope="col">State</th>
                  <th scope="col">Opens</th>
                  <th scope="col">Closes</th>
                  <th scope="col" className="nhsuk-table__header--numeric">Responses</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {data.consultations.map((c) => (
                  <tr key={c.id} className="nhsuk-table__row" data-testid={`consultation-${c.id}`}>
                    <td className="nhsuk-table__cell">
                      <Link to={`/engage/consultations/${c.id}`}>{c.title}</Link>
                    </td>
                    <td className="nhsuk-table__cell">
                      <strong className={`nhsuk-tag nhsuk-tag--${c.state === 'open' ? 'green' : c.state === 'draft' ? 'white' : c.state === 'upcoming' ? 'blue' : 'grey'}`}>{STATE_WORDS[c.state]}</strong>
                    </td>
                    <td className="nhsuk-table__cell">{formatDate(c.opensOn)}</td>
                    <td className="nhsuk-table__cell">{formatDate(c.closesOn)}</td>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{c.responseCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Load>
    </>
  );
}
