import { readFileSync } from 'node:fs';
import { detectPersonalData, PERSONAL_DATA_KINDS, type PersonalDataKind, type PersonalDataSpan } from '../src/moderation/detect';

/** One labelled sentence: the text and the spans a careful moderator would flag. */
export interface LabelledSentence {
  sentence: string;
  spans: Array<{ kind: PersonalDataKind; text: string }>;
}

export interface KindScore {
  kind: PersonalDataKind | 'overall';
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** The labelled set (packages/engage/test/moderation/labelled-sentences.json). */
export function labelledSentences(): { referenceYear: number; sentences: LabelledSentence[] } {
  return JSON.parse(readFileSync(new URL('../test/moderation/labelled-sentences.json', import.meta.url), 'utf8')) as { referenceYear: number; sentences: LabelledSentence[] };
}

/** The expected spans of a sentence with their positions (each text found left to right). */
export function expectedSpans(s: LabelledSentence): PersonalDataSpan[] {
  let from = 0;
  const spans = [...s.spans].map((x) => ({ ...x, at: s.sentence.indexOf(x.text) })).sort((a, b) => a.at - b.at);
  return spans.map((x) => {
    const start = s.sentence.indexOf(x.text, from);
    if (start < 0) throw new Error(`labelled span "${x.text}" is not in "${s.sentence}"`);
    from = start + x.text.length;
    return { kind: x.kind, text: x.text, start, end: start + x.text.length };
  });
}

/** A finding matches a label when both are the same kind and their spans overlap. */
const overlaps = (a: PersonalDataSpan, b: PersonalDataSpan) => a.kind === b.kind && a.start < b.end && b.start < a.end;

/** Precision and recall per kind and overall, and the sentences where the detector and the labels disagree. */
export function scoreDetector(): { scores: KindScore[]; misses: Array<{ sentence: string; missed: PersonalDataSpan[]; extra: PersonalDataSpan[] }>; sentences: number } {
  const { referenceYear, sentences } = labelledSentences();
  const counts = new Map<PersonalDataKind, { tp: number; fp: number; fn: number }>(PERSONAL_DATA_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Array<{ sentence: string; missed: PersonalDataSpan[]; extra: PersonalDataSpan[] }> = [];
  for (const s of sentences) {
    const expected = expectedSpans(s);
    const found = detectPersonalData(s.sentence, { referenceYear });
    const missed = expected.filter((e) => !found.some((f) => overlaps(e, f)));
    const extra = found.filter((f) => !expected.some((e) => overlaps(e, f)));
    for (const e of expected) counts.get(e.kind)![missed.includes(e) ? 'fn' : 'tp']++;
    for (const f of extra) counts.get(f.kind)!.fp++;
    if (missed.length || extra.length) misses.push({ sentence: s.sentence, missed, extra });
  }
  const score = (kind: KindScore['kind'], c: { tp: number; fp: number; fn: number }): KindScore => ({
    kind,
    truePositives: c.tp,
    falsePositives: c.fp,
    falseNegatives: c.fn,
    precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
  });
  const all = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { scores: [...[...counts].map(([k, c]) => score(k, c)), score('overall', all)], misses, sentences: sentences.length };
}

/** The scores as a Markdown table, as docs/engagement.md §4 records them. */
export function scoreTable(scores: readonly KindScore[]): string {
  const rows = scores.map((s) => `| ${s.kind} | ${s.truePositives + s.falseNegatives} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`);
  return ['| kind | labelled | found | false alarms | missed | precision | recall |', '|---|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
}
