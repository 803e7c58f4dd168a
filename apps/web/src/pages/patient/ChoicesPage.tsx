import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import type { MyChoices } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { Load, ProblemMessage } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { patientApi } from './patient-api';
import { usePatientApi } from './usePatientApi';

function SharingChoice({ choices, onSaved }: { choices: MyChoices; onSaved(next: MyChoices): void }) {
  const [choice, setChoice] = useState(choices.sharing.choice);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await patientApi<MyChoices>('/choices/sharing', { method: 'PUT', body: { choice } }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'Your choice was not saved'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={save} noValidate>
      {problem && <ProblemMessage error={problem} />}
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset" aria-describedby="sharing-hint">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h2 className="nhsuk-fieldset__heading">Who can see your record</h2>
          </legend>
          <div className="nhsuk-hint" id="sharing-hint">
            This decides which organisations can see what others have recorded about you, for your care. In an emergency a clinician can still
            open your record, and that access is shown to you and reviewed.
          </div>
          <div className="nhsuk-radios">
            {choices.sharing.options.map((option) => (
              <div className="nhsuk-radios__item" key={option.code}>
                <input
                  className="nhsuk-radios__input"
                  id={`sharing-${option.code}`}
                  name="sharing"
                  type="radio"
                  value={option.code}
                  checked={choice === option.code}
                  onChange={() => setChoice(option.code)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`sharing-${option.code}`}>
                  {option.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button className="nhsuk-button" type="submit" disabled={busy || choice === choices.sharing.choice}>
        {busy ? 'Saving…' : 'Save my sharing choice'}
      </button>
    </form>
  );
}

function OptOut({ choices, onSaved }: { choices: MyChoices; onSaved(next: MyChoices): void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const { optedOut, since } = choices.nationalDataOptOut;
  async function change() {
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await patientApi<MyChoices>('/choices/national-data-opt-out', { method: 'PUT', body: { optedOut: !optedOut } }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'Your choice was not saved'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="opt-out-heading">
      <h2 id="opt-out-heading">National data opt-out</h2>
      <p>
        Your information can be used, without your name, to plan services and for research. If you opt out, it is left out of that from the next
        refresh of the partnership’s figures. Your care is not affected.
      </p>
      {problem && <ProblemMessage error={problem} />}
      <p data-testid="opt-out-status">
        {optedOut ? <strong>You have opted out{since ? ` (since ${formatDateTime(since)})` : ''}.</strong> : 'You have not opted out.'}
      </p>
      <button className={`nhsuk-button${optedOut ? ' nhsuk-button--secondary' : ''}`} type="button" onClick={() => void change()} disabled={busy}>
        {busy ? 'Saving…' : optedOut ? 'Withdraw my opt-out' : 'Opt out of planning and research'}
      </button>
    </section>
  );
}

/** The person's choices: how their record is shared for their care, and the national data opt-out. */
export function ChoicesPage() {
  usePageTitle('Your choices');
  const loaded = usePatientApi<MyChoices>('/choices');
  const [saved, setSaved] = useState<{ choices: MyChoices; message: string } | null>(null);
  return (
    <>
      <h1>Your choices</h1>
      <Load state={loaded} what="your choices">
        {(initial) => {
          const choices = saved?.choices ?? initial;
          return (
            <>
              {saved && (
                <div className="nhsuk-inset-text" role="status" data-testid="choice-saved">
                  <span className="nhsuk-u-visually-hidden">Information: </span>
                  <p>{saved.message}</p>
                </div>
              )}
              <p data-testid="current-sharing">
                Your record is shared: <strong>{choices.sharing.label}</strong>
                {choices.sharing.since ? ` (your choice since ${formatDateTime(choices.sharing.since)})` : ' (the standard choice)'}.
              </p>
              <SharingChoice key={choices.sharing.choice} choices={choices} onSaved={(next) => setSaved({ choices: next, message: `Saved. Your record is now shared: ${next.sharing.label}.` })} />
              <OptOut
                choices={choices}
                onSaved={(next) =>
                  setSaved({ choices: next, message: next.nationalDataOptOut.optedOut ? 'Saved. You have opted out of planning and research.' : 'Saved. You have withdrawn your opt-out.' })
                }
              />
            </>
          );
        }}
      </Load>
    </>
  );
}
