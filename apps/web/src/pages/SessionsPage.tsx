import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { SessionSummary } from '../api/types';
import { useApi } from '../api/useApi';
import { ErrorSummary } from '../components/ErrorSummary';
import { formatDateTime } from '../components/format';
import { Load } from '../components/Status';
import { usePageTitle } from '../components/usePageTitle';

/** A short, readable name for a browser from its User-Agent ("Chrome on Linux"), or the raw text when it is unfamiliar. */
export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : undefined;
  const system = /Windows/.test(userAgent) ? 'Windows' : /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : undefined;
  if (!browser) return userAgent.slice(0, 80);
  return system ? `${browser} on ${system}` : browser;
}

/**
 * Your sessions: every browser where you are signed in, with where and when it was last used, so
 * you can sign out one you do not recognise, or all but this one.
 */
export function SessionsPage() {
  usePageTitle('Your sessions');
  const state = useApi<{ sessions: SessionSummary[] }>('/sessions');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function end(path: string, done: string) {
    setBusy(true);
    setProblem(null);
    try {
      await api(path, { method: 'DELETE' });
      setNotice(done);
      state.reload();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Your sessions</h1>
      <p>These are the browsers where you are signed in to Footprint. A session ends after 30 minutes without use, or 8 hours after signing in. If you do not recognise one, sign it out and change your password.</p>
      <ErrorSummary id="sessions-problem" errors={[]} problem={problem} />
      {notice && (
        <div className="nhsuk-inset-text" role="status">
          <p>{notice}</p>
        </div>
      )}
      <Load state={state} what="your sessions">
        {({ sessions }) => {
          const others = sessions.filter((s) => !s.current);
          return (
            <>
              <table className="nhsuk-table" data-testid="sessions">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Your sessions</caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    <th scope="col">Browser</th>
                    <th scope="col">Address</th>
                    <th scope="col">Signed in</th>
                    <th scope="col">Last active</th>
                    <th scope="col">
                      <span className="nhsuk-u-visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {sessions.map((s) => (
                    <tr key={s.id} className="nhsuk-table__row">
                      <td className="nhsuk-table__cell" title={s.userAgent ?? undefined}>
                        {describeBrowser(s.userAgent)}
                        {s.current && (
                          <>
                            {' '}
                            <strong className="nhsuk-tag nhsuk-tag--green">This session</strong>
                          </>
                        )}
                      </td>
                      <td className="nhsuk-table__cell">{s.address ?? 'Unknown'}</td>
                      <td className="nhsuk-table__cell">{formatDateTime(s.signedInAt)}</td>
                      <td className="nhsuk-table__cell">{formatDateTime(s.lastActiveAt)}</td>
                      <td className="nhsuk-table__cell">
                        {!s.current && (
                          <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="button" disabled={busy} onClick={() => void end(`/sessions/${encodeURIComponent(s.id)}`, 'That session has been signed out.')}>
                            Sign out<span className="nhsuk-u-visually-hidden"> {describeBrowser(s.userAgent)}, last active {formatDateTime(s.lastActiveAt)}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {others.length > 0 ? (
                <button className="nhsuk-button nhsuk-button--warning" type="button" disabled={busy} onClick={() => void end('/sessions', 'Your other sessions have been signed out.')}>
                  Sign out all other sessions
                </button>
              ) : (
                <p>You are not signed in anywhere else.</p>
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}
