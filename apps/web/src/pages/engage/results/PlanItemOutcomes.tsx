import type { Outcome, PlanItemKind } from '@footprint/engage';
import { useApi } from '../../../api/useApi';
import { OutcomesList } from '../../public/results/ResultsPage';

/** "We asked, you said, we did" for one plan item, for the staff plan pages: the outcomes of published consultations that changed it. */
export function PlanItemOutcomes({ kind, id }: { kind: PlanItemKind; id: string }) {
  const answer = useApi<{ outcomes: Outcome[] }>(`/engage/outcomes?kind=${kind}&id=${encodeURIComponent(id)}`);
  if (answer.status !== 'ready' || answer.data.outcomes.length === 0) return null;
  const byConsultation = [...new Set(answer.data.outcomes.map((o) => o.consultationId))];
  return (
    <section aria-labelledby="we-asked-heading" data-testid="plan-item-outcomes">
      <h2 id="we-asked-heading">We asked, you said, we did</h2>
      {byConsultation.map((consultationId) => {
        const outcomes = answer.data.outcomes.filter((o) => o.consultationId === consultationId);
        return (
          <div key={consultationId}>
            <h3>
              <a href={`/public/consultations/${encodeURIComponent(consultationId)}/results`}>{outcomes[0]!.consultationTitle}</a>
            </h3>
            <OutcomesList outcomes={outcomes} level={4} />
          </div>
        );
      })}
    </section>
  );
}
