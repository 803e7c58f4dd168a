import type { Resource } from '@medplum/fhirtypes';
import type { AccessContext, Repository } from '@footprint/record';

/** Pages of $everything read to assemble one download; a person's record rarely needs more than a few. */
const PAGE = 1000;

/** Every resource of the person's own record, through Patient/$everything (the record decides and audits each page). */
export async function readWholeRecord(record: Repository, ctx: AccessContext, patientId: string): Promise<Resource[]> {
  const resources: Resource[] = [];
  let cursor: string | undefined;
  do {
    const page = await record.everything(ctx, patientId, { count: PAGE, ...(cursor ? { cursor } : {}) });
    resources.push(...page.matches, ...page.includes);
    cursor = page.next;
  } while (cursor);
  const seen = new Set<string>();
  return resources.filter((r) => {
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
