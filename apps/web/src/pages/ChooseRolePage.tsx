import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/useApi';
import { Load, ProblemMessage } from '../components/Status';
import { usePageTitle } from '../components/usePageTitle';

interface RoleChoices {
  displayName: string;
  choices: Array<{ id: string; roleLabel: string; rbacCode: string; organisation: { code: string; name: string } }>;
}

/** After NHS CIS2 sign-in, a member of staff with roles at several organisations chooses the one to act in. */
export function ChooseRolePage() {
  usePageTitle('Choose your role');
  const roles = useApi<RoleChoices>('/session/cis2/roles');
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!choice) {
      setError('Choose the role you are working in today');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await api('/session/cis2/roles', { method: 'POST', body: { choice } });
      // A fresh start of the app picks up the new staff session.
      window.location.assign('/');
    } catch (failure) {
      setProblem(failure instanceof ApiError ? failure : new ApiError(0, 'Sign-in failed'));
      setBusy(false);
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Load state={roles} what="your roles">
          {(data) => (
            <form onSubmit={submit} noValidate>
              {problem && <ProblemMessage error={problem} />}
              <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
                <fieldset className="nhsuk-fieldset" aria-describedby={`role-hint${error ? ' role-error' : ''}`}>
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                    <h1 className="nhsuk-fieldset__heading">Choose your role, {data.displayName}</h1>
                  </legend>
                  <div className="nhsuk-hint" id="role-hint">
                    Your NHS CIS2 account has roles at more than one organisation. Footprint shows you what this role may see, for this organisation.
                  </div>
                  {error && (
                    <span className="nhsuk-error-message" id="role-error">
                      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                    </span>
                  )}
                  <div className="nhsuk-radios">
                    {data.choices.map((c) => (
                      <div className="nhsuk-radios__item" key={c.id}>
                        <input className="nhsuk-radios__input" id={`role-${c.id}`} name="role" type="radio" value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} />
                        <label className="nhsuk-label nhsuk-radios__label" htmlFor={`role-${c.id}`}>
                          {c.roleLabel} at {c.organisation.name}
                        </label>
                        <div className="nhsuk-hint nhsuk-radios__hint">
                          {c.rbacCode}, {c.organisation.code}
                        </div>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
              <button className="nhsuk-button" type="submit" disabled={busy}>
                {busy ? 'Signing in…' : 'Continue'}
              </button>
            </form>
          )}
        </Load>
      </div>
    </div>
  );
}
