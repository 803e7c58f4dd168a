import { useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../components/usePageTitle';
import { PATIENT_SIGN_IN } from './PatientArea';

const REASONS: Record<string, { title: string; body: string[] }> = {
  'no-match': {
    title: 'We could not find your care record',
    body: [
      'You signed in, but the NHS number and date of birth your NHS login holds do not match a record held by the partners of this footprint.',
      'Nothing has been created or changed. If you think your details are wrong, contact your GP practice.',
    ],
  },
  'not-verified': {
    title: 'Your identity needs to be confirmed first',
    body: ['To see your care record, your NHS login must be fully verified (proving who you are with photo ID). You can do this in the NHS App.'],
  },
  cancelled: { title: 'You cancelled signing in', body: ['You are not signed in. You can start again whenever you like.'] },
  expired: { title: 'Your sign-in timed out', body: ['Signing in took too long or was started in another window. Start again.'] },
  failed: { title: 'Signing in did not work', body: ['The answer from NHS login could not be checked, so you are not signed in. Try again in a moment.'] },
  unavailable: { title: 'Signing in is not available', body: ['This Footprint is not set up for people to sign in and see their own record.'] },
};

/** Explains why a citizen's sign-in was refused or did not complete; it never shows the details from the identity provider. */
export function SignInProblemPage() {
  const [params] = useSearchParams();
  const reason = REASONS[params.get('reason') ?? ''] ?? REASONS.failed;
  usePageTitle(reason.title);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 data-testid="sign-in-problem-title">{reason.title}</h1>
        {reason.body.map((text) => (
          <p key={text}>{text}</p>
        ))}
        {params.get('reason') !== 'unavailable' && (
          <a className="nhsuk-button nhsuk-button--secondary" href={PATIENT_SIGN_IN} draggable={false}>
            Try signing in again
          </a>
        )}
      </div>
    </div>
  );
}
