import type { ModerationItem, PersonalDataKind, RedactionReason } from '@footprint/engage';

/** The kinds and reasons in words, as the server gives them. */
export interface ModerationWords {
  kinds: Record<PersonalDataKind, string>;
  reasons: Record<RedactionReason, string>;
}

type Piece = { start: number; end: number; kind: 'plain' } | { start: number; end: number; kind: 'flag'; flag: ModerationItem['flags'][number] } | { start: number; end: number; kind: 'redacted'; reason: string };

/** The text cut into plain, flagged and redacted pieces; a redaction wins over a flag it overlaps. */
function pieces(item: ModerationItem, words: ModerationWords): Piece[] {
  const marks: Piece[] = [];
  const merged = [...item.redactions].sort((a, b) => a.start - b.start);
  for (const r of merged) {
    const last = marks[marks.length - 1];
    if (last && last.kind === 'redacted' && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else marks.push({ start: r.start, end: r.end, kind: 'redacted', reason: words.reasons[r.reason] });
  }
  for (const f of item.flags) if (!marks.some((m) => m.start < f.end && f.start < m.end)) marks.push({ start: f.start, end: f.end, kind: 'flag', flag: f });
  marks.sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) out.push({ start: at, end: m.start, kind: 'plain' });
    out.push(m);
    at = m.end;
  }
  if (at < item.text.length) out.push({ start: at, end: item.text.length, kind: 'plain' });
  return out;
}

/**
 * An answer with the detector's flags as marks, each with its kind spelled out ("NHS number"),
 * and redactions shown as the public will read them. Text pieces carry their offset in
 * `data-start`, so a selection maps back to a span of the original.
 */
export function HighlightedText({ item, words }: { item: ModerationItem; words: ModerationWords }) {
  return (
    <div className="fp-moderation-text nhsuk-body" data-testid={`text-${item.id}`}>
      {pieces(item, words).map((p) => {
        const text = item.text.slice(p.start, p.end);
        if (p.kind === 'plain')
          return (
            <span key={p.start} data-start={p.start}>
              {text}
            </span>
          );
        if (p.kind === 'redacted')
          return (
            <span key={p.start} className="fp-redacted" title={text}>
              [redacted: {p.reason}]
            </span>
          );
        return (
          <mark key={p.start} data-kind={p.flag.kind}>
            <span data-start={p.start}>{text}</span> <span className="fp-moderation-kind">({words.kinds[p.flag.kind]})</span>
          </mark>
        );
      })}
    </div>
  );
}

/** The span of the original text the reader has selected inside an item's text, if any. */
export function selectedSpan(container: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const offset = (node: Node, within: number): number | null => {
    const holder = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-start]');
    if (!holder || !container.contains(holder)) return null;
    return Number(holder.dataset.start) + (node.nodeType === Node.TEXT_NODE ? within : 0);
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
