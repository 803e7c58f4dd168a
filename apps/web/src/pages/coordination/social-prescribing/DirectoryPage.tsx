import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { DirectoryOptions, DirectoryService } from '@footprint/server';
import { useApi } from '../../../api/useApi';
import { Load } from '../../../components/Status';
import { Select } from '../../../components/Select';
import { TextInput } from '../../../components/TextInput';
import { usePageTitle } from '../../../components/usePageTitle';
import { useSession } from '../../../session/SessionContext';
import { ServiceCard } from './ServiceCard';

const FIELDS = ['need', 'place', 'day', 'at', 'text'] as const;

/**
 * The directory of voluntary, community and social enterprise services (docs/coordination.md §5),
 * searched by need, place, and a day and time it is open. Opened from a person's record
 * (`?patientId=`), each service offers a referral for them.
 */
export function DirectoryPage() {
  usePageTitle('Community services directory');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const patientId = params.get('patientId') ?? '';
  const [form, setForm] = useState<Record<(typeof FIELDS)[number], string>>(() => Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FIELDS)[number], string>);
  const query = new URLSearchParams(FIELDS.filter((f) => params.get(f)).map((f) => [f, params.get(f)!])).toString();
  const options = useApi<DirectoryOptions>('/coordination/directory/options');
  const results = useApi<{ services: DirectoryService[] }>(`/coordination/directory/services${query ? `?${query}` : ''}`);
  const set = (field: (typeof FIELDS)[number]) => (v: string) => setForm((f) => ({ ...f, [field]: v }));
  const search = (e: React.FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(FIELDS.filter((f) => form[f].trim()).map((f) => [f, form[f].trim()]));
    if (patientId) next.set('patientId', patientId);
    setParams(next);
  };
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Social prescribing</span>
        Community services directory
      </h1>
      <p className="nhsuk-lede-text">Groups and services run by voluntary, community and social enterprise organisations, kept up to date by the organisations themselves.</p>
      {user?.role === 'voluntary_worker' && (
        <p>
          <Link to="/coordination/directory/own">Your organisation’s services</Link>
        </p>
      )}
      {patientId && <div className="nhsuk-inset-text">Choose a service to refer the person to. You will be asked to record their agreement before anything is sent.</div>}
      <Load state={options} what="the directory’s needs and places">
        {(o) => (
          <form onSubmit={search} noValidate data-testid="directory-search">
            <Select id="need" label="What the person needs" value={form.need} onChange={set('need')} options={[{ value: '', label: 'Any need' }, ...o.needs.map((n) => ({ value: n.code, label: n.label }))]} />
            <Select id="place" label="Place" value={form.place} onChange={set('place')} options={[{ value: '', label: 'Anywhere in the partnership' }, ...o.places.map((p) => ({ value: p, label: p }))]} />
            <Select id="day" label="Open on" value={form.day} onChange={set('day')} options={[{ value: '', label: 'Any day' }, ...o.days.map((d) => ({ value: d.code, label: d.label }))]} />
            <TextInput id="at" label="Open at (optional)" hint="A time, such as 18:00" type="time" value={form.at} onChange={set('at')} width="nhsuk-input--width-5" />
            <TextInput id="text" label="Words in the name or description (optional)" value={form.text} onChange={set('text')} />
            <button className="nhsuk-button" type="submit">
              Search
            </button>
          </form>
        )}
      </Load>
      <Load state={results} what="the services">
        {(r) => (
          <section data-testid="directory-results" aria-live="polite">
            <h2>{r.services.length === 1 ? '1 service' : `${r.services.length} services`}</h2>
            {r.services.length === 0 && <p>No service matches. Try another need, place or time.</p>}
            {r.services.map((s) => (
              <ServiceCard key={s.id} service={s}>
                {patientId && (
                  <Link className="nhsuk-button nhsuk-u-margin-bottom-0" to={`/coordination/social-prescribing/refer/${encodeURIComponent(s.id)}?patientId=${encodeURIComponent(patientId)}`}>
                    Refer to {s.name}
                  </Link>
                )}
              </ServiceCard>
            ))}
          </section>
        )}
      </Load>
      {patientId && (
        <p>
          <Link to={`/care-record/patients/${encodeURIComponent(patientId)}`}>Back to the record</Link>
        </p>
      )}
    </>
  );
}
