import { isValidNhsNumber } from '@footprint/fhir';
import { knownNames } from './given-names';

/**
 * The personal-data detector that flags free text before a moderator reads it: NHS numbers (ten
 * digits, optionally spaced 3-3-4, passing Modulus 11), email addresses, UK phone numbers, UK
 * postcodes, dates of birth and names where they can be recognised. It only flags; a person decides
 * what to redact. Its precision and recall on a labelled set are in docs/engagement.md §4.
 */

export const PERSONAL_DATA_KINDS = ['nhs-number', 'email', 'phone', 'postcode', 'date-of-birth', 'name'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** The kind in words, for the moderator's highlights. */
export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  'nhs-number': 'NHS number',
  email: 'email address',
  phone: 'phone number',
  postcode: 'postcode',
  'date-of-birth': 'date of birth',
  name: 'name',
};

/** One flagged stretch of text: [start, end) in UTF-16 code units, as JavaScript strings index. */
export interface PersonalDataSpan {
  start: number;
  end: number;
  kind: PersonalDataKind;
  text: string;
}

export interface DetectOptions {
  /**
   * The year the text was written in (default: this year). A full date with no "born" or "DOB"
   * near it is flagged as a possible date of birth only when it is ten or more years before this:
   * a recent date in a consultation answer is far more often an appointment than a birthday.
   */
  referenceYear?: number;
}

type Found = Omit<PersonalDataSpan, 'text'>;

const span = (start: number, end: number, kind: PersonalDataKind): Found => ({ start, end, kind });

function* nhsNumbers(text: string): Generator<Found> {
  for (const m of text.matchAll(/(?<![\d+])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d])/g)) {
    if (isValidNhsNumber(`${m[1]}${m[3]}${m[4]}`)) yield span(m.index, m.index + m[0].length, 'nhs-number');
  }
}

function* emails(text: string): Generator<Found> {
  for (const m of text.matchAll(/(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    yield span(m.index, m.index + m[0].length, 'email');
  }
}

/** A UK number as dialled at home: 01, 02 or 03 numbers of 10 or 11 digits, and 07 mobiles of 11. */
const isUkNumber = (national: string) => (/^0[123]/.test(national) && (national.length === 10 || national.length === 11)) || (/^07/.test(national) && national.length === 11);

function* phones(text: string): Generator<Found> {
  for (const m of text.matchAll(/(?<![\w+])(?:\+44|0044|\(0|0(?=\d))/g)) {
    const international = m[0] !== '0' && m[0] !== '(0';
    let digits = '0';
    let i = m.index + m[0].length;
    let best: number | undefined;
    let lastWasSeparator = false;
    if (international && text.slice(i).match(/^\s?\(0\)/)) i += text.slice(i).match(/^\s?\(0\)/)![0].length;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (c >= '0' && c <= '9') {
        digits += c;
        lastWasSeparator = false;
        const next = text[i + 1];
        const endOfGroup = next === undefined || next < '0' || next > '9';
        if (endOfGroup && isUkNumber(digits)) best = i + 1;
        if (digits.length >= 11 && endOfGroup) break;
      } else if ((c === ' ' || c === '-' || c === ')' || c === '(') && !lastWasSeparator) {
        lastWasSeparator = c !== ')';
      } else break;
    }
    if (best !== undefined) yield span(m.index, best, 'phone');
  }
}

function* postcodes(text: string): Generator<Found> {
  const pattern = /(?<![A-Za-z0-9])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|[A-PR-UWYZ]\d[A-HJKPSTUW]) ?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/gi;
  for (const m of text.matchAll(pattern)) yield span(m.index, m.index + m[0].length, 'postcode');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
const BIRTH_CONTEXT = /\b(?:born|dob|d\.o\.b\.?|date of birth|birthday|birth date|b\.)[\s:,-]*(?:on|in)?[\s:,-]*(?:the\s+)?$/i;

const monthNumber = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

function fullYear(written: string, referenceYear: number): number {
  if (written.length === 4) return Number(written);
  const yy = Number(written);
  return yy > referenceYear % 100 ? 1900 + yy : 2000 + yy;
}

const realDate = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;

function* datesOfBirth(text: string, referenceYear: number): Generator<Found> {
  const patterns: Array<[RegExp, (m: RegExpMatchArray) => { day?: number; month: number; year: string }]> = [
    [/(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-]*\d)/g, (m) => ({ day: Number(m[1]), month: Number(m[2]), year: m[3]! })],
    [new RegExp(`(?<![\\w])${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)`, 'gi'), (m) => ({ day: Number(m[1]), month: monthNumber(m[2]!), year: m[3]! })],
    [new RegExp(`(?<![\\w])${MONTH}\\s+${ORDINAL},?\\s+(\\d{4})(?!\\d)`, 'gi'), (m) => ({ day: Number(m[2]), month: monthNumber(m[1]!), year: m[3]! })],
    [new RegExp(`(?<![\\w])${MONTH}\\s+(\\d{4})(?!\\d)`, 'gi'), (m) => ({ month: monthNumber(m[1]!), year: m[2]! })],
  ];
  const taken: Found[] = [];
  for (const [pattern, parts] of patterns) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      const { day, month, year } = parts(m);
      if (day !== undefined && !realDate(day, month)) continue;
      const inContext = BIRTH_CONTEXT.test(text.slice(Math.max(0, start - 40), start));
      const old = fullYear(year, referenceYear) <= referenceYear - 10 && fullYear(year, referenceYear) >= 1900;
      // A month and year alone is a date of birth only when the text says so ("born in March 1985").
      if (inContext || (day !== undefined && old)) {
        const found = span(start, end, 'date-of-birth');
        taken.push(found);
        yield found;
      }
    }
  }
}

const TITLES = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Doctor)\.?\s+((?:[A-Z][a-z]*['’-]?[A-Z]?[a-z]+)(?:[- ][A-Z][a-z]*['’-]?[A-Z]?[a-z]+)?)\b/g;
const RELATIONS = /\b(?:[Mm]y name is|I am called|I'm called|[Cc]alled|[Nn]amed|[Mm]y (?:son|daughter|husband|wife|partner|mum|mother|dad|father|brother|sister|nan|nana|gran|grandma|grandad|grandson|granddaughter|baby|boy|girl|carer|friend|neighbour|niece|nephew|uncle|aunt|auntie|child)(?:,)?)\s+((?:[A-Z][a-z]*['’-]?[A-Z]?[a-z]+)(?: [A-Z][a-z]*['’-]?[A-Z]?[a-z]+)?)\b/g;
/** Capitalised words that follow "called" or "my son" without being names. */
const NOT_A_NAME = new Set(['The', 'A', 'An', 'It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'And', 'But', 'Who', 'Has', 'Is', 'Was', 'Had', 'NHS', 'GP', 'Hospital', 'Surgery', 'Practice', 'Ward', 'Centre', 'Council', 'Trust', 'Service', 'Services', 'Team', 'Clinic', 'Road', 'Street', 'Lane', 'Avenue', 'Health', 'Care', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

function sentenceInitial(text: string, index: number): boolean {
  return /(?:^|[.!?:;]\s+|\n\s*|["“(]\s*)$/.test(text.slice(Math.max(0, index - 4), index)) || index === 0;
}

function* names(text: string): Generator<Found> {
  const { given, family } = knownNames();
  for (const pattern of [TITLES, RELATIONS]) {
    for (const m of text.matchAll(pattern)) {
      const name = m[1]!;
      let words = name.split(' ');
      while (words.length > 0 && NOT_A_NAME.has(words[words.length - 1]!)) words = words.slice(0, -1);
      if (words.length === 0 || NOT_A_NAME.has(words[0]!)) continue;
      const nameStart = m.index + m[0].length - name.length;
      const start = pattern === TITLES ? m.index : nameStart;
      yield span(start, nameStart + words.join(' ').length, 'name');
    }
  }
  for (const m of text.matchAll(/(?<![\w'’-])[A-Z][a-z]+(?![\w'’-])/g)) {
    const first = m[0];
    if (!given.has(first)) continue;
    const after = /^ ((?:O['’]|Mc)?[A-Z][a-z]+)(?![\w'’-])/.exec(text.slice(m.index + first.length))?.[1];
    const surname = after && (family.has(after) || !given.has(after)) && !NOT_A_NAME.has(after) ? after : undefined;
    // A given name opening a sentence is a name only with a family name after it ("Sarah Jones said…").
    if (sentenceInitial(text, m.index) && !(surname && family.has(surname))) continue;
    yield span(m.index, m.index + first.length + (surname ? surname.length + 1 : 0), 'name');
  }
}

/** Finds the personal data in a text, in order; where two findings overlap, the more specific kind (the list's order) wins. */
export function detectPersonalData(text: string, options: DetectOptions = {}): PersonalDataSpan[] {
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  const candidates = [...nhsNumbers(text), ...emails(text), ...phones(text), ...postcodes(text), ...datesOfBirth(text, referenceYear), ...names(text)];
  const rank = (kind: PersonalDataKind) => PERSONAL_DATA_KINDS.indexOf(kind);
  candidates.sort((a, b) => rank(a.kind) - rank(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Found[] = [];
  for (const c of candidates) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start).map((k) => ({ ...k, text: text.slice(k.start, k.end) }));
}
