import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import type { SignInOptions } from '../api/types';
import { useApi } from '../api/useApi';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/SessionContext';
import { TextInput } from '../components/TextInput';
import type { DemoIdentities } from '../api/types';

/** Only same-site paths may be returned to after sign-in (no open redirects). */
function safeReturnPath(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

/** Why an NHS CIS2 sign-in came back without a session (`/sign-in?cis2=…`). */
const CIS2_PROBLEMS: Record<string, string> = {
  'no-role': 'Your NHS CIS2 account has no role at a partner organisation that Footprint recognises. Ask your registration authority.',
  expired: 'Your NHS CIS2 sign-in timed out. Try again.',
  cancelled: 'You cancelled signing in with NHS CIS2.',
  failed: 'The answer from NHS CIS2 could not be checked, so you are not signed in. Try again.',
  unavailable: 'Signing in with NHS CIS2 is not set up for this Footprint.',
  disabled: 'Your Footprint account has been disabled. Ask your administrator.',
};

/** Username and password sign-in, and sign-in with NHS CIS2, with an NHS.UK error summary linked to the fields. */
export function SignInPage() {
  usePageTitle('Sign in');
  const { user, signIn, ended } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Array<{ field: 'username' | 'password'; message: string }>>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const returnTo = safeReturnPath(params.get('from'));
  const options = useApi<SignInOptions>('/sign-in-options');
  // Until the options arrive the form is shown, as it is on most deployments; `off` hides it.
  const localPasswords = options.status !== 'ready' || options.data.localPasswords;
  const cis2Problem = CIS2_PROBLEMS[params.get('cis2') ?? ''];
  const demo = useApi<DemoIdentities>('/demo-identities').status === 'ready';

  if (user) return <Navigate to={returnTo} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = [];
    if (!username.trim()) found.push({ field: 'username', message: 'Enter your username' });
    if (!password) found.push({ field: 'password', message: 'Enter your password' });
    setErrors(found);
    setProblem(null);
    if (found.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await signIn(username.trim(), password);
      void navigate(returnTo, { replace: true });
    } catch (error) {
      setProblem(error instanceof ApiError ? `${error.title}. ${error.detail ?? ''}`.trim() : 'Sign-in failed. Try again.');
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: 'username' | 'password') => errors.find((e) => e.field === field)?.message;
  const showSummary = errors.length > 0 || problem || cis2Problem;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {showSummary && (
          <div className="nhsuk-error-summary" aria-labelledby="sign-in-error-title" role="alert" tabIndex={-1} ref={summary}>
            <h2 className="nhsuk-error-summary__title" id="sign-in-error-title">
              There is a problem
            </h2>
            <div className="nhsuk-error-summary__body">
              <ul className="nhsuk-list nhsuk-error-summary__list">
                {errors.map((e) => (
                  <li key={e.field}>
                    <a href={`#${e.field}`}>{e.message}</a>
                  </li>
                ))}
                {problem && <li data-testid="sign-in-problem">{problem}</li>}
                {cis2Problem && !problem && errors.length === 0 && <li data-testid="cis2-problem">{cis2Problem}</li>}
              </ul>
            </div>
          </div>
        )}
        {ended && !showSummary && (
          <div className="nhsuk-inset-text" role="status">
            <p>For your security, you were signed out. Sign in again to carry on.</p>
          </div>
        )}
        <h1>Sign in to Footprint</h1>
        <p>Use your NHS CIS2 account (smartcard or authenticator){localPasswords ? ', or the username and password your administrator gave you' : ''}.</p>
        <a className="nhsuk-button nhsuk-button--secondary" href="/api/session/cis2" draggable={false} data-testid="cis2-sign-in">
          Sign in with NHS CIS2{demo ? ' (demo)' : ''}
        </a>
        {!localPasswords && (
          <p className="nhsuk-body" data-testid="local-passwords-off">
            This Footprint does not use Footprint passwords. Sign in through your organisation’s identity service.
          </p>
        )}
        {localPasswords && (
          <>
        <h2 className="nhsuk-heading-s">Or sign in with a username and password</h2>
        <form onSubmit={submit} noValidate>
          <TextInput
            id="username"
            label="Username"
            value={username}
            onChange={setUsername}
            error={errorFor('username')}
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
          />
          <TextInput id="password" label="Password" type="password" value={password} onChange={setPassword} error={errorFor('password')} autoComplete="current-password" />
          <button className="nhsuk-button" type="submit" disabled={busy} data-prevent-double-click="true">
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          </form>
          </>
        )}
      </div>
    </div>
  );
}
