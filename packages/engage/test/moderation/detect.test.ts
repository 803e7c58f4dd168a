import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../src/moderation/detect';
import { expectedSpans, labelledSentences, scoreDetector, scoreTable } from '../../bench/detector-score';

describe('the personal-data detector on the labelled set', () => {
  const { scores, misses, sentences } = scoreDetector();
  const of = (kind: string) => scores.find((s) => s.kind === kind)!;

  it('has at least 200 labelled sentences with hard negatives, and prints its precision and recall', () => {
    expect(sentences).toBeGreaterThanOrEqual(200);
    expect(labelledSentences().sentences.filter((s) => s.spans.length === 0).length).toBeGreaterThanOrEqual(80);
    console.log(`${scoreTable(scores)}\n${misses.map((m) => `disagrees: ${m.sentence}`).join('\n')}`);
  });

  it('misses no NHS number and no email address', () => {
    expect(of('nhs-number').recall).toBe(1);
    expect(of('email').recall).toBe(1);
    expect(of('nhs-number').precision).toBe(1);
  });

  it('keeps sensible floors for the other kinds', () => {
    for (const kind of ['phone', 'postcode', 'date-of-birth']) {
      expect(of(kind).recall, kind).toBeGreaterThanOrEqual(0.9);
      expect(of(kind).precision, kind).toBeGreaterThanOrEqual(0.9);
    }
    expect(of('name').recall).toBeGreaterThanOrEqual(0.8);
    expect(of('name').precision).toBeGreaterThanOrEqual(0.85);
    expect(of('overall').recall).toBeGreaterThanOrEqual(0.9);
  });

  it('gives each span its exact position and text', () => {
    const text = 'Call 07700 900123 or write to a.b@example.com; NHS number 943 476 5919.';
    expect(detectPersonalData(text)).toEqual([
      { start: 5, end: 17, kind: 'phone', text: '07700 900123' },
      { start: 30, end: 45, kind: 'email', text: 'a.b@example.com' },
      { start: 58, end: 70, kind: 'nhs-number', text: '943 476 5919' },
    ]);
    for (const s of labelledSentences().sentences) for (const e of expectedSpans(s)) expect(s.sentence.slice(e.start, e.end)).toBe(e.text);
  });

  it('flags every valid NHS number in any position, spaced or not, and no number failing Modulus 11', () => {
    for (let n = 0; n < 300; n++) {
      const stem = String(400_000_000 + n * 1_987_654).slice(0, 9);
      const sum = [...stem].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
      const check = 11 - (sum % 11);
      if (check === 10) continue;
      const number = stem + String(check === 11 ? 0 : check);
      const wrong = stem + String((Number(number[9]) + 1) % 10);
      const spaced = `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`;
      for (const written of [number, spaced]) expect(detectPersonalData(`ref (${written}).`).map((s) => s.kind)).toEqual(['nhs-number']);
      expect(detectPersonalData(`order ${wrong} today`).filter((s) => s.kind === 'nhs-number')).toEqual([]);
    }
  });

  it('reads a recent date without "born" as an appointment, and the same date after "DOB" as a date of birth', () => {
    expect(detectPersonalData('Seen on 12/03/2024.', { referenceYear: 2026 })).toEqual([]);
    expect(detectPersonalData('DOB 12/03/2024.', { referenceYear: 2026 }).map((s) => s.kind)).toEqual(['date-of-birth']);
  });
});
