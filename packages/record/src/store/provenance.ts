import type { Extension, Meta } from '@footprint/fhir';
import type { AccessContext } from '../access-context';

/** Identifies principals (as in the AuditEvent's agent): `{system}/{kind}/{id}`. */
const PRINCIPAL_SYSTEM = 'https://footprint.nhs.uk/Id/principal';
/** The organisation that contributed this version (the writer's, from its token), on `meta`. */
export const CONTRIBUTOR_EXTENSION = 'https://footprint.nhs.uk/StructureDefinition/contributing-organisation';

/**
 * Provenance the server stamps on every version it stores, from the authenticated context and
 * never from the body: `meta.source` names the writing principal (`…/principal/client/gp-system`)
 * with the request id after `#` (the same id as the write's AuditEvent), and a
 * `contributing-organisation` extension on `meta` names the organisation it acted for, which is
 * the organisation that owns the resource for updates and deletes (access/stewardship.ts). A
 * `meta.source` or contributing organisation sent in the body is replaced. `organisation` is
 * the row's recording organisation (the writer's, or kept by a merge).
 */
export function stampProvenance(meta: Meta | undefined, ctx: AccessContext, organisation: string | null): Meta {
  const { source: _source, extension, ...rest } = meta ?? {};
  const kept = (extension ?? []).filter((e) => e.url !== CONTRIBUTOR_EXTENSION);
  const contributor: Extension[] = organisation ? [{ url: CONTRIBUTOR_EXTENSION, valueReference: { reference: organisation } }] : [];
  const all = [...kept, ...contributor];
  return { ...rest, ...(all.length ? { extension: all } : {}), source: provenanceSource(ctx) };
}

/** The `meta.source` URI of a write by this context. */
export function provenanceSource(ctx: AccessContext): string {
  const { principal } = ctx;
  const request = ctx.request?.id ? `#${encodeURIComponent(ctx.request.id)}` : '';
  return `${PRINCIPAL_SYSTEM}/${principal.kind}/${encodeURIComponent(principal.id)}${request}`;
}

/** The resource without what stampProvenance sets, so content hashes ignore who wrote it. */
export function withoutProvenance(meta: Meta): Meta {
  const { source: _source, extension, ...rest } = meta;
  const kept = (extension ?? []).filter((e) => e.url !== CONTRIBUTOR_EXTENSION);
  return { ...rest, ...(kept.length ? { extension: kept } : {}) };
}

/** The contributing organisation the server stamped on a stored resource (`Organization/…`), if any. */
export function contributingOrganisation(resource: { meta?: Meta }): string | undefined {
  return resource.meta?.extension?.find((e) => e.url === CONTRIBUTOR_EXTENSION)?.valueReference?.reference;
}

/** The principal that wrote a stored version (from its `meta.source`, provenanceSource), if the platform stamped it. */
export function writerOf(resource: { meta?: Meta }): { kind: string; id: string } | undefined {
  const source = resource.meta?.source ?? '';
  if (!source.startsWith(`${PRINCIPAL_SYSTEM}/`)) return undefined;
  const [kind, id] = source.slice(PRINCIPAL_SYSTEM.length + 1).split('#')[0].split('/');
  return kind && id ? { kind, id: decodeURIComponent(id) } : undefined;
}
