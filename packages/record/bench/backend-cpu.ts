import { readFileSync } from 'node:fs';
import type { SqlClient } from '../src/db/sql-client';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a local process has used, from /proc (Linux; the server must run on this machine). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Measures the CPU the PostgreSQL backends serving `applicationName` use, so the benchmark can
 * report database CPU per resource independently of other load on a shared machine.
 */
export class BackendCpu {
  private baseline = new Map<number, number>();

  constructor(
    private readonly sql: SqlClient,
    private readonly applicationName: string,
  ) {}

  private async pids(): Promise<number[]> {
    const { rows } = await this.sql.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [this.applicationName]);
    return rows.map((r) => Number(r.pid));
  }

  async start(): Promise<void> {
    for (const pid of await this.pids()) this.baseline.set(pid, cpuSeconds(pid));
  }

  /** CPU seconds used by the backends since start (backends opened since count in full). */
  async used(): Promise<number> {
    let total = 0;
    for (const pid of await this.pids()) total += cpuSeconds(pid) - (this.baseline.get(pid) ?? 0);
    return total;
  }
}
