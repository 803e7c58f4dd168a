import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import namesData from '../../packages/synth/data/names.json' with { type: 'json' };
import extraNames from './names.json' with { type: 'json' };

/**
 * The log scan: finds what must never reach a log (NHS numbers, people's names, dates of birth)
 * in the NDJSON logs the test servers wrote (see global-setup.ts). It errs on the side of
 * reporting: a finding is a line to look at, with the reason.
 */

/** One line that holds something personal. */
export interface LogFinding {
  file: string;
  line: number;
  kind: 'NHS number' | 'name' | 'date of birth';
  /** What matched, shown masked (first and last character) so the report itself leaks nothing. */
  match: string;
  text: string;
}

/** Ten digits (or 3-3-4 with spaces or hyphens) standing alone: not inside a longer number, a UUID or a hex string. */
const NHS_NUMBER = /(?<![A-Za-z0-9.])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![A-Za-z0-9.])/g;
/** A date without a time: the shape of a date of birth (an instant with a time is a timestamp). */
const DATE_ONLY = /(?<![\d:T-])(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d:T])|(?<!\d)(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/(\d{4})(?!\d)/g;

/**
 * A capitalised word standing alone: not inside a longer run of letters and digits, so that a
 * random token (a base64url secret, a fuzzed client id such as `xQ3Yan7`) is not read as a name.
 */
const NAME_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'’-]+(?![\p{L}\p{N}])/gu;

/** True when the ten digits pass the NHS number's Modulus 11 check. */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Every given and family name the synthetic footprint uses, plus the names the tests use (names.json). */
export function personalNames(): Set<string> {
  const names = new Set<string>(extraNames.names);
  const traditions = (namesData as { traditions: Record<string, Record<string, string[]>> }).traditions;
  for (const tradition of Object.values(traditions)) for (const list of Object.values(tradition)) for (const name of list) names.add(name);
  for (const word of extraNames.notNames) names.delete(word);
  return names;
}

const mask = (s: string) => (s.length <= 2 ? '**' : `${s[0]}${'*'.repeat(s.length - 2)}${s[s.length - 1]}`);

/** The personal data in one log line's text values (keys and pino's own fields are not looked at). */
export function scanLine(text: string, names: Set<string>): Array<Pick<LogFinding, 'kind' | 'match'>> {
  let values: string[];
  try {
    values = stringValues(JSON.parse(text) as unknown, true);
  } catch {
    values = [text];
  }
  const found: Array<Pick<LogFinding, 'kind' | 'match'>> = [];
  for (const value of values) {
    for (const m of value.matchAll(NHS_NUMBER)) if (isNhsNumber(m[1] + m[2] + m[3])) found.push({ kind: 'NHS number', match: mask(m[0]) });
    for (const m of value.matchAll(DATE_ONLY)) found.push({ kind: 'date of birth', match: mask(m[0]) });
    for (const word of value.match(NAME_WORD) ?? []) if (names.has(word)) found.push({ kind: 'name', match: mask(word) });
  }
  return found;
}

/** Pino's own fields, which hold no personal data (level, time, pid, hostname). */
const PINO_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'reqId', 'responseTime']);

function stringValues(value: unknown, top = false): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((v) => stringValues(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (top && PINO_FIELDS.has(k) ? [] : stringValues(v)));
  return [];
}

/** Scans every `*.ndjson` file in `dir`; returns the findings and how much was read. */
export async function scanLogFolder(dir: string): Promise<{ files: number; lines: number; findings: LogFinding[] }> {
  const names = personalNames();
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.ndjson')).sort();
  let lines = 0;
  const findings: LogFinding[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    for (const [i, line] of text.split('\n').entries()) {
      if (!line.trim()) continue;
      lines++;
      for (const f of scanLine(line, names)) findings.push({ file, line: i + 1, ...f, text: line.slice(0, 300) });
    }
  }
  return { files: files.length, lines, findings };
}
