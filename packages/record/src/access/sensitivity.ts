import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource } from '@footprint/fhir';
import { CONFIDENTIALITY_SYSTEM, SENSITIVE_CONFIDENTIALITY } from './trust-codes';

/**
 * Sensitive information: a resource is sensitive when it is labelled restricted (R) or very
 * restricted (V) in `meta.security`, or carries any SNOMED CT code of the sensitive codelist
 * (the categories the Summary Care Record withholds: assisted conception and IVF, sexually
 * transmitted infections, termination of pregnancy, gender reassignment, HIV). The flag is
 * stored on the row when it is written (`resource.sensitive`), and the access policy shows
 * sensitive rows only to the organisation that recorded them and to the person.
 */
const SNOMED = 'http://snomed.info/sct';
const CODELISTS_DIR = fileURLToPath(new URL('../../../../codelists/snomed/', import.meta.url));

/** Codes of one OpenCodelists-format CSV (`code,term` header, one code a row). */
export function readCodelistCodes(text: string): string[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const column = header.indexOf('code');
  if (column < 0) throw new Error('A sensitive codelist must be a CSV file with a "code" column (OpenCodelists format)');
  return lines.map((line) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])[column]?.replace(/,$/, '').replace(/^"|"$/g, '').trim() ?? '').filter(Boolean);
}

function csvFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).filter((f) => f.endsWith('.csv')).map((f) => join(path, f));
}

/**
 * The sensitive SNOMED CT codes: from FOOTPRINT_SENSITIVE_CODELIST (a CSV file, or a folder of
 * them, in OpenCodelists format) when set, else codelists/snomed/sensitive-*.csv.
 */
export function loadSensitiveCodes(env: NodeJS.ProcessEnv = process.env): ReadonlySet<string> {
  const configured = env.FOOTPRINT_SENSITIVE_CODELIST;
  const files = configured
    ? configured.split(',').flatMap((p) => csvFiles(p.trim()))
    : readdirSync(CODELISTS_DIR).filter((f) => f.startsWith('sensitive-') && f.endsWith('.csv')).map((f) => join(CODELISTS_DIR, f));
  const codes = new Set<string>();
  for (const file of files) for (const code of readCodelistCodes(readFileSync(file, 'utf8'))) codes.add(code);
  return codes;
}

let cached: ReadonlySet<string> | undefined;
/** The configured sensitive codes, read once per process. */
export function sensitiveCodes(): ReadonlySet<string> {
  return (cached ??= loadSensitiveCodes());
}

/** True when the resource is sensitive (see above); a deleted resource (undefined) is not. */
export function isSensitive(resource: Resource | undefined, codes: ReadonlySet<string> = sensitiveCodes()): boolean {
  if (!resource) return false;
  const labels = resource.meta?.security ?? [];
  if (labels.some((l) => l.system === CONFIDENTIALITY_SYSTEM && (SENSITIVE_CONFIDENTIALITY as readonly string[]).includes(l.code ?? ''))) return true;
  return codes.size > 0 && hasSensitiveCoding(resource, codes);
}

/** Walks the resource for any Coding (system SNOMED CT) whose code is in `codes`. */
function hasSensitiveCoding(value: unknown, codes: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((v) => hasSensitiveCoding(v, codes));
  if (value === null || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  if (o.system === SNOMED && typeof o.code === 'string' && codes.has(o.code)) return true;
  for (const key in o) {
    const v = o[key];
    if (v !== null && typeof v === 'object' && hasSensitiveCoding(v, codes)) return true;
  }
  return false;
}
