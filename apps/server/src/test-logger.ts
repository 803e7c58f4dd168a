import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { loggerOptions } from './logging';

/** Set by the suite's global setup (tools/log-scan): the folder every test server writes its log to. */
export const TEST_LOG_DIR_VARIABLE = 'FOOTPRINT_TEST_LOG_DIR';

let destination: pino.DestinationStream | undefined;

/**
 * The logger a test server uses: the server's own settings (redaction, serialisers) at debug
 * level, written to one file per test process in FOOTPRINT_TEST_LOG_DIR, so that the log scan at
 * the end of the run reads every line the servers wrote. Silent (`false`) when the variable is
 * not set, e.g. a test file run outside vitest's global setup.
 */
export function testLogger(): FastifyServerOptions['logger'] {
  const dir = process.env[TEST_LOG_DIR_VARIABLE];
  if (!dir) return false;
  destination ??= pino.destination({ dest: join(dir, `server-${process.pid}-${randomBytes(3).toString('hex')}.ndjson`), sync: true, mkdir: true });
  return { ...(loggerOptions(process.env.FOOTPRINT_TEST_LOG_LEVEL ?? 'debug') as object), stream: destination };
}
