import type { Catalogue, GroupLabels } from '../../api/types';

/** The display name of a group code (a place or practice name, "Decile 3", or the code itself). */
export function groupLabel(by: string, group: string | null, labels: GroupLabels): string {
  if (group === null) return 'Unknown';
  if (labels[group]) return labels[group];
  if (by === 'imd_decile') return `Decile ${group}`;
  if (by === 'imd_quintile') return `Quintile ${group}`;
  if (by === 'footprint') return 'Whole footprint';
  if (by === 'core20') return group === 'true' ? 'Core20 (most deprived 20%)' : 'Rest of footprint';
  return group.charAt(0).toUpperCase() + group.slice(1);
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
