import type { AccessPolicy } from '../access/policy';
import type { Interaction } from '../access/scopes';
import type { ParsedEntry } from './entries';
import { errorForEntry } from './errors';

/** The interactions one entry performs: its own, plus search when it is resolved by a condition. */
export function entryInteractions(entry: ParsedEntry): Interaction[] {
  const conditional = entry.target.kind === 'search';
  switch (entry.method) {
    case 'GET':
    case 'HEAD':
      return entry.target.kind === 'instance' || entry.target.kind === 'version' ? ['r'] : ['s'];
    case 'POST':
      return entry.ifNoneExist ? ['c', 's'] : ['c'];
    case 'PUT':
      return conditional ? ['u', 's'] : ['u'];
    case 'DELETE':
      return conditional ? ['d', 's'] : ['d'];
  }
}

/** Throws the policy's 403, naming the entry, unless every interaction of the entry is allowed. */
export function requireEntryAccess(policy: AccessPolicy, entry: ParsedEntry): void {
  try {
    for (const interaction of entryInteractions(entry)) policy.require(interaction, entry.target.resourceType);
    if (entry.resource && (entry.method === 'POST' || entry.method === 'PUT')) policy.requireCreateContent(entry.resource);
  } catch (err) {
    throw errorForEntry(err, entry.where, entry.resource?.resourceType);
  }
}
