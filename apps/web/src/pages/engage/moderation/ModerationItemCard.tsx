import { useRef, useState } from 'react';
import type { ModerationItem, RedactionReason } from '@footprint/engage';
import { api, ApiError } from '../../../api/client';
import { formatDateTime } from '../../../components/format';
import { HighlightedText, selectedSpan, type ModerationWords } from './HighlightedText';

const REASONS: RedactionReason[] = ['personal-data', 'offensive', 'staff', 'other'];

/**
 * One free-text answer to moderate: the text with flags highlighted, a one-click redaction for
 * each flag, redaction of a selected (or typed) span with a reason, approve or reject with a
 * reason, and the item's audit. Decided items are read-only.
 */
export function ModerationItemCard({ item: initial, words }: { item: ModerationItem; words: ModerationWords }) {
  const [item, setItem] = useState(initial);
  const [reason, setReason] = useState<RedactionReason>('personal-data');
  const [typed, setTyped] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pending = item.status === 'pending';
  const base = `/engage/moderation/items/${item.id}`;

  async function act(path: string, body?: unknown) {
    setProblem(null);
    try {
      setItem(await api<ModerationItem>(`${base}/${path}`, { method: 'POST', ...(body === undefined ? {} : { body }) }));
      return true;
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
      return false;
    }
  }

  function redactSelection() {
    const fromSelection = selectedSpan(textRef.current);
    const at = typed ? item.text.indexOf(typed) : -1;
    const span = fromSelection ?? (at >= 0 ? { start: at, end: at + typed.length } : null);
    if (!span) return setProblem(typed ? 'Those words are not in the answer: copy them exactly.' : 'Select words in the answer, or type them, to redact them.');
    void act('redactions', { ...span, reason }).then((ok) => ok && setTyped(''));
  }

  const unredacted = item.flags.filter((f) => !item.redactions.some((r) => r.start < f.end && f.start < r.end));
  const id = `item-${item.id}`;
  return (
    <section className="nhsuk-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s" id={`${id}-title`}>
          <span className="nhsuk-caption-m">
            Response {item.responsePublicId} · {item.status === 'pending' ? 'Waiting' : item.status === 'approved' ? 'Approved' : 'Rejected'}
          </span>
          {item.questionTitle}
        </h2>
        <div ref={textRef}>
          <HighlightedText item={item} words={words} />
        </div>
        {problem && (
          <div className="nhsuk-error-summary" role="alert">
            <h3 className="nhsuk-error-summary__title">That did not work</h3>
            <div className="nhsuk-error-summary__body">
              <p>{problem}</p>
            </div>
          </div>
        )}
        {pending && (
          <>
            {unredacted.length > 0 && (
              <>
                <h3 className="nhsuk-heading-xs">Flagged by Footprint</h3>
                <ul className="nhsuk-list">
                  {unredacted.map((f) => (
                    <li key={f.start}>
                      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2" onClick={() => void act('redactions', { start: f.start, end: f.end, reason: 'personal-data', kind: f.kind })}>
                        Redact the {words.kinds[f.kind]} “{f.text}”
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${id}-typed`}>
                Words to redact
              </label>
              <div className="nhsuk-hint" id={`${id}-typed-hint`}>
                Select them in the answer above, or type them exactly
              </div>
              <input className="nhsuk-input nhsuk-u-width-two-thirds" id={`${id}-typed`} aria-describedby={`${id}-typed-hint`} value={typed} onChange={(e) => setTyped(e.target.value)} />
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${id}-reason`}>
                Reason
              </label>
              <select className="nhsuk-select" id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as RedactionReason)}>
                {REASONS.map((r) => (
                  <option key={r} value={r}>
                    {words.reasons[r][0]!.toUpperCase() + words.reasons[r].slice(1)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onMouseDown={(e) => e.preventDefault()} onClick={redactSelection}>
              Redact
            </button>
            <h3 className="nhsuk-heading-xs">As it will be published</h3>
            <p className="nhsuk-body fp-moderation-preview" data-testid={`${id}-published`}>
              {item.publishedText}
            </p>
            <div className="nhsuk-button-group">
              <button type="button" className="nhsuk-button" onClick={() => void act('approve')}>
                Approve for publication
              </button>
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${id}-reject`}>
                Or reject it: why?
              </label>
              <input className="nhsuk-input nhsuk-u-width-two-thirds" id={`${id}-reject`} value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} />
            </div>
            <button type="button" className="nhsuk-button nhsuk-button--warning" onClick={() => void act('reject', { reason: rejectReason })}>
              Reject
            </button>
          </>
        )}
        {!pending && (
          <p>
            {item.status === 'approved' ? 'Published as: ' : `Not published: ${item.rejectReason ?? ''}`}
            {item.status === 'approved' && <q>{item.publishedText}</q>}
          </p>
        )}
        {item.history.length > 0 && (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">History ({item.history.length})</span>
            </summary>
            <div className="nhsuk-details__text">
              <ol className="nhsuk-list">
                {item.history.map((h, i) => (
                  <li key={i}>
                    {formatDateTime(h.at)}, {h.by}:{' '}
                    {h.action === 'redacted' ? `redacted characters ${h.start}–${h.end} (${words.reasons[h.reason!]}${h.kind ? `, flagged as ${words.kinds[h.kind]}` : ''})` : h.action === 'approved' ? 'approved' : `rejected: ${h.note ?? ''}`}
                  </li>
                ))}
              </ol>
            </div>
          </details>
        )}
      </div>
    </section>
  );
}
