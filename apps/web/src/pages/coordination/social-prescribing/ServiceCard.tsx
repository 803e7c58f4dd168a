import type { ReactNode } from 'react';
import type { DirectoryService } from '@footprint/server';

const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** When a service is open, in words: "Tue, Thu 10:00–12:00; Sat 09:30–11:00". */
export const openingsText = (s: Pick<DirectoryService, 'openings'>) => s.openings.map((o) => `${o.days.map((d) => DAY_NAMES[d] ?? d).join(', ')} ${o.opens}–${o.closes}`).join('; ');

/** One service of the directory as a card: what it is, who runs it, where and when, and what it is for. */
export function ServiceCard({ service, children }: { service: DirectoryService; children?: ReactNode }) {
  return (
    <div className="nhsuk-card" data-testid="directory-service">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">{service.name}</h3>
        <p className="nhsuk-body-s">
          {service.organisation.name}
          {!service.active && <strong className="nhsuk-tag nhsuk-tag--grey nhsuk-u-margin-left-2">Not taking referrals</strong>}
        </p>
        <p className="nhsuk-card__description">{service.description}</p>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">For</dt>
            <dd className="nhsuk-summary-list__value">{service.needs.map((n) => n.label).join(', ')}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Where</dt>
            <dd className="nhsuk-summary-list__value">
              {service.venue.name}, {service.venue.line}, {service.venue.town} {service.venue.postcode} ({service.place})
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Open</dt>
            <dd className="nhsuk-summary-list__value">{openingsText(service)}</dd>
          </div>
          {service.eligibility && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Who it is for</dt>
              <dd className="nhsuk-summary-list__value">{service.eligibility}</dd>
            </div>
          )}
          {(service.phone || service.email) && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Contact</dt>
              <dd className="nhsuk-summary-list__value">{[service.phone, service.email].filter(Boolean).join(' · ')}</dd>
            </div>
          )}
        </dl>
        {children}
      </div>
    </div>
  );
}
