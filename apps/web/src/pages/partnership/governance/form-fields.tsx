import { forwardRef, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../../api/client';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextInput } from '../../../components/TextInput';

/**
 * The governance forms' fields (NHS.UK markup, each error beside its field and in the summary),
 * and `useSave`, which sends a change and maps the server's refusal ("dueDate: must be a date…")
 * to the field it names.
 */
export interface FieldError {
  field: string;
  message: string;
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
    </span>
  );
}

/** A field's label, then its hint and its error (what aria-describedby points at). */
function LabelHintError({ id, label, hint, error }: { id: string; label: string; hint?: string; error?: string }) {
  return (
    <>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <ErrorMessage id={id} error={error} />
    </>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

/** A text, date, time or web-address field: the shared TextInput, dates and times at their NHS.UK width. */
export function Field({ id, label, hint, error, value, onChange, type = 'text', width = 'nhsuk-u-width-two-thirds' }: { id: string; label: string; hint?: string; error?: string; value: string; onChange(v: string): void; type?: 'text' | 'date' | 'time' | 'url'; width?: string }) {
  return <TextInput id={id} label={label} hint={hint} error={error} value={value} onChange={onChange} type={type} width={type === 'date' || type === 'time' ? 'nhsuk-input--width-10' : width} />;
}

export function TextArea({ id, label, hint, error, value, onChange, rows = 4 }: { id: string; label: string; hint?: string; error?: string; value: string; onChange(v: string): void; rows?: number }) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <LabelHintError id={id} label={label} hint={hint} error={error} />
      <textarea className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} id={id} name={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy(id, hint, error)} />
    </div>
  );
}

export function SelectField({ id, label, error, value, onChange, options }: { id: string; label: string; error?: string; value: string; onChange(v: string): void; options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <ErrorMessage id={id} error={error} />
      <select className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`} id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy(id, undefined, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Radios({ id, legend, error, value, onChange, options }: { id: string; legend: string; error?: string; value: string; onChange(v: string): void; options: ReadonlyArray<{ code: string; label: string }> }) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, undefined, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <ErrorMessage id={id} error={error} />
        <div className="nhsuk-radios nhsuk-radios--inline">
          {options.map((o, i) => (
            <div className="nhsuk-radios__item" key={o.code}>
              <input className="nhsuk-radios__input" id={i === 0 ? id : `${id}-${o.code}`} name={id} type="radio" value={o.code} checked={value === o.code} onChange={() => onChange(o.code)} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={i === 0 ? id : `${id}-${o.code}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={id} name={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}

/**
 * Sends a change (POST, PUT) and keeps what went wrong: a refusal naming a field ("completedOn:
 * is required…") becomes that field's error, found in `fields` (server field → form id).
 */
export function useSave(fields: Record<string, string>) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const focusSummary = () => requestAnimationFrame(() => summary.current?.focus());

  async function save<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T | undefined> {
    setBusy(true);
    setErrors([]);
    setProblem(null);
    try {
      return await api<T>(path, { method, body });
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'The change was not saved');
      const match = e.detail?.match(/^([A-Za-z.]+): (.+)$/);
      const field = match ? fields[match[1]] : undefined;
      if (field && match) setErrors([{ field, message: `${capitalise(match[2])}` }]);
      else setProblem(e.detail ? `${e.title}: ${e.detail}` : e.title);
      focusSummary();
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const fail = (found: FieldError[]) => {
    setErrors(found);
    setProblem(null);
    if (found.length) focusSummary();
    return found.length > 0;
  };
  return { save, errors, problem, busy, errorFor, fail, summary };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A form's error summary with the server's problem when it named no field. */
export const FormErrors = forwardRef<HTMLDivElement, { id: string; errors: FieldError[]; problem: string | null }>(function FormErrors({ id, errors, problem }, ref) {
  return <ErrorSummary id={id} errors={errors} problem={problem} ref={ref} />;
});

/** A form's heading and body inside an NHS.UK card, so it reads as one thing to do. */
export function FormCard({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="nhsuk-card" data-testid={testId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" tabIndex={-1}>
          {title}
        </h3>
        {children}
      </div>
    </div>
  );
}
