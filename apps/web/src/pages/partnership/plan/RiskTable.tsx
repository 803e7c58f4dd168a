import { Link } from 'react-router-dom';
import type { RiskView } from '@footprint/partnership';
import { HistoryLink, IllustrativeTag, programmePath, RiskScoreTag } from './PlanTags';

/** Risks with their score (likelihood × impact, banded), owner and mitigation, highest first. */
export function RiskTable({ risks, caption, planId, editing, onChange }: { risks: Array<RiskView & { programme?: { id: string; name: string } }>; caption: string; planId?: string; editing?: string | null; onChange?(id: string): void }) {
  if (risks.length === 0) return <p>No risks recorded.</p>;
  return (
    <table className="nhsuk-table footprint-plan-table" data-testid="risks">
      <caption className="nhsuk-u-visually-hidden">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Risk</th>
          <th scope="col">Score</th>
          <th scope="col">Owner and mitigation</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {risks.map((r) => (
          <tr key={r.id} data-testid="risk-row" data-id={r.id}>
            <td>
              {r.data.title} <IllustrativeTag shown={r.data.illustrative} />
              {planId && (
                <>
                  <br />
                  <span className="nhsuk-body-s">{r.programme ? <Link to={programmePath(planId, r.programme.id)}>{r.programme.name}</Link> : 'The whole plan'}</span>
                </>
              )}
              {r.data.status === 'closed' && (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--grey">Closed</strong>
                </>
              )}
            </td>
            <td data-column="score">
              <RiskScoreTag score={r.score} band={r.band} />
              <br />
              <span className="nhsuk-body-s">
                likelihood {r.data.likelihood} × impact {r.data.impact}
              </span>
            </td>
            <td>
              <p className="nhsuk-u-margin-bottom-1">{r.data.owner}</p>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{r.data.mitigation}</p>
              <HistoryLink id={r.id} what={r.data.title} />
              {onChange && (
                <>
                  {' · '}
                  <button className="footprint-link-button" type="button" onClick={() => onChange(r.id)} aria-expanded={editing === r.id}>
                    Change<span className="nhsuk-u-visually-hidden"> {r.data.title}</span>
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
