import { useParams } from 'react-router-dom';
import type { RiskRegisterAnswer } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { PartnershipNav } from '../PartnershipNav';
import { planPath } from './PlanTags';
import { RiskTable } from './RiskTable';

/** The plan's risk register: every risk (the whole plan's and each programme's), highest score first, with the bands explained. */
export function RiskRegisterPage() {
  usePageTitle('Risk register');
  const { planId = '' } = useParams();
  const answer = useApi<RiskRegisterAnswer>(`/partnership/plans/${encodeURIComponent(planId)}/risks`);
  return (
    <>
      <PartnershipNav />
      <Load state={answer} what="the risk register">
        {({ plan, risks }) => (
          <>
            <Breadcrumbs trail={[{ label: 'The plan', to: planPath(plan.id) }]} />
            <h1>
              <span className="nhsuk-caption-l">{plan.data.version}</span>
              Risk register
            </h1>
            <p>
              Each risk is scored likelihood × impact, each from 1 to 5: 1 to 3 is low, 4 to 6 moderate, 8 to 12 high and 15 to 25 extreme.
            </p>
            <RiskTable risks={risks} caption="Every risk to the plan, highest score first" planId={plan.id} />
            <p>
              <a href={`/api/partnership/plans/${encodeURIComponent(plan.id)}/risks.csv`} download>
                Download the risk register (CSV)
              </a>
            </p>
          </>
        )}
      </Load>
    </>
  );
}
