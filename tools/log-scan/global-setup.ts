import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanLogFolder } from './scan';

/** The variable the test servers read (apps/server/src/test-logger.ts) to write their logs to. */
const VARIABLE = 'FOOTPRINT_TEST_LOG_DIR';

/**
 * Vitest global setup: before any test, a fresh folder for the logs of every test server (one
 * NDJSON file per test process, through the server's own logger settings); after the last test,
 * scan them all for NHS numbers, names and dates of birth, and fail the run on any finding.
 * A folder given in FOOTPRINT_TEST_LOG_DIR is kept; the one made here is removed when clean.
 */
export default async function captureTestLogs(): Promise<() => Promise<void>> {
  const given = process.env[VARIABLE];
  const dir = given ?? (await mkdtemp(join(tmpdir(), 'footprint-test-logs-')));
  process.env[VARIABLE] = dir;
  return async () => {
    const { files, lines, findings } = await scanLogFolder(dir);
    process.stdout.write(`\nlog scan: ${lines} log lines in ${files} files from the test servers, ${findings.length} with an NHS number, name or date of birth\n`);
    if (findings.length > 0) {
      for (const f of findings.slice(0, 20)) process.stdout.write(`  ${f.kind} (${f.match}) in ${join(dir, f.file)}:${f.line}\n`);
      process.stdout.write(`The test servers' logs hold ${findings.length} NHS numbers, names or dates of birth (first 20 above; the logs are kept in ${dir})\n`);
      // Vitest reports an error thrown here but still exits 0, so fail the run through the exit code.
      process.exitCode = 1;
      return;
    }
    if (!given) await rm(dir, { recursive: true, force: true });
  };
}
