/**
 * Fill colours for the map's groups (delivery systems), from the NHS identity palette, in an order
 * that keeps neighbours apart; each has a legend swatch class `footprint-map__swatch--N` in map.css.
 * Colour is never the only cue: the legend names each group and the table beside the map lists them.
 */
export const GROUP_COLOURS = ['#005eb8', '#007f3b', '#ffb81c', '#7c2855', '#00a499', '#ed8b00', '#330072', '#ae2573', '#41b6e6', '#78be20'] as const;
/** The fill of a place in no group. */
export const UNGROUPED_COLOUR = '#aeb7bd';

/** The colour index of a group (wrapping after the palette), or -1 for none. */
export function groupIndex(groups: readonly string[], group: string | null): number {
  const i = group === null ? -1 : groups.indexOf(group);
  return i < 0 ? -1 : i % GROUP_COLOURS.length;
}

export function groupColour(index: number): string {
  return index < 0 ? UNGROUPED_COLOUR : GROUP_COLOURS[index];
}
