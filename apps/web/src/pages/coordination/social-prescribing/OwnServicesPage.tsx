import { Link } from 'react-router-dom';
import type { DirectoryService } from '@footprint/server';
import { useApi } from '../../../api/useApi';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { ServiceCard } from './ServiceCard';

/** A voluntary organisation's own entries of the directory, which only it keeps up to date. */
export function OwnServicesPage() {
  usePageTitle('Your organisation’s services');
  const own = useApi<{ services: DirectoryService[] }>('/coordination/directory/own');
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Community services directory</span>
        Your organisation’s services
      </h1>
      <p>Link workers and care teams across the partnership find these when they look for support for someone. Keep what you offer, where and when up to date here.</p>
      <p>
        <Link className="nhsuk-button" to="/coordination/directory/services/new">
          List a new service
        </Link>
      </p>
      <Load state={own} what="your services">
        {(d) =>
          d.services.length === 0 ? (
            <p>Your organisation has no services in the directory yet.</p>
          ) : (
            d.services.map((s) => (
              <ServiceCard key={s.id} service={s}>
                <Link to={`/coordination/directory/services/${encodeURIComponent(s.id)}/edit`}>Change {s.name}</Link>
              </ServiceCard>
            ))
          )
        }
      </Load>
      <p>
        <Link to="/coordination/directory">Search the whole directory</Link>
      </p>
    </>
  );
}
