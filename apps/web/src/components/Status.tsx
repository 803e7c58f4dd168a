import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import type { Loadable } from '../api/useApi';

/** A polite loading message that screen readers announce. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="nhsuk-body footprint-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** An error summary saying what went wrong and what to do next. */
export function ProblemMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const advice =
    error.status === 403
      ? 'Your role does not give access to this. Ask your administrator if you need it.'
      : error.status === 404
        ? 'Check the link or search again.'
        : error.status === 0 || error.status >= 500
          ? 'Try again in a moment. If it keeps happening, tell your administrator.'
          : undefined;
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        {error.title}
      </h2>
      <div className="nhsuk-error-summary__body">
        {error.detail && <p>{error.detail}</p>}
        {advice && <p>{advice}</p>}
        {onRetry && (
          <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="button" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}

/** Renders a loadable: loading text, an error summary with retry, or the content. */
export function Load<T>({ state, what, children }: { state: Loadable<T> & { reload(): void }; what: string; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') return <Loading what={what} />;
  if (state.status === 'error') return <ProblemMessage error={state.error} onRetry={state.reload} />;
  return <>{children(state.data)}</>;
}
