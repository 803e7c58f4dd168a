import type { FormBody, Question } from '@footprint/engage';

/** The id of a form control for a field name and optional value, safe for `id` and `#links`. */
export const controlId = (name: string, value?: string) => `f-${name}${value !== undefined ? `-${value}` : ''}`.replace(/[^A-Za-z0-9_-]/g, '-');

const valueOf = (values: FormBody, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v[0] : v;
};
const valuesOf = (values: FormBody, name: string) => {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** The first control of a question, where the error summary's link goes. */
export function firstControlId(q: Question): string {
  const name = `answers.${q.id}`;
  if (q.type === 'short-text' || q.type === 'long-text') return controlId(name);
  if (q.type === 'ranking') return controlId(`${name}.${q.options[0].id}`);
  if (q.type === 'matrix') return controlId(`${name}.${q.rows[0].id}`, q.columns[0].id);
  if (q.type === 'rating-scale') return controlId(name, String(q.min));
  return controlId(name, q.options[0].id);
}

/** An NHS.UK error message beside a field (nothing when there is no problem). */
export function ErrorMessage({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  );
}

interface FieldProps {
  question: Question;
  number: number;
  values: FormBody;
  error?: string;
  /** The condition in words, shown as a hint when JavaScript is off ("Answer this only if you answered Yes to question 1"). */
  condition?: string;
}

function Choices({ type, name, options, values, describedBy }: { type: 'radio' | 'checkbox'; name: string; options: Array<{ id: string; label: string }>; values: FormBody; describedBy?: string }) {
  const chosen = valuesOf(values, name);
  const kind = type === 'radio' ? 'radios' : 'checkboxes';
  return (
    <div className={`nhsuk-${kind}`}>
      {options.map((o) => (
        <div key={o.id} className={`nhsuk-${kind}__item`}>
          <input className={`nhsuk-${kind}__input`} id={controlId(name, o.id)} name={name} type={type} value={o.id} defaultChecked={chosen.includes(o.id)} aria-describedby={describedBy} />
          <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={controlId(name, o.id)}>
            {o.label}
          </label>
        </div>
      ))}
    </div>
  );
}

/** One question of the respond form as plain HTML: works without JavaScript; fieldset and legend for every group of controls. */
export function QuestionField({ question: q, number, values, error, condition }: FieldProps) {
  const name = `answers.${q.id}`;
  const hintId = controlId(name, 'hint');
  const errorId = controlId(name, 'error');
  const describedBy = [q.hint || condition ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const title = `${number}. ${q.title}${q.required ? '' : ' (optional)'}`;
  const hint = (q.hint || condition) && (
    <div className="nhsuk-hint" id={hintId}>
      {condition && <span className="fp-question__condition">{condition}. </span>}
      {q.hint}
    </div>
  );
  const group = `nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`;
  const conditional = q.showIf ? { 'data-show-if-question': q.showIf.question, 'data-show-if-any': q.showIf.anyOf.join(' ') } : {};

  if (q.type === 'short-text' || q.type === 'long-text') {
    return (
      <div className={`${group} fp-question`} {...conditional}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={controlId(name)}>
          {title}
        </label>
        {hint}
        <ErrorMessage id={errorId} message={error} />
        {q.type === 'short-text' ? (
          <input className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`} id={controlId(name)} name={name} type="text" maxLength={q.maxLength ?? 500} defaultValue={valueOf(values, name) ?? ''} aria-describedby={describedBy} />
        ) : (
          <textarea className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} id={controlId(name)} name={name} rows={5} maxLength={q.maxLength ?? 5000} defaultValue={valueOf(values, name) ?? ''} aria-describedby={describedBy} />
        )}
      </div>
    );
  }

  let controls;
  if (q.type === 'single-choice') controls = <Choices type="radio" name={name} options={q.options} values={values} />;
  else if (q.type === 'multiple-choice') controls = <Choices type="checkbox" name={name} options={q.options} values={values} />;
  else if (q.type === 'rating-scale') {
    const points = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
    controls = (
      <div className="nhsuk-radios nhsuk-radios--inline fp-rating">
        {points.map((p) => (
          <div key={p} className="nhsuk-radios__item">
            <input className="nhsuk-radios__input" id={controlId(name, String(p))} name={name} type="radio" value={String(p)} defaultChecked={valueOf(values, name) === String(p)} />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={controlId(name, String(p))}>
              {p === q.min ? `${p} – ${q.minLabel}` : p === q.max ? `${p} – ${q.maxLabel}` : String(p)}
            </label>
          </div>
        ))}
      </div>
    );
  } else if (q.type === 'ranking') {
    controls = (
      <ul className="nhsuk-list fp-ranking">
        {q.options.map((o) => {
          const field = `${name}.${o.id}`;
          return (
            <li key={o.id} className="fp-ranking__item">
              <label className="nhsuk-label" htmlFor={controlId(field)}>
                {o.label}
              </label>
              <select className="nhsuk-select" id={controlId(field)} name={field} defaultValue={valueOf(values, field) ?? ''}>
                <option value="">Choose a rank</option>
                {q.options.map((_, i) => (
                  <option key={i} value={String(i + 1)}>
                    {i + 1}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    );
  } else {
    controls = (
      <div className="fp-matrix">
        <table className="nhsuk-table">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <td className="nhsuk-table__header" />
              {q.columns.map((c) => (
                <th key={c.id} className="nhsuk-table__header" scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {q.rows.map((r) => {
              const field = `${name}.${r.id}`;
              return (
                <tr key={r.id} className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="row">
                    {r.label}
                  </th>
                  {q.columns.map((c) => (
                    <td key={c.id} className="nhsuk-table__cell fp-matrix__cell">
                      <input className="fp-matrix__radio" id={controlId(field, c.id)} name={field} type="radio" value={c.id} defaultChecked={valueOf(values, field) === c.id} />
                      <label className="nhsuk-u-visually-hidden" htmlFor={controlId(field, c.id)}>{`${r.label}: ${c.label}`}</label>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className={`${group} fp-question`} {...conditional}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{title}</legend>
        {q.type === 'ranking' && <div className="nhsuk-hint">Give each a different number: 1 for what matters most.</div>}
        {hint}
        <ErrorMessage id={errorId} message={error} />
        {controls}
      </fieldset>
    </div>
  );
}
