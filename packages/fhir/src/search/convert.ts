import type { TypedValue } from '@medplum/core';
import { MAX_INSTANT, MIN_INSTANT, parseDateRange, toInstant } from '../datatypes/dates';
import { parseReference } from '../references/parse';
import { normalizeSearchString } from './normalize';
import type { ExtractedValue } from './types';

/**
 * Turns one FHIRPath result (a typed value) into the index values of a search parameter of each
 * type, following the R4 search rules for which parts of which datatypes a parameter matches.
 */
type Converter = (code: string, tv: TypedValue, out: ExtractedValue[]) => void;

type Obj = Record<string, unknown>;
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function pushString(code: string, value: unknown, out: ExtractedValue[]): void {
  if (!str(value)) return;
  const normalized = normalizeSearchString(value);
  if (normalized) out.push({ code, type: 'string', value, normalized });
}

const stringParts: Record<string, readonly string[]> = {
  HumanName: ['text', 'family', 'given', 'prefix', 'suffix'],
  Address: ['text', 'line', 'city', 'district', 'state', 'postalCode', 'country'],
};

const toString: Converter = (code, { type, value }, out) => {
  if (typeof value === 'string') return pushString(code, value, out);
  const parts = stringParts[type];
  if (!parts || typeof value !== 'object' || value === null) return;
  for (const part of parts) for (const v of arr((value as Obj)[part])) pushString(code, v, out);
};

function pushToken(code: string, system: unknown, value: unknown, text: unknown, out: ExtractedValue[]): void {
  const t: ExtractedValue = { code, type: 'token' };
  if (str(system)) t.system = system;
  if (str(value)) t.value = value;
  if (str(text)) t.text = text;
  if (t.system !== undefined || t.value !== undefined || t.text !== undefined) out.push(t);
}

const toToken: Converter = (code, { type, value }, out) => {
  if (value === null || value === undefined) return;
  if (typeof value !== 'object') {
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
      pushToken(code, undefined, String(value), undefined, out);
    }
    return;
  }
  const v = value as Obj;
  switch (type) {
    case 'CodeableConcept':
      for (const c of arr(v.coding)) {
        const coding = c as Obj;
        pushToken(code, coding.system, coding.code, coding.display, out);
      }
      if (str(v.text)) pushToken(code, undefined, undefined, v.text, out);
      return;
    case 'Coding':
      return pushToken(code, v.system, v.code, v.display, out);
    case 'Identifier':
      return pushToken(code, v.system, v.value, (v.type as Obj | undefined)?.text, out);
    case 'ContactPoint':
      return pushToken(code, v.system, v.value, undefined, out);
    default:
      return;
  }
};

const toReference: Converter = (code, { value }, out) => {
  const reference = typeof value === 'string' ? value : typeof value === 'object' && value ? (value as Obj).reference : undefined;
  if (!str(reference)) return;
  const parsed = parseReference(reference);
  if (parsed?.kind === 'resource') {
    out.push({ code, type: 'reference', reference, targetType: parsed.resourceType, targetId: parsed.id });
  } else {
    out.push({ code, type: 'reference', reference });
  }
};

function pushDate(code: string, start: number, end: number, out: ExtractedValue[]): void {
  out.push({ code, type: 'date', start: toInstant(start), end: toInstant(end) });
}

const toDate: Converter = (code, { type, value }, out) => {
  if (typeof value === 'string') {
    const r = parseDateRange(value);
    if (r) pushDate(code, r.start, r.end, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const v = value as Obj;
  if (type === 'Period') {
    const s = str(v.start) ? parseDateRange(v.start) : undefined;
    const e = str(v.end) ? parseDateRange(v.end) : undefined;
    if (!s && !e) return;
    out.push({ code, type: 'date', start: s ? toInstant(s.start) : MIN_INSTANT, end: e ? toInstant(e.end) : MAX_INSTANT });
  } else if (type === 'Timing') {
    for (const ev of arr(v.event)) toDate(code, { type: 'dateTime', value: ev }, out);
    const bounds = (v.repeat as Obj | undefined)?.boundsPeriod;
    if (bounds) toDate(code, { type: 'Period', value: bounds }, out);
  }
};

const toNumber: Converter = (code, { value }, out) => {
  if (typeof value === 'number' && Number.isFinite(value)) out.push({ code, type: 'number', value });
};

const toQuantity: Converter = (code, { type, value }, out) => {
  if (typeof value !== 'object' || value === null) return;
  const v = value as Obj;
  if (typeof v.value !== 'number' || !Number.isFinite(v.value)) return;
  const q: ExtractedValue = { code, type: 'quantity', value: v.value };
  if (type === 'Money') {
    if (str(v.currency)) Object.assign(q, { system: 'urn:iso:std:iso:4217', qcode: v.currency, unit: v.currency });
  } else {
    if (str(v.system)) q.system = v.system;
    if (str(v.unit)) q.unit = v.unit;
    if (str(v.code)) q.qcode = v.code;
  }
  out.push(q);
};

const toUri: Converter = (code, { value }, out) => {
  if (str(value)) out.push({ code, type: 'uri', value });
};

/** The converter for each indexable search parameter type. */
export const converters = {
  string: toString,
  token: toToken,
  reference: toReference,
  date: toDate,
  number: toNumber,
  quantity: toQuantity,
  uri: toUri,
} satisfies Record<ExtractedValue['type'], Converter>;
