import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextInput } from '../components/TextInput';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/SessionContext';

/** The password rules, checked here for quick answers and again by the server, which decides. */
const MIN_LENGTH = 12;

type Field = 'current' | 'next' | 'confirm';

/**
 * Change your password. `forced` is the first sign-in with a temporary password: until it is
 * changed, this is the only page the app shows and every other /api route refuses.
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  usePageTitle(forced ? 'Choose a new password' : 'Change your password');
  const { user, changePassword, signOut } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Array<{ field: Field; message: string }>>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  if (!user) return null;
  const username = user.username;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = [];
    if (!current) found.push({ field: 'current', message: forced ? 'Enter your temporary password' : 'Enter your current password' });
    if (next.length < MIN_LENGTH) found.push({ field: 'next', message: `Your new password must be at least ${MIN_LENGTH} characters long` });
    else if (next === current) found.push({ field: 'next', message: 'Your new password must be different from your current (temporary) password' });
    else if (next.toLowerCase().includes(username.toLowerCase())) found.push({ field: 'next', message: 'Your new password must not contain your username' });
    if (confirm !== next) found.push({ field: 'confirm', message: 'The passwords do not match' });
    setErrors(found);
    setProblem(null);
    if (found.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await changePassword(current, next);
      setDone(true);
      if (forced) void navigate('/', { replace: true });
    } catch (error) {
      setProblem(error instanceof ApiError ? `${error.title}. ${error.detail ?? ''}`.trim() : 'Your password could not be changed. Try again.');
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: Field) => errors.find((e) => e.field === field)?.message;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary id="change-password-error" errors={errors} problem={problem} ref={summary} />
        {done && !forced && (
          <div className="nhsuk-inset-text" role="status">
            <p>Your password has been changed. Your other sessions have been signed out.</p>
          </div>
        )}
        <h1>{forced ? 'Choose a new password' : 'Change your password'}</h1>
        {forced && <p className="nhsuk-lede-text">You signed in with a temporary password. Choose your own password to carry on.</p>}
        <form onSubmit={submit} noValidate>
          <TextInput
            id="current"
            label={forced ? 'Temporary password' : 'Current password'}
            type="password"
            value={current}
            onChange={setCurrent}
            error={errorFor('current')}
            autoComplete="current-password"
          />
          <TextInput
            id="next"
            label="New password"
            hint={`At least ${MIN_LENGTH} characters. Three random words make a strong password. It must not be your temporary password or contain your username.`}
            type="password"
            value={next}
            onChange={setNext}
            error={errorFor('next')}
            autoComplete="new-password"
          />
          <TextInput id="confirm" label="Confirm new password" type="password" value={confirm} onChange={setConfirm} error={errorFor('confirm')} autoComplete="new-password" />
          <button className="nhsuk-button" type="submit" disabled={busy} data-prevent-double-click="true">
            {busy ? 'Saving…' : 'Save new password'}
          </button>
        </form>
        {forced && (
          <p>
            <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => void signOut()}>
              Sign out instead
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
