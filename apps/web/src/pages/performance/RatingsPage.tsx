import type { MaturityConfiguration, RatingsOverview } from '@footprint/performance';
import { useApi } from '../../api/useApi';
import { formatDate } from '../../components/format';
import { Load } from '../../components/Status';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { PerformanceNav } from './PerformanceNav';
import { ComputedRating, RatingExplanation } from './RatingExplanation';
import { MaturityForm, PublishedRatingForm } from './RatingForms';
import { RatingLeagueTable } from './RatingLeagueTable';
import { PublishedRatings } from './RatingPublished';

function EngineSource({ overview, id }: { overview: RatingsOverview; id: string }) {
  const engine = overview.engines.find((e) => e.id === id);
  return engine ? <p className="nhsuk-body-s">Method: {engine.source}</p> : null;
}

/**
 * Progress ratings: the ratings NHS England published (stored with their sources, never
 * recomputed), and beside them, labelled computed, what each of Footprint's three engines makes of
 * the latest indicator values and self-assessment, explained domain by domain and indicator by
 * indicator; the oversight league table; the ICS maturity self-assessment.
 */
export function RatingsPage() {
  usePageTitle('Progress ratings');
  const { can } = useSession();
  const overview = useApi<RatingsOverview>('/performance/ratings');
  return (
    <div className="footprint-ratings">
      <PerformanceNav />
      <h1>Progress ratings</h1>
      <Load state={overview} what="the progress ratings">
        {(data) => {
          const { stp, oversight, maturity } = data.computed;
          const maturityConfiguration = data.engines.find((e) => e.id === 'ics-maturity')?.configuration as MaturityConfiguration;
          return (
            <>
              <p className="nhsuk-lede-text">How {data.footprint.name}’s progress has been rated. Published ratings are shown as they were published, with their sources; Footprint’s own computations sit beside them, labelled computed, and never replace them.</p>

              <h2 id="published">Published ratings</h2>
              <PublishedRatings ratings={data.published.footprint} schemes={data.schemes} caption={`Published ratings of ${data.footprint.name}`} testId="published-footprint" emptyText={`No published rating of ${data.footprint.name} is recorded.`} />
              <PublishedRatings ratings={data.published.england} schemes={data.schemes} caption="Published ratings recorded for footprints in England" testId="published-england" emptyText="No published rating is recorded." />

              <h2 id="stp">STP progress dashboard (2017), computed</h2>
              <EngineSource overview={data} id="stp-progress-dashboard" />
              <ComputedRating result={stp} testId="stp-rating" />
              <RatingExplanation result={stp} itemHeader="Indicator" testId="stp" />

              <h2 id="oversight">Oversight segmentation, computed</h2>
              <EngineSource overview={data} id="nhs-oversight-framework" />
              {oversight.result ? (
                <>
                  <ComputedRating result={oversight.result} testId="oversight-rating" />
                  <RatingExplanation result={oversight.result} itemHeader="Metric" domainHeader="Part" testId="oversight" />
                </>
              ) : (
                <p data-testid="oversight-reason">{oversight.reason}</p>
              )}
              {oversight.comparing && <RatingLeagueTable rows={oversight.leagueTable} comparing={oversight.comparing} highlight={data.footprint.code} />}

              <h2 id="maturity">ICS maturity self-assessment</h2>
              <EngineSource overview={data} id="ics-maturity" />
              {maturity.result && maturity.assessment ? (
                <>
                  <p>
                    Assessed {formatDate(maturity.assessment.assessedOn)}; {maturity.history.length} assessment{maturity.history.length === 1 ? '' : 's'} recorded.
                  </p>
                  <ComputedRating result={maturity.result} testId="maturity-rating" />
                  <RatingExplanation result={maturity.result} itemHeader="Criterion" domainHeader="Test" testId="maturity" />
                </>
              ) : (
                <p data-testid="maturity-none">No self-assessment is recorded yet.</p>
              )}

              {can('performance-edit') && (
                <>
                  <h2>Record</h2>
                  <PublishedRatingForm overview={data} onSaved={overview.refresh} />
                  {maturityConfiguration && <MaturityForm configuration={maturityConfiguration} current={maturity.assessment?.answers ?? {}} onSaved={overview.refresh} />}
                </>
              )}
            </>
          );
        }}
      </Load>
    </div>
  );
}
