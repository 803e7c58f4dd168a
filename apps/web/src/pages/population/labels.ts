import type { Catalogue, GroupLabels } from '../../api/types';

/**
 * How a group reads: the label the API sent with the figure (insight's vocabulary, with places and
 * practices named), or the code itself. A group with no value is "Unknown".
 */
export function groupLabel(group: string | null, labels: GroupLabels): string {
  if (group === null) return 'Unknown';
  return labels[group] ?? group;
}

export function registerName(catalogue: Catalogue, id: string): string {
  return catalogue.registers.find((r) => r.id === id)?.name ?? id;
}

export function breakdownName(catalogue: Catalogue, id: string): string {
  const name = catalogue.breakdowns.find((b) => b.id === id)?.name ?? id;
  // Lower-case the first word for use mid-sentence, but keep acronyms such as IMD and GP.
  return /^[A-Z]{2,}/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** A table column heading for the breakdown ("Place", "IMD decile"). */
export function breakdownHeading(catalogue: Catalogue, id: string): string {
  return catalogue.breakdowns.find((b) => b.id === id)?.name ?? 'Group';
}
