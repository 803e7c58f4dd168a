import { Link } from 'react-router-dom';
import type { FootprintDetail, FootprintStatus } from '@footprint/partnership';
import type { PartnershipFootprintAnswer } from '@footprint/server';
import { useApi } from '../../api/useApi';
import { formatDate } from '../../components/format';
import { LinkCards } from '../../components/LinkCards';
import { Load } from '../../components/Status';
import { SummaryList } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import { PARTNERSHIP_PAGES, PartnershipNav } from './PartnershipNav';
import { PlacesSection } from './map/PlacesSection';
import { AlliancesSection, MembersSection } from './map/MembersSection';

const STATUS_NAMES: Record<FootprintStatus, string> = {
  STP: 'Sustainability and Transformation Partnership',
  ICS: 'Integrated Care System',
  ICB: 'Integrated Care Board',
};

/**
 * The partnership at a glance (/partnership): who the footprint is today (from the register), its
 * places and delivery systems on a map and in a table, its member organisations by kind, its
 * alliances and integrated care partnerships, and the way to the partnership's other pages.
 */
export function PartnershipPage() {
  usePageTitle('The partnership');
  const running = useApi<PartnershipFootprintAnswer>('/partnership/footprint');
  // Without ?on= the register answers for today in England, and says which day that is.
  const detail = useApi<FootprintDetail>(running.status === 'ready' ? `/public/register/footprints/${encodeURIComponent(running.data.onsCode)}` : null);
  return (
    <>
      <h1>{detail.status === 'ready' ? detail.data.name : 'The partnership'}</h1>
      <PartnershipNav />
      <Load state={running} what="the partnership">
        {(footprint) => (
          <Load state={detail} what="the register">
            {(data) => (
              <>
                <p className="nhsuk-lede-text">
                  {data.places.length} places, {data.deliverySystems.length} local delivery systems and {data.members.length} member organisations on {formatDate(data.on)}.
                </p>
                <SummaryList
                  testId="partnership-identity"
                  rows={[
                    ['Name', data.name],
                    ['ONS code', data.code],
                    ['ODS code', data.odsCode ?? 'None'],
                    ['Status', `${STATUS_NAMES[data.status]} (${data.status})${data.statusSince ? ` since ${formatDate(data.statusSince)}` : ''}${data.designation ? `, designated ${data.designation}` : ''}`],
                    ['Partnership body', footprint.name],
                  ]}
                />
                <p>
                  <Link to={`/partnership/footprints/${encodeURIComponent(data.code)}`}>The footprint’s history: names, statuses and predecessors</Link>
                </p>
                <PlacesSection detail={data} />
                <MembersSection members={data.members} organisationIds={footprint.organisationIds} />
                <AlliancesSection alliances={data.alliances} organisationIds={footprint.organisationIds} />
              </>
            )}
          </Load>
        )}
      </Load>
      <h2>The partnership’s pages</h2>
      <LinkCards pages={PARTNERSHIP_PAGES} heading="h3" size="s" testId="partnership-pages" />
    </>
  );
}
