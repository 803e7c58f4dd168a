import { codings } from './codings';
import { OptOutRegister } from './opt-outs';
import { OrganisationDirectory } from './organisation-directory';
import type { Pseudonymiser } from './pseudonym';
import { lsoaLookup } from './reference-data';
import { standardViews, type StandardView } from './standard-views';
import { mappers, type MapContext, type RowSink } from './transform';

/**
 * Turns resources into warehouse rows: the standard views, then the mappers, with the registers
 * (organisation directory, opt-outs) they read and update. No I/O, so it runs the same on the
 * loading thread and on worker threads.
 */
export class ResourceFlattener {
  readonly context: MapContext;
  private readonly viewsByType = new Map<string, StandardView[]>();

  constructor(pseudonymiser: Pseudonymiser) {
    this.context = {
      pseudonymiser,
      directory: new OrganisationDirectory(codings()),
      codings: codings(),
      lsoa: lsoaLookup(),
      optOuts: new OptOutRegister(),
    };
    for (const view of standardViews()) {
      const list = this.viewsByType.get(view.view.resource) ?? [];
      list.push(view);
      this.viewsByType.set(view.view.resource, list);
    }
  }

  viewsFor(resourceType: string): StandardView[] | undefined {
    return this.viewsByType.get(resourceType);
  }

  /** Runs one resource through its views, writing rows to `sink` and updating the registers. */
  flatten(resource: Record<string, unknown>, sink: RowSink): void {
    const views = this.viewsByType.get(resource.resourceType as string);
    if (!views) return;
    this.forget(resource, views);
    for (const view of views) {
      const rows = view.view.rows(resource);
      if (rows.length) mappers[view.target](view, resource, rows, this.context, sink);
    }
  }

  /** Drops what the registers hold for a resource before it is re-read (or deleted). */
  forget(resource: Record<string, unknown>, views = this.viewsByType.get(resource.resourceType as string) ?? []): void {
    for (const view of views) {
      if (view.target === 'organisations') this.context.directory.remove(resource.id as string);
      if (view.target === 'practitioner-roles') this.context.directory.removeRole(resource.id as string);
      if (view.target === 'opt-outs') this.context.optOuts.remove(this.context.pseudonymiser.resourceKey('Consent', resource.id as string));
    }
  }
}
