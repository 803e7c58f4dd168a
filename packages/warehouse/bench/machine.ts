import { loadavg } from 'node:os';

/** The machine's load when the benchmark ran: on a shared machine wall-clock figures depend on it. */
export function cpuLoad(): string {
  return `load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`;
}
