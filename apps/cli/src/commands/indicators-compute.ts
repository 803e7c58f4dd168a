import type { Command } from 'commander';

/** `footprint indicators compute`: indicator values from the warehouse (docs/performance.md §4). */
export function registerIndicatorsCompute(indicators: Command): void {
  void indicators;
}
