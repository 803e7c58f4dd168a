import type { InputHTMLAttributes } from 'react';

/**
 * An NHS.UK text input with its label, optional hint and error message, wired together with
 * aria-describedby so screen readers announce the hint and the error with the field.
 */
export function TextInput({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  width = 'nhsuk-u-width-two-thirds',
  ...input
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
  /** An NHS.UK width class, e.g. `nhsuk-input--width-10`. */
  width?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className' | 'name'>) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <input
        type="text"
        {...input}
        className={`nhsuk-input ${width}${error ? ' nhsuk-input--error' : ''}`}
        id={id}
        name={id}
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
