import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { PatientSessionInfo } from '../../api/types';
import { formatNhsNumber } from '../../components/format';
import { Loading, ProblemMessage } from '../../components/Status';
import { patientApi, setPatientCsrfToken } from './patient-api';

const PatientContext = createContext<PatientSessionInfo['person'] | undefined>(undefined);

/** The signed-in person, inside the citizens' pages. */
export function usePerson(): PatientSessionInfo['person'] {
  const person = useContext(PatientContext);
  if (!person) throw new Error('usePerson outside PatientArea');
  return person;
}

const PAGES = [
  { path: '/patient', label: 'Your record' },
  { path: '/patient/care-plan', label: 'Your care plan' },
  { path: '/patient/access-log', label: 'Who has looked at your record' },
  { path: '/patient/choices', label: 'Your choices' },
  { path: '/patient/corrections', label: 'Ask to correct your record' },
];

/** Where a signed-out person starts citizen sign-in (a server route: it sends the browser to the identity provider). */
export const PATIENT_SIGN_IN = '/api/patient/sign-in';

/**
 * The citizens' area: checks the person's own session, and frames each page with who is signed
 * in, sign-out and the contents of the area. A person without a session is asked to sign in.
 */
export function PatientArea({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<PatientSessionInfo | null | undefined>(undefined);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    let live = true;
    patientApi<PatientSessionInfo>('/session')
      .then((info) => {
        if (!live) return;
        setPatientCsrfToken(info.csrfToken);
        setSession(info);
      })
      .catch((error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) setSession(null);
        else setFailure(error instanceof ApiError ? error : new ApiError(0, 'Something went wrong'));
      });
    return () => {
      live = false;
    };
  }, []);

  async function signOut() {
    setSigningOut(true);
    try {
      await patientApi('/session', { method: 'DELETE' });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    } finally {
      setPatientCsrfToken(undefined);
      setSigningOut(false);
    }
    void navigate('/', { state: { signedOut: true } });
  }

  if (failure) return <ProblemMessage error={failure} />;
  if (session === undefined) return <Loading what="your session" />;
  if (session === null) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Sign in to see your care record</h1>
          <p>You are not signed in, or you were signed out after 30 minutes without activity.</p>
          <a className="nhsuk-button" href={PATIENT_SIGN_IN} draggable={false}>
            Sign in with NHS login
          </a>
        </div>
      </div>
    );
  }
  return (
    <PatientContext.Provider value={session.person}>
      <div className="footprint-patient-bar" data-testid="patient-bar">
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
          Signed in as <strong>{session.person.name}</strong> (NHS number {formatNhsNumber(session.person.nhsNumber)})
        </p>
        <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2" type="button" onClick={() => void signOut()} disabled={signingOut}>
          Sign out
        </button>
      </div>
      <nav className="nhsuk-contents-list" aria-label="Your care record pages">
        <ol className="nhsuk-contents-list__list">
          {PAGES.map((page) =>
            location.pathname === page.path ? (
              <li className="nhsuk-contents-list__item" aria-current="page" key={page.path}>
                <span className="nhsuk-contents-list__current">{page.label}</span>
              </li>
            ) : (
              <li className="nhsuk-contents-list__item" key={page.path}>
                <Link className="nhsuk-contents-list__link" to={page.path}>
                  {page.label}
                </Link>
              </li>
            ),
          )}
        </ol>
      </nav>
      {children}
    </PatientContext.Provider>
  );
}
