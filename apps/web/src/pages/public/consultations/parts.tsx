import type { ReactNode } from 'react';
import type { ContentSection } from '@footprint/engage';

/** Who a consultation is for, as the public reads it: its places by name and its groups; everyone when neither. */
export interface AudienceWords {
  places: string[];
  groups: string[];
}

/** Plain text split into paragraphs at blank lines; every character rendered as text. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i} className="fp-consultation__paragraph">
            {p}
          </p>
        ))}
    </>
  );
}

/** Background or easy-read sections, each a heading and its paragraphs. */
export function Sections({ sections, level = 2 }: { sections: ContentSection[]; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      {sections.map((s, i) => (
        <section key={i}>
          <Heading>{s.heading}</Heading>
          <Paragraphs text={s.body} />
        </section>
      ))}
    </>
  );
}

/** A UK date in words (`12 March 2027`). */
export const inWords = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T12:00:00Z`));

/** "For everyone", or the places and groups in words. */
export function audienceText(a: AudienceWords): string {
  const parts = [...a.places, ...a.groups];
  return parts.length ? parts.join(', ') : 'Everyone';
}

const STATE_TAG: Record<string, [string, string]> = {
  open: ['Open', 'nhsuk-tag--green'],
  upcoming: ['Opens soon', 'nhsuk-tag--blue'],
  closed: ['Closed', 'nhsuk-tag--grey'],
  draft: ['Draft', 'nhsuk-tag--white'],
};

/** The consultation's state as an NHS.UK tag, in words. */
export function StateTag({ state }: { state: string }) {
  const [label, modifier] = STATE_TAG[state] ?? [state, ''];
  return <strong className={`nhsuk-tag ${modifier}`}>{label}</strong>;
}

/** One row of an NHS.UK summary list: a fact about a consultation and its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}
