import { Link } from 'react-router-dom';
import type { PlanTree } from '@footprint/partnership';
import { ambitionPath, GAP_LABELS, GAPS, HistoryLink, IllustrativeTag, measured } from './PlanTags';

/** The plan's ambitions grouped by triple-aim gap, each with its baseline → target. */
export function AmbitionsByGap({ tree }: { tree: PlanTree }) {
  return (
    <>
      <h2>Ambitions</h2>
      {tree.ambitions.length === 0 && <p>This version of the plan states no ambitions.</p>}
      {GAPS.map((gap) => {
        const ambitions = tree.ambitions.filter((a) => a.data.gap === gap);
        if (ambitions.length === 0) return null;
        return (
          <section key={gap} data-testid="ambition-gap" aria-labelledby={`gap-${gap}`}>
            <h3 id={`gap-${gap}`}>{GAP_LABELS[gap]}</h3>
            <table className="nhsuk-table footprint-plan-table">
              <caption className="nhsuk-u-visually-hidden">Ambitions for {GAP_LABELS[gap].toLowerCase()}</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Ambition</th>
                  <th scope="col">Baseline → target</th>
                  <th scope="col">
                    <span className="nhsuk-u-visually-hidden">History</span>
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {ambitions.map((a) => (
                  <tr key={a.id} data-testid="ambition-row">
                    <td>
                      <Link to={ambitionPath(tree.plan.id, a.id)}>{a.data.statement}</Link>
                      <br />
                      <span className="nhsuk-body-s">{a.data.measure}</span>
                    </td>
                    <td>
                      {measured(a.data.baseline, a.data.unit)} → {measured(a.data.target, a.data.unit)} <IllustrativeTag shown={a.data.illustrative} />
                    </td>
                    <td className="footprint-plan-nowrap">
                      <HistoryLink id={a.id} what={a.data.statement} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
