import { footprintDefinitions } from '@footprint/geography';
import { z } from 'zod';
import { PartnershipProblem } from '../errors';
import { inPeriod, onsCode, period, text } from '../store/fields';
import { PLATFORM_EDITOR, type Editor, type Item, type PartnershipStore } from '../store/items';
import { registerItemKinds, type ItemKind } from '../store/kinds';
import type { DeliverySystemView, PlaceView } from './public-types';
import { STP_START } from './reference';

/** A place of the footprint: a local authority district (2019 code), for a period, with where it comes from. */
export interface PlaceData {
  code: string;
  name: string;
  period: { start?: string; end?: string };
  source: string;
}
/** The running footprint's places and delivery systems as staff see them (GET /api/partnership/footprints/{code}/places): items with their versions, for edits. */
export interface PlacesResponse {
  footprint: string;
  /** Whether the signed-in user may change them (capability partnership-edit). */
  editable: boolean;
  places: Item<PlaceData>[];
  deliverySystems: Item<DeliverySystemData>[];
}

/** A local delivery system: a named group of the footprint's places, for a period. */
export interface DeliverySystemData {
  name: string;
  places: string[];
  period: { start?: string; end?: string };
  source: string;
}

const district = onsCode.refine((code) => /^E0[6-9]\d{6}$/.test(code), { message: 'must be a local authority district code (E06, E07, E08 or E09 and six digits)' });

export const PLACE: ItemKind<PlaceData> = {
  kind: 'place',
  label: 'place',
  schema: z.object({ code: district, name: text(100), period, source: text(300) }).strict(),
  title: (d) => d.name,
};

export const DELIVERY_SYSTEM: ItemKind<DeliverySystemData> = {
  kind: 'delivery-system',
  label: 'delivery system',
  schema: z
    .object({ name: text(100), places: z.array(district).min(1, { message: 'must name at least one place' }).max(100), period, source: text(300) })
    .strict()
    .refine((d) => new Set(d.places).size === d.places.length, { message: 'places must not name a place twice', path: ['places'] }),
  title: (d) => d.name,
};

registerItemKinds(PLACE as ItemKind<never>, DELIVERY_SYSTEM as ItemKind<never>);

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** Stable ids, so seeding twice (or on every start) finds what is there and never duplicates. */
export const placeId = (footprint: string, code: string) => `place-${footprint}-${code}`;
export const deliverySystemId = (footprint: string, name: string) => `delivery-system-${footprint}-${slug(name)}`;

const BUNDLED_SOURCE = 'footprints-json: the footprint\'s public plans (packages/geography/data/footprints.json)';

/**
 * Seeds the places and delivery systems of a footprint bundled in footprints.json (Cheshire and
 * Merseyside E54000008, Lancashire and South Cumbria E54000048, Herefordshire and Worcestershire
 * E54000019), from the footprint's start as an STP; idempotent, and what leads have edited stays.
 * Returns how many items the footprint has from the bundle (0 when it is not bundled).
 */
export async function seedBundledPlaces(store: PartnershipStore, footprint: string, editor: Editor = PLATFORM_EDITOR): Promise<number> {
  const definition = footprintDefinitions().find((f) => f.ons_code === footprint);
  if (!definition) return 0;
  const codeOf = new Map(definition.places.map((p) => [p.name, p.lad19_code]));
  for (const place of definition.places) {
    await store.seed(PLACE, { id: placeId(footprint, place.lad19_code), footprint, data: { code: place.lad19_code, name: place.name, period: { start: STP_START }, source: BUNDLED_SOURCE } }, editor);
  }
  for (const system of definition.delivery_systems ?? []) {
    const places = system.places.map((name) => {
      const code = codeOf.get(name);
      if (!code) throw new Error(`footprints.json: delivery system ${system.name} names ${name}, which is not one of ${definition.name}'s places`);
      return code;
    });
    await store.seed(DELIVERY_SYSTEM, { id: deliverySystemId(footprint, system.name), footprint, data: { name: system.name, places, period: { start: STP_START }, source: BUNDLED_SOURCE } }, editor);
  }
  return definition.places.length + (definition.delivery_systems?.length ?? 0);
}

export function placeView(item: Item<PlaceData>): PlaceView {
  const { code, name, period: p, source } = item.data;
  return { code, name, ...(p.start ? { start: p.start } : {}), ...(p.end ? { end: p.end } : {}), itemId: item.id, source };
}

export function deliverySystemView(item: Item<DeliverySystemData>): DeliverySystemView {
  const { name, places, period: p, source } = item.data;
  return { id: item.id, name, places, ...(p.start ? { start: p.start } : {}), ...(p.end ? { end: p.end } : {}), source };
}

/** The footprint's places and delivery systems on a date (or all of them, with `on` undefined), by name. */
export async function placesOn(store: PartnershipStore, footprint: string, on?: string): Promise<{ places: Item<PlaceData>[]; deliverySystems: Item<DeliverySystemData>[] }> {
  const when = <T extends { period: { start?: string; end?: string }; name: string }>(items: Item<T>[]) =>
    items.filter((i) => on === undefined || inPeriod(i.data.period, on)).sort((a, b) => a.data.name.localeCompare(b.data.name));
  const [places, deliverySystems] = await Promise.all([store.list(PLACE, footprint), store.list(DELIVERY_SYSTEM, footprint)]);
  return { places: when(places), deliverySystems: when(deliverySystems) };
}

/**
 * Refuses (400) a delivery system naming a place the footprint does not hold, or a place whose
 * district the footprint already holds under another item (each district is one place).
 */
export async function checkPlacesEdit(store: PartnershipStore, footprint: string, edit: { kind: 'place'; data: PlaceData; id?: string } | { kind: 'delivery-system'; data: DeliverySystemData }): Promise<void> {
  const places = await store.list(PLACE, footprint);
  if (edit.kind === 'place') {
    const twin = places.find((p) => p.data.code === edit.data.code && p.id !== edit.id);
    if (twin) throw new PartnershipProblem(409, 'Place already in the register', `${edit.data.code} is already a place of this footprint (${twin.data.name}): change that one instead.`);
    return;
  }
  const known = new Set(places.map((p) => p.data.code));
  const unknown = edit.data.places.filter((code) => !known.has(code));
  if (unknown.length) throw new PartnershipProblem(400, 'Invalid delivery system', `places: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a place' : 'are not places'} of this footprint; add ${unknown.length === 1 ? 'it' : 'them'} as a place first.`);
}
