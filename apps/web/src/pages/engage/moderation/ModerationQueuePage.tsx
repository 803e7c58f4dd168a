import { Link } from 'react-router-dom';
import type { ModerationQueueEntry } from '@footprint/engage';
import { useApi } from '../../../api/useApi';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';

/** The moderation queue across consultations: how many free-text answers await a moderator, and how many were approved or rejected. */
export function ModerationQueuePage() {
  usePageTitle('Moderation');
  const queue = useApi<{ queue: ModerationQueueEntry[] }>('/engage/moderation');
  return (
    <>
      <h1>Moderation</h1>
      <p>Free-text answers whose authors allowed publication are read here before they are published. Footprint flags personal data; you decide what to redact.</p>
      <Load state={queue} what="the moderation queue">
        {({ queue: entries }) =>
          entries.length === 0 ? (
            <p>There is nothing to moderate.</p>
          ) : (
            <table className="nhsuk-table" data-testid="moderation-queue">
              <caption className="nhsuk-table__caption">Consultations with free text to moderate</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Consultation</th>
                  <th scope="col" className="nhsuk-table__header--numeric">
                    Waiting
                  </th>
                  <th scope="col" className="nhsuk-table__header--numeric">
                    Approved
                  </th>
                  <th scope="col" className="nhsuk-table__header--numeric">
                    Rejected
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {entries.map((e) => (
                  <tr key={e.consultationId}>
                    <td>
                      <Link to={`/engage/consultations/${encodeURIComponent(e.consultationId)}/moderation`}>{e.title}</Link>
                    </td>
                    <td className="nhsuk-table__cell--numeric">{e.pending}</td>
                    <td className="nhsuk-table__cell--numeric">{e.approved}</td>
                    <td className="nhsuk-table__cell--numeric">{e.rejected}</td>
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
