import type { Subscription } from '@footprint/fhir';

/**
 * What a FHIR R4 Subscription asks for, read for delivery (FHIR R4 §2.46 Subscription, REST-hook
 * channel): the search its `criteria` names (`Task?owner=Organization/x`, evaluated as that search
 * on the new version of each changed resource), the endpoint, the headers to send, and the payload:
 * none (an empty POST to the endpoint: "something you follow changed", and the partner reads it
 * with its own token) or `application/fhir+json` (the resource PUT to `{endpoint}/{type}/{id}`).
 */
export interface RestHook {
  resourceType: string;
  params: Array<[string, string]>;
  endpoint: string;
  headers: Array<[string, string]>;
  payload?: 'application/fhir+json';
}

export interface RestHookOptions {
  /** Allow `http:` endpoints (tests and the demo on one machine); otherwise only `https:`. */
  allowHttp?: boolean;
}

/** Headers a subscriber may not set: they would change how the request is carried, not what it says. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'transfer-encoding', 'connection']);

/** The REST hook of `subscription`, or the reason it cannot be served (which becomes Subscription.error). */
export function readRestHook(subscription: Subscription, options: RestHookOptions = {}): RestHook | { error: string } {
  const channel = subscription.channel;
  if (channel?.type !== 'rest-hook') return { error: `Only rest-hook Subscriptions are delivered, not ${channel?.type ?? 'one without a channel type'}` };
  const criteria = subscription.criteria ?? '';
  const match = /^([A-Z][A-Za-z]+)(?:\?(.*))?$/.exec(criteria);
  if (!match) return { error: `The criteria must be a search such as Task?owner=Organization/abc, not "${criteria}"` };
  const params = [...new URLSearchParams(match[2] ?? '')] as Array<[string, string]>;
  if (params.some(([name]) => name.startsWith('_') && name !== '_tag' && name !== '_profile')) {
    return { error: 'The criteria may filter on search parameters, not on result parameters such as _count or _sort' };
  }
  let endpoint: URL;
  try {
    endpoint = new URL(channel.endpoint ?? '');
  } catch {
    return { error: 'The channel endpoint must be an absolute URL' };
  }
  if (endpoint.protocol !== 'https:' && !(options.allowHttp && endpoint.protocol === 'http:')) return { error: 'The channel endpoint must be an https: URL' };
  if (endpoint.username || endpoint.password) return { error: 'Put credentials in channel.header, not in the endpoint URL' };
  const headers: Array<[string, string]> = [];
  for (const header of channel.header ?? []) {
    const at = header.indexOf(':');
    const name = at > 0 ? header.slice(0, at).trim() : '';
    if (!/^[A-Za-z0-9-]{1,64}$/.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) return { error: `Not a header a subscriber may set: "${name || header.slice(0, 40)}"` };
    headers.push([name, header.slice(at + 1).trim()]);
  }
  const payload = channel.payload;
  if (payload !== undefined && payload !== 'application/fhir+json' && payload !== 'application/json') {
    return { error: `The payload must be application/fhir+json, or left out for a notification without content, not ${payload}` };
  }
  const base = endpoint.toString().replace(/\/$/, '');
  return { resourceType: match[1], params, endpoint: base, headers, ...(payload ? { payload: 'application/fhir+json' as const } : {}) };
}
