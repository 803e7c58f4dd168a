import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codelist_from_csv, type Codelist } from '@footprint/cohort';

/**
 * The repository's shared codelists (codelists/, OpenCodelists CSV) by id, as insight reads them:
 * FOOTPRINT_CODELISTS_DIR points elsewhere (e.g. full NHS reference sets).
 */
const DEFAULT_DIR = fileURLToPath(new URL('../../../../codelists/', import.meta.url));
const cache = new Map<string, Codelist>();

function codelistById(id: string): Codelist {
  let list = cache.get(id);
  if (!list) {
    list = codelist_from_csv(join(process.env.FOOTPRINT_CODELISTS_DIR ?? DEFAULT_DIR, `${id}.csv`));
    cache.set(id, list);
  }
  return list;
}

/** The union of several codelists' codes. */
export function codes(...ids: string[]): string[] {
  return [...new Set(ids.flatMap((id) => codelistById(id).codes))];
}
