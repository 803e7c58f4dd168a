import { REDACTION_REASON_WORDS, type RedactionReason } from './types';

/**
 * The published text: the original with each redacted span replaced by "[redacted: reason]".
 * Overlapping or touching redactions merge into one (taking the first one's reason), so the
 * replacement never leaves a fragment of a span between two markers.
 */
export function redactedText(text: string, redactions: ReadonlyArray<{ start: number; end: number; reason: RedactionReason }>): string {
  const spans = [...redactions].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number; reason: RedactionReason }> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += `${text.slice(at, s.start)}[redacted: ${REDACTION_REASON_WORDS[s.reason]}]`;
    at = Math.min(text.length, s.end);
  }
  return out + text.slice(at);
}
