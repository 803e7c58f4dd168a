import { forwardRef } from 'react';

/** An NHS.UK error summary: each field error links to its field; a problem from the server is listed as text. */
export const ErrorSummary = forwardRef<HTMLDivElement, { id: string; errors: Array<{ field: string; message: string }>; problem?: string | null }>(
  function ErrorSummary({ id, errors, problem }, ref) {
    if (errors.length === 0 && !problem) return null;
    return (
      <div className="nhsuk-error-summary" aria-labelledby={`${id}-title`} role="alert" tabIndex={-1} ref={ref}>
        <h2 className="nhsuk-error-summary__title" id={`${id}-title`}>
          There is a problem
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.field + e.message}>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
            {problem && <li data-testid={`${id}-problem`}>{problem}</li>}
          </ul>
        </div>
      </div>
    );
  },
);
