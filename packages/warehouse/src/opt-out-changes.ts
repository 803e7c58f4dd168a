import type { ResourceChange } from './loader';

/**
 * Whether a batch of the change feed holds a change a refresh cannot apply row by row: a Type 1
 * opt-out set or withdrawn (it withholds only the rows its practice recorded, which the record's
 * policy applies when it reads, so the rows already in the warehouse must be rebuilt) or a
 * deleted Consent (whose codes a deletion no longer carries). A national data opt-out needs no
 * rebuild to apply: the opt-out register removes the person's rows when it arrives.
 */
export async function needsRebuildForOptOut(changes: readonly ResourceChange[]): Promise<boolean> {
  const consents = changes.filter((c) => c.resource.resourceType === 'Consent');
  if (consents.length === 0) return false;
  const { DATA_OPT_OUT_SYSTEM } = await import('@footprint/record');
  return consents.some(({ resource, deleted }) => {
    if (deleted) return true;
    const codings = ((resource.policyRule as { coding?: Array<{ system?: string; code?: string }> } | undefined)?.coding ?? []);
    return codings.some((c) => c.system === DATA_OPT_OUT_SYSTEM && c.code === 'type-1-opt-out');
  });
}
