import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { DirectoryOptions, DirectoryService } from '@footprint/server';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useSubmit } from '../../../api/useSubmit';
import { Load, ProblemMessage } from '../../../components/Status';
import { TextInput } from '../../../components/TextInput';
import { usePageTitle } from '../../../components/usePageTitle';
import { Checkbox, TextArea } from '../../partnership/governance/form-fields';

interface Draft {
  name: string;
  description: string;
  needs: string[];
  venue: { name: string; line: string; town: string; postcode: string };
  place: string;
  openings: Array<{ days: string[]; opens: string; closes: string }>;
  phone: string;
  email: string;
  eligibility: string;
  active: boolean;
}

const EMPTY: Draft = { name: '', description: '', needs: [], venue: { name: '', line: '', town: '', postcode: '' }, place: '', openings: [{ days: [], opens: '', closes: '' }], phone: '', email: '', eligibility: '', active: true };
const draftOf = (s: DirectoryService): Draft => ({ ...EMPTY, ...s, needs: s.needs.map((n) => n.code), phone: s.phone ?? '', email: s.email ?? '', eligibility: s.eligibility ?? '' });

function Checkboxes({ legend, id, options, chosen, onChange }: { legend: string; id: string; options: Array<{ code: string; label: string }>; chosen: string[]; onChange(v: string[]): void }) {
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          {options.map((o) => (
            <div className="nhsuk-checkboxes__item" key={o.code}>
              <input className="nhsuk-checkboxes__input" id={`${id}-${o.code}`} type="checkbox" checked={chosen.includes(o.code)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code))} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${o.code}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function ServiceForm({ options, existing }: { options: DirectoryOptions; existing?: DirectoryService }) {
  const navigate = useNavigate();
  const [d, setD] = useState<Draft>(existing ? draftOf(existing) : EMPTY);
  const set = (part: Partial<Draft>) => setD((x) => ({ ...x, ...part }));
  const venue = (part: Partial<Draft['venue']>) => setD((x) => ({ ...x, venue: { ...x.venue, ...part } }));
  const opening = (i: number, part: Partial<Draft['openings'][number]>) => setD((x) => ({ ...x, openings: x.openings.map((o, j) => (j === i ? { ...o, ...part } : o)) }));
  const { submit, busy, problem } = useSubmit(async () => {
    const body = { ...d, ...(existing ? { version: existing.version } : {}) };
    await api(existing ? `/coordination/directory/services/${encodeURIComponent(existing.id)}` : '/coordination/directory/services', { method: existing ? 'PUT' : 'POST', body });
    void navigate('/coordination/directory/own');
  }, 'The service was not saved');
  return (
    <form onSubmit={submit} noValidate data-testid="service-form">
      {problem && <ProblemMessage error={problem} />}
      <TextInput id="service-name" label="Name of the service" value={d.name} onChange={(v) => set({ name: v })} />
      <TextArea id="service-description" label="What happens there" hint="In plain words, as you would tell someone on the phone." value={d.description} onChange={(v) => set({ description: v })} />
      <Checkboxes legend="What it helps with" id="need" options={options.needs} chosen={d.needs} onChange={(needs) => set({ needs })} />
      <h2>Where</h2>
      <TextInput id="venue-name" label="Venue" value={d.venue.name} onChange={(v) => venue({ name: v })} />
      <TextInput id="venue-line" label="Street" value={d.venue.line} onChange={(v) => venue({ line: v })} />
      <TextInput id="venue-town" label="Town" value={d.venue.town} onChange={(v) => venue({ town: v })} width="nhsuk-u-width-one-half" />
      <TextInput id="venue-postcode" label="Postcode" value={d.venue.postcode} onChange={(v) => venue({ postcode: v })} width="nhsuk-input--width-10" />
      <TextInput id="service-place" label="Place" hint="The borough or district of the partnership it is in, such as Halton" value={d.place} onChange={(v) => set({ place: v })} width="nhsuk-u-width-one-half" />
      <h2>When</h2>
      {d.openings.map((o, i) => (
        <div className="nhsuk-card nhsuk-u-margin-bottom-3" key={i}>
          <div className="nhsuk-card__content">
            <Checkboxes legend={`Opening ${i + 1}: days`} id={`opening-${i}-day`} options={options.days} chosen={o.days} onChange={(days) => opening(i, { days })} />
            <TextInput id={`opening-${i}-opens`} label={`Opening ${i + 1}: from`} type="time" value={o.opens} onChange={(v) => opening(i, { opens: v })} width="nhsuk-input--width-5" />
            <TextInput id={`opening-${i}-closes`} label={`Opening ${i + 1}: until`} type="time" value={o.closes} onChange={(v) => opening(i, { closes: v })} width="nhsuk-input--width-5" />
            {d.openings.length > 1 && (
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={() => set({ openings: d.openings.filter((_, j) => j !== i) })}>
                Remove opening {i + 1}
              </button>
            )}
          </div>
        </div>
      ))}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => set({ openings: [...d.openings, { days: [], opens: '', closes: '' }] })}>
        Add another opening time
      </button>
      <h2>Contact and who it is for</h2>
      <TextInput id="service-phone" label="Phone (optional)" type="tel" value={d.phone} onChange={(v) => set({ phone: v })} width="nhsuk-u-width-one-half" />
      <TextInput id="service-email" label="Email (optional)" type="email" value={d.email} onChange={(v) => set({ email: v })} />
      <TextArea id="service-eligibility" label="Who it is for, and how referrals work (optional)" value={d.eligibility} onChange={(v) => set({ eligibility: v })} />
      <Checkbox id="service-active" label="Taking referrals now" checked={d.active} onChange={(active) => set({ active })} />
      <button className="nhsuk-button" type="submit" disabled={busy}>
        {existing ? 'Save changes' : 'List the service'}
      </button>
    </form>
  );
}

/** List a new service in the directory, or change one of the organisation's own. */
export function ServiceFormPage() {
  const { id } = useParams();
  usePageTitle(id ? 'Change a service' : 'List a new service');
  const options = useApi<DirectoryOptions>('/coordination/directory/options');
  const existing = useApi<DirectoryService | null>(id ? `/coordination/directory/services/${encodeURIComponent(id)}` : null);
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Your organisation’s services</span>
        {id ? 'Change a service' : 'List a new service'}
      </h1>
      <Load state={options} what="the directory’s needs">
        {(o) => (id ? <Load state={existing} what="the service">{(s) => <ServiceForm options={o} existing={s ?? undefined} />}</Load> : <ServiceForm options={o} />)}
      </Load>
      <p>
        <Link to="/coordination/directory/own">Back to your services</Link>
      </p>
    </>
  );
}
