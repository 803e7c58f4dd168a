import type { z } from 'zod';

/**
 * One kind of partnership item (a governance body, a milestone, a place…): its name, the schema
 * its data must meet, the kind its parent must be (if it has one), and how to title it in lists
 * and history. Each part of the register and plan declares its kinds and registers them once.
 */
export interface ItemKind<T = unknown> {
  /** Stored in partnership_item.kind: lower-case words joined by hyphens ('governance-body'); never changes once released. */
  kind: string;
  /** What people call one ("governance body"). */
  label: string;
  schema: z.ZodType<T>;
  /** The kind an item of this kind hangs under (a meeting under a governance body), if any. */
  parentKind?: string | readonly string[];
  /** A short title for lists and history ("Partnership board, 12 March 2024"). */
  title(data: T): string;
}

const registry = new Map<string, ItemKind>();

/** Registers kinds (idempotent for the same object; a different object under a taken name is a programming error). */
export function registerItemKinds(...kinds: ItemKind<never>[]): void {
  for (const k of kinds as unknown as ItemKind[]) {
    const existing = registry.get(k.kind);
    if (existing && existing !== k) throw new Error(`partnership item kind '${k.kind}' is registered twice`);
    if (!/^[a-z]+(-[a-z]+)*$/.test(k.kind)) throw new Error(`partnership item kind '${k.kind}' must be lower-case words joined by hyphens`);
    registry.set(k.kind, k);
  }
}

export function itemKind(kind: string): ItemKind | undefined {
  return registry.get(kind);
}

export function itemKinds(): ItemKind[] {
  return [...registry.values()];
}
