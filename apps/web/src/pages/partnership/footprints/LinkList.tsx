import { Link } from 'react-router-dom';
import type { FootprintLinkView } from '@footprint/partnership';
import { formatDate } from '../../../components/format';

const CHANGE: Record<FootprintLinkView['change'], string> = { merger: 'merger', recode: 'new code', split: 'split', 'boundary-change': 'boundary change' };

/** Predecessors or successors, each linked to its own history page, with what happened and when. */
export function LinkList({ links, none = 'None' }: { links: FootprintLinkView[]; none?: string }) {
  if (links.length === 0) return <>{none}</>;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {links.map((l) => (
        <li key={`${l.code}-${l.date}`}>
          <Link to={`/partnership/footprints/${l.code}?on=${l.date}`}>{l.code}</Link> {l.name} ({CHANGE[l.change]}, {formatDate(l.date)})
        </li>
      ))}
    </ul>
  );
}

export function linksText(links: FootprintLinkView[]): string {
  return links.map((l) => `${l.code} (${CHANGE[l.change]}, ${l.date})`).join('; ');
}
