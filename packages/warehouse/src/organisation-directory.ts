import type { Codings } from './codings';

/**
 * The partner organisations, by record id and by ODS code, built from Organization resources
 * before any patient data is loaded: it turns organisation references into ODS codes, tells the
 * encounter mapper what kind of provider a service is, and links a practice to its PCN.
 */
export interface OrganisationEntry {
  id: string;
  odsCode: string | null;
  name: string | null;
  kind: string | null;
  placeCode: string | null;
  parentOds: string | null;
  parentId: string | null;
}

export type DirectoryEvent =
  | ['set', OrganisationEntry]
  | ['remove', string]
  | ['setRole', string, string | null, string | null]
  | ['removeRole', string];

export class OrganisationDirectory {
  /** When set, every change is also recorded here (a worker thread reports them to the loader). */
  journal: DirectoryEvent[] | null = null;
  private readonly byId = new Map<string, OrganisationEntry>();
  private readonly byOds = new Map<string, OrganisationEntry>();
  /** PractitionerRole id → the organisation it works for (ODS code or Organization id). */
  private readonly roles = new Map<string, { ods: string | null; organisationId: string | null }>();

  constructor(private readonly codings: Codings) {}

  /** Adds or replaces an organisation (from the organisations view's columns). */
  set(entry: OrganisationEntry): void {
    this.remove(entry.id);
    this.journal?.push(['set', entry]);
    this.byId.set(entry.id, entry);
    if (entry.odsCode) this.byOds.set(entry.odsCode, entry);
  }

  remove(id: string): void {
    const previous = this.byId.get(id);
    if (!previous) return;
    this.journal?.push(['remove', id]);
    this.byId.delete(id);
    if (previous.odsCode && this.byOds.get(previous.odsCode) === previous) this.byOds.delete(previous.odsCode);
  }

  /** The organisation kind for its type codes, or null when none is recognised. */
  kindFor(typeCodes: readonly unknown[]): string | null {
    for (const code of typeCodes) {
      const kind = this.codings.organisationKind.get(String(code));
      if (kind) return kind;
    }
    return null;
  }

  setRole(id: string, ods: string | null, organisationId: string | null): void {
    this.journal?.push(['setRole', id, ods, organisationId]);
    this.roles.set(id, { ods, organisationId });
  }

  removeRole(id: string): void {
    if (this.roles.delete(id)) this.journal?.push(['removeRole', id]);
  }

  /** Applies changes recorded by another thread's directory. */
  replay(events: readonly DirectoryEvent[]): void {
    for (const event of events) {
      if (event[0] === 'set') this.set(event[1]);
      else if (event[0] === 'remove') this.remove(event[1]);
      else if (event[0] === 'setRole') this.setRole(event[1], event[2], event[3]);
      else this.removeRole(event[1]);
    }
  }

  /** Everything, as events that rebuild this directory elsewhere. */
  snapshot(): DirectoryEvent[] {
    return [
      ...[...this.byId.values()].map((entry): DirectoryEvent => ['set', entry]),
      ...[...this.roles.entries()].map(([id, role]): DirectoryEvent => ['setRole', id, role.ods, role.organisationId]),
    ];
  }

  /**
   * The ODS code a reference names: its identifier when present, else the referenced
   * Organization's, else (for a PractitionerRole reference) the role's organisation's.
   */
  odsCode(ods: unknown, id: unknown, roleId?: unknown): string | null {
    if (typeof ods === 'string' && ods) return ods;
    if (typeof id === 'string') {
      const code = this.byId.get(id)?.odsCode;
      if (code) return code;
    }
    if (typeof roleId === 'string') {
      const role = this.roles.get(roleId);
      if (role) return role.ods ?? (role.organisationId ? (this.byId.get(role.organisationId)?.odsCode ?? null) : null);
    }
    return null;
  }

  roleEntries(): Array<[string, { ods: string | null; organisationId: string | null }]> {
    return [...this.roles.entries()];
  }

  kindOf(odsCode: string | null): string | null {
    return odsCode ? (this.byOds.get(odsCode)?.kind ?? null) : null;
  }

  /** A practice's PCN (or any organisation's parent) as an ODS code. */
  parentOf(odsCode: string | null): string | null {
    if (!odsCode) return null;
    const entry = this.byOds.get(odsCode);
    if (!entry) return null;
    return entry.parentOds ?? (entry.parentId ? (this.byId.get(entry.parentId)?.odsCode ?? null) : null);
  }

  entries(): OrganisationEntry[] {
    return [...this.byId.values()];
  }
}
