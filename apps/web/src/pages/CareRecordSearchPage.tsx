import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { PersonMatch, PersonSearchAnswer } from '../api/types';
import { formatDate, formatNhsNumber } from '../components/format';
import { ProblemMessage } from '../components/Status';
import { usePageTitle } from '../components/usePageTitle';
import { TextInput } from '../components/TextInput';
import { BreakGlassForm } from '../components/break-glass/BreakGlassForm';
import { useSession } from '../session/SessionContext';

type Mode = 'nhs-number' | 'demographics';
type FieldError = { field: string; message: string };

/** Modulus 11 check for NHS numbers, so typing mistakes are caught before searching. */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const sum = [...value.slice(0, 9)].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(value[9]);
}

/**
 * Find a person in the shared care record by NHS number, or by surname and date of birth. The search
 * is sent in a POST body (never the address) so names and NHS numbers stay out of logs and history.
 */
export function CareRecordSearchPage() {
  usePageTitle('Find a person in the shared care record');
  const [mode, setMode] = useState<Mode>('nhs-number');
  const [nhsNumber, setNhsNumber] = useState('');
  const [family, setFamily] = useState('');
  const [given, setGiven] = useState('');
  const [dob, setDob] = useState({ day: '', month: '', year: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [results, setResults] = useState<PersonMatch[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [searchedNhsNumber, setSearchedNhsNumber] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const { can } = useSession();

  function validate(): { body?: Record<string, string>; errors: FieldError[] } {
    if (mode === 'nhs-number') {
      const digits = nhsNumber.replace(/[\s-]/g, '');
      if (!digits) return { errors: [{ field: 'nhs-number', message: 'Enter an NHS number' }] };
      if (!/^\d{10}$/.test(digits)) return { errors: [{ field: 'nhs-number', message: 'NHS number must be 10 digits' }] };
      if (!isValidNhsNumber(digits)) return { errors: [{ field: 'nhs-number', message: 'Enter a valid NHS number: this one fails its check digit' }] };
      return { body: { nhsNumber: digits }, errors: [] };
    }
    const found: FieldError[] = [];
    if (!family.trim()) found.push({ field: 'family', message: 'Enter the person’s last name' });
    const day = Number(dob.day);
    const month = Number(dob.month);
    const year = Number(dob.year);
    const date = new Date(Date.UTC(year, month - 1, day));
    const valid =
      /^\d{1,2}$/.test(dob.day) && /^\d{1,2}$/.test(dob.month) && /^\d{4}$/.test(dob.year) &&
      date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    if (!dob.day && !dob.month && !dob.year) found.push({ field: 'dob-day', message: 'Enter the person’s date of birth' });
    else if (!valid) found.push({ field: 'dob-day', message: 'Date of birth must be a real date' });
    else if (date.getTime() > Date.now()) found.push({ field: 'dob-day', message: 'Date of birth must be in the past' });
    if (found.length) return { errors: found };
    const birthDate = date.toISOString().slice(0, 10);
    return { body: { family: family.trim(), ...(given.trim() ? { given: given.trim() } : {}), birthDate }, errors: [] };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { body, errors: found } = validate();
    setErrors(found);
    setProblem(null);
    if (!body) {
      setResults(null);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const answer = await api<PersonSearchAnswer>('/care-record/search', { method: 'POST', body });
      setResults(answer.people);
      setSearchedNhsNumber(body.nhsNumber ?? null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'Search failed'));
      setResults(null);
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {errors.length > 0 && (
          <div className="nhsuk-error-summary" aria-labelledby="search-error-title" role="alert" tabIndex={-1} ref={summary}>
            <h2 className="nhsuk-error-summary__title" id="search-error-title">
              There is a problem
            </h2>
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                {errors.map((e) => (
                  <li key={e.field}>
                    <a href={`#${e.field}`}>{e.message}</a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <h1>Find a person</h1>
        <p>Search the shared care record. Every search and every record you open is recorded in the audit trail.</p>
        <form onSubmit={submit} noValidate>
          <div className="nhsuk-form-group">
            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Search by</legend>
              <div className="nhsuk-radios nhsuk-radios--inline">
                <div className="nhsuk-radios__item">
                  <input className="nhsuk-radios__input" id="mode-nhs" name="mode" type="radio" checked={mode === 'nhs-number'} onChange={() => setMode('nhs-number')} />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor="mode-nhs">
                    NHS number
                  </label>
                </div>
                <div className="nhsuk-radios__item">
                  <input className="nhsuk-radios__input" id="mode-demographics" name="mode" type="radio" checked={mode === 'demographics'} onChange={() => setMode('demographics')} />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor="mode-demographics">
                    Name and date of birth
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          {mode === 'nhs-number' ? (
            <TextInput
              id="nhs-number"
              label="NHS number"
              hint="10 digits, for example 485 777 3456"
              width="nhsuk-input--width-10"
              value={nhsNumber}
              onChange={setNhsNumber}
              error={errorFor('nhs-number')}
              inputMode="numeric"
              spellCheck={false}
              autoComplete="off"
            />
          ) : (
            <>
              <TextInput id="family" label="Last name" value={family} onChange={setFamily} error={errorFor('family')} autoComplete="off" spellCheck={false} />
              <TextInput id="given" label="First name (optional)" value={given} onChange={setGiven} autoComplete="off" spellCheck={false} />
              <div className={`nhsuk-form-group${errorFor('dob-day') ? ' nhsuk-form-group--error' : ''}`}>
                <fieldset className="nhsuk-fieldset" role="group" aria-describedby={`dob-hint${errorFor('dob-day') ? ' dob-error' : ''}`}>
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Date of birth</legend>
                  <div className="nhsuk-hint" id="dob-hint">
                    For example, 15 3 1984
                  </div>
                  {errorFor('dob-day') && (
                    <span className="nhsuk-error-message" id="dob-error">
                      <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('dob-day')}
                    </span>
                  )}
                  <div className="nhsuk-date-input">
                    {(
                      [
                        ['day', 'Day', 2],
                        ['month', 'Month', 2],
                        ['year', 'Year', 4],
                      ] as const
                    ).map(([part, label, width]) => (
                      <div className="nhsuk-date-input__item" key={part}>
                        <div className="nhsuk-form-group">
                          <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`dob-${part}`}>
                            {label}
                          </label>
                          <input
                            className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${errorFor('dob-day') ? ' nhsuk-input--error' : ''}`}
                            id={`dob-${part}`}
                            name={`dob-${part}`}
                            type="text"
                            inputMode="numeric"
                            autoComplete="off"
                            value={dob[part]}
                            onChange={(e) => setDob({ ...dob, [part]: e.target.value })}
                          />
                        </div>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
            </>
          )}
          <button className="nhsuk-button" type="submit" disabled={busy}>
            {busy ? 'Searching…' : 'Search'}
          </button>
        </form>
        {problem && <ProblemMessage error={problem} />}
        {results && (
          <section aria-labelledby="results-heading" aria-live="polite">
            <h2 id="results-heading">
              {results.length === 0 ? 'No one found' : results.length === 1 ? '1 person found' : `${results.length} people found`}
            </h2>
            {results.length === 0 && <p>Check the details and try again. Try searching by NHS number if you have it.</p>}
            {results.length === 0 && searchedNhsNumber && can('break-glass') && (
              <div className="nhsuk-warning-callout" data-testid="break-glass-offer">
                <h3 className="nhsuk-warning-callout__label">
                  <span role="text">
                    <span className="nhsuk-u-visually-hidden">Important: </span>No care relationship?
                  </span>
                </h3>
                <p>
                  You only find people your organisation has a care relationship with and whose sharing choice includes it. If you need this person’s record to care for them now, you can break glass: access lasts a few hours, every look is recorded with your name, and your privacy officer reviews why you did it.
                </p>
                <BreakGlassForm path="/care-record/break-glass" extra={{ nhsNumber: searchedNhsNumber }} onGranted={(answer) => navigate(`/care-record/patients/${encodeURIComponent(answer.patientId)}`)} />
              </div>
            )}
            {results.length > 0 && (
              <ul className="nhsuk-list nhsuk-list--border" data-testid="search-results">
                {results.map((person) => (
                  <li key={person.id}>
                    <Link to={`/care-record/patients/${encodeURIComponent(person.id)}`}>{person.name}</Link>
                    <br />
                    NHS number {formatNhsNumber(person.nhsNumber ?? undefined)}, born {formatDate(person.birthDate)}
                    {person.practice ? `, registered at ${person.practice.name}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
