import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ConsultationResults, QuestionSummary } from '@footprint/engage';
import { api, ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { ResultsPage } from '../../public/results/ResultsPage';
import { OutcomesEditor } from './OutcomesEditor';

type Preview = ConsultationResults & { summaries: QuestionSummary[] };

/** Staff preview of a consultation's results: publish or withdraw them, write the themes not covered, and record "we asked, you said, we did". */
export function ConsultationResultsPage() {
  const { id = '' } = useParams();
  const path = `/engage/consultations/${encodeURIComponent(id)}/results`;
  const preview = useApi<Preview>(path);
  const [themes, setThemes] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  usePageTitle(preview.status === 'ready' ? `Results: ${preview.data.consultation.title}` : 'Results');

  async function run(method: 'POST' | 'DELETE' | 'PUT', url: string, body: unknown, done: string) {
    setMessage(null);
    try {
      await api(url, { method, ...(body === undefined ? {} : { body }) });
      setMessage({ ok: true, text: done });
      preview.refresh();
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    }
  }

  return (
    <Load state={preview} what="the results">
      {(results) => {
        const c = results.consultation;
        const publicPath = `/public/consultations/${encodeURIComponent(c.id)}/results`;
        return (
          <>
            <h1>
              <span className="nhsuk-caption-l">Results</span>
              {c.title}
            </h1>
            <div className={results.publishedAt ? 'nhsuk-inset-text' : 'nhsuk-warning-callout'}>
              <h2 className={results.publishedAt ? 'nhsuk-heading-s' : 'nhsuk-warning-callout__label'}>{results.publishedAt ? 'Published' : 'Not published'}</h2>
              <p data-testid="publication-status">
                {results.publishedAt ? (
                  <>
                    Published on {new Date(results.publishedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}. <a href={publicPath}>See the public results page</a>.
                  </>
                ) : (
                  'The public cannot see these results yet. Publish them once the consultation has closed and its comments are moderated.'
                )}
              </p>
              <p>
                Free text: {results.moderation.pending} waiting, {results.moderation.approved} approved, {results.moderation.rejected} rejected. <Link to={`/engage/consultations/${encodeURIComponent(c.id)}/moderation`}>Moderate</Link>
              </p>
              {results.publishedAt ? (
                <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void run('DELETE', `${path}/publication`, undefined, 'The results are withdrawn.')}>
                  Withdraw the results
                </button>
              ) : (
                <button type="button" className="nhsuk-button" onClick={() => void run('POST', `${path}/publication`, undefined, 'The results are published.')}>
                  Publish the results
                </button>
              )}
            </div>
            {message && (
              <div className={message.ok ? 'nhsuk-inset-text' : 'nhsuk-error-summary'} role={message.ok ? 'status' : 'alert'}>
                <p>{message.text}</p>
              </div>
            )}
            <h2>Themes the questions did not cover</h2>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="themes">
                What people raised that no question asked about
              </label>
              <div className="nhsuk-hint" id="themes-hint">
                Plain text; leave a blank line between paragraphs. It appears on the results page and in the report.
              </div>
              <textarea className="nhsuk-textarea" id="themes" rows={5} aria-describedby="themes-hint" value={themes ?? results.themesNotCovered} onChange={(e) => setThemes(e.target.value)} />
            </div>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void run('PUT', `${path}/themes`, { themesNotCovered: themes ?? results.themesNotCovered }, 'Themes saved.')}>
              Save themes
            </button>
            <h2>We asked, you said, we did</h2>
            <OutcomesEditor consultationId={c.id} outcomes={results.outcomes} onSaved={preview.refresh} />
            <h2>Preview</h2>
            <p>What the public will see (the same numbers, after suppression and moderation):</p>
            <div className="fp-results-preview nhsuk-u-padding-3" data-testid="results-preview">
              <ResultsPage results={results} summaries={results.summaries} embedded />
            </div>
          </>
        );
      }}
    </Load>
  );
}
