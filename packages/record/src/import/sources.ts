import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { badRequest } from '@footprint/fhir';

export type FileFormat = 'ndjson' | 'json';

export interface SourceFile {
  path: string;
  format: FileFormat;
  gzip: boolean;
  size: number;
  mtimeMs: number;
}

/** The format a file name says it holds, or undefined for files the importer does not read. */
export function formatOf(file: string): { format: FileFormat; gzip: boolean } | undefined {
  const name = file.toLowerCase();
  const gzip = name.endsWith('.gz');
  const base = gzip ? name.slice(0, -3) : name;
  if (base.endsWith('.ndjson') || base.endsWith('.jsonl')) return { format: 'ndjson', gzip };
  if (base.endsWith('.json')) return { format: 'json', gzip };
  return undefined;
}

/**
 * Files a folder scan passes over because they are never FHIR data: a generated footprint's
 * manifest and ground truth, and the platform's own credentials. Naming one explicitly still imports it.
 */
const NOT_FHIR_DATA = new Set(['manifest.json', 'ground-truth.ndjson', 'credentials.json', 'demo-users.json']);

/**
 * Expands files and folders (recursively, in name order) into the NDJSON and Bundle JSON files
 * to import. A file named explicitly must have a known extension; in folders others are skipped,
 * and so are the files in NOT_FHIR_DATA.
 */
export async function findSourceFiles(paths: readonly string[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const seen = new Set<string>();
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw badRequest(`Cannot read ${p}: no such file or folder`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith('.') && !NOT_FHIR_DATA.has(n.toLowerCase())).sort();
      for (const name of names) await visit(path.join(p, name), false);
      return;
    }
    const kind = formatOf(p);
    if (!kind) {
      if (explicit) throw badRequest(`${p}: expected a .ndjson, .ndjson.gz, .json or .json.gz file`);
      return;
    }
    const resolved = path.resolve(p);
    if (seen.has(resolved)) return;
    seen.add(resolved);
    out.push({ path: resolved, ...kind, size: info.size, mtimeMs: info.mtimeMs });
  };
  for (const p of paths) await visit(p, true);
  return out;
}
