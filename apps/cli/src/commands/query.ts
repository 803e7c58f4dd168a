import type { Command } from 'commander';

/** Not yet written: the owning workstream replaces this file. */
export function register(_program: Command): void {}
