import type { ReactNode } from 'react';

/** NHS.UK summary list: key facts as label/value rows. */
export function SummaryList({ rows, testId }: { rows: Array<[label: string, value: ReactNode]>; testId?: string }) {
  return (
    <dl className="nhsuk-summary-list" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div className="nhsuk-summary-list__row" key={label}>
          <dt className="nhsuk-summary-list__key">{label}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
