import { useState } from 'react';

/**
 * "On which date": a labelled native date field and a button, which sets `?on=` on submit. The
 * register answers for any date from April 2016; a date it cannot read is said beside the field.
 */
export function DateChooser({ on, onChoose, id = 'on' }: { on: string; onChoose(on: string): void; id?: string }) {
  const [value, setValue] = useState(on);
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="footprint-register-date nhsuk-u-margin-bottom-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return setError('Enter a date, for example 2017-04-01');
        setError(undefined);
        onChoose(value);
      }}
    >
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={id}>
          On which date
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          Any date from 1 April 2016, when the 44 STPs began
        </div>
        {error && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <input className={`nhsuk-input nhsuk-input--width-10${error ? ' nhsuk-input--error' : ''}`} type="date" id={id} name={id} value={value} min="2016-04-01" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} onChange={(e) => setValue(e.target.value)} />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit">
        Show
      </button>
    </form>
  );
}
