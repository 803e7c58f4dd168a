import type { Disclosure } from '../api/types';
import { formatDate } from './format';

/**
 * "About this figure": the definition of every number shown, and the disclosure control applied,
 * one click away (an NHS.UK details component).
 */
export function AboutFigure({ definition, disclosure, asAt }: { definition: string; disclosure?: Disclosure; asAt?: string }) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">About this figure</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>{definition}</p>
        {asAt && <p>Figures are as at {formatDate(asAt)}.</p>}
        {disclosure && (
          <p>
            Disclosure control: counts of {disclosure.threshold} or fewer are suppressed and shown as [c]; other counts are rounded to
            the nearest {disclosure.rounding}.
          </p>
        )}
      </div>
    </details>
  );
}
