import type { Extension, Meta, Resource } from '@footprint/fhir';
import type { AccessContext } from '@footprint/record';
import type { Editor } from '../store/items';

/**
 * Who writes the register of member organisations into the record, and how the record names them.
 *
 * The staff policy (packages/record access/staff-policy.ts) gives partnership leads and
 * administrators no record access at all: they are not clinicians and the record is a care
 * record. So an edit is not written as the signed-in user. The server checks the user may edit
 * the register (capability `partnership-edit`), and the register then writes as its own system
 * principal, `partnership-register`, acting for the partnership body, with scopes only for
 * Organization and OrganizationAffiliation and the request's id (the same id as the write's
 * AuditEvent and the server's request log). The record stamps that principal in `meta.source`
 * and audits the write like any other; the person who made the change is named on the version
 * itself, in a `register-editor` extension on `meta` (staff names are not patient data), so the
 * record's _history says who and when.
 */
export const REGISTER_EDITOR_EXTENSION = 'https://fhir.footprint.example/StructureDefinition/register-editor';
/** Identifies staff users (the server's web_users ids), as the audit trail's principal identifiers do. */
export const STAFF_USER_SYSTEM = 'https://footprint.nhs.uk/Id/principal/user';

export const REGISTER_SCOPES = ['system/Organization.cruds', 'system/OrganizationAffiliation.cruds'] as const;

export function registerContext(partnershipBodyId: string | undefined, request?: AccessContext['request']): AccessContext {
  return {
    principal: { kind: 'system', id: 'partnership-register', display: 'Partnership register' },
    ...(partnershipBodyId ? { organisation: { reference: `Organization/${partnershipBodyId}` } } : {}),
    scopes: [...REGISTER_SCOPES],
    purpose: 'HOPERAT',
    ...(request ? { request } : {}),
  };
}

/** The resource's meta with this editor named (replacing any earlier editor: each version names its own). */
export function withEditor<T extends Resource>(resource: T, editor: Editor): T {
  const meta: Meta = resource.meta ?? {};
  const others = (meta.extension ?? []).filter((e) => e.url !== REGISTER_EDITOR_EXTENSION);
  const named: Extension = { url: REGISTER_EDITOR_EXTENSION, valueReference: { identifier: { system: STAFF_USER_SYSTEM, value: editor.id }, display: `${editor.name} (${editor.role})` } };
  const { versionId: _v, lastUpdated: _l, ...rest } = meta;
  return { ...resource, meta: { ...rest, extension: [...others, named] } };
}

/** Who wrote a stored version: the register's editor when named, else the principal in meta.source. */
export function versionAuthor(resource: Resource | undefined): { kind: string; id: string; name?: string } {
  const editor = resource?.meta?.extension?.find((e) => e.url === REGISTER_EDITOR_EXTENSION)?.valueReference;
  if (editor?.identifier?.value) return { kind: 'user', id: editor.identifier.value, ...(editor.display ? { name: editor.display } : {}) };
  const source = resource?.meta?.source?.match(/\/principal\/([a-z]+)\/([^#]+)/);
  if (source) return { kind: source[1], id: decodeURIComponent(source[2]) };
  return { kind: 'unknown', id: 'unknown' };
}
