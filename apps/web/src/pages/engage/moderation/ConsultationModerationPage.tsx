import { useParams } from 'react-router-dom';
import type { ModerationItem } from '@footprint/engage';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import type { ModerationWords } from './HighlightedText';
import { ModerationItemCard } from './ModerationItemCard';

/** A consultation's free-text answers to moderate, waiting ones first. */
export function ConsultationModerationPage() {
  const { id = '' } = useParams();
  const answer = useApi<{ consultationId: string; title: string; items: ModerationItem[]; words: ModerationWords }>(`/engage/consultations/${encodeURIComponent(id)}/moderation`);
  usePageTitle(answer.status === 'ready' ? `Moderate: ${answer.data.title}` : 'Moderate');
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Moderation', to: '/engage/moderation' }]} />
      <Load state={answer} what="the answers to moderate">
        {({ title, items, words }) => (
          <>
            <h1>
              <span className="nhsuk-caption-l">Moderate</span>
              {title}
            </h1>
            <p>
              {items.filter((i) => i.status === 'pending').length} of {items.length} answers are waiting. Highlighted words are what Footprint flags as personal data: redact them, or anything else that identifies someone or is offensive, then approve or reject the answer.
            </p>
            {items.map((item) => (
              <ModerationItemCard key={item.id} item={item} words={words} />
            ))}
          </>
        )}
      </Load>
    </>
  );
}
