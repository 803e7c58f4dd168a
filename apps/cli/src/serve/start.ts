import { DEFAULT_MAIL_FROM, mailSettingsFromEnvironment, startMailSink, type RunningMailSink } from '@footprint/engage';
import { buildServer, type ServerOptions } from '@footprint/server';
import type { OpenPlatform } from '../platform';
import { auditHeadInterval, startAuditHeadTimer } from './audit-head-timer';

export interface ListenOptions {
  port: number;
  host: string;
}

/** Reads a port from an option, then PORT, then 8080; rejects anything that is not a TCP port. */
export function resolvePort(option: string | undefined): number {
  const text = option ?? process.env.PORT ?? '8080';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a TCP port: ${text}`);
  return port;
}

/**
 * Builds the server on an open platform, listens, prints where everything is and closes storage
 * cleanly on SIGINT/SIGTERM (so embedded data is flushed and export jobs resume next time).
 */
export async function startServer(platform: OpenPlatform, listen: ListenOptions, options: ServerOptions = {}): Promise<void> {
  // The demo (the only caller that serves its demo users) sends mail to a sink of its own on 127.0.0.1, unless SMTP is configured.
  const sink: RunningMailSink | undefined = options.demoUsers && options.mail === undefined && !mailSettingsFromEnvironment() ? await startMailSink(platform.sql) : undefined;
  const app = buildServer(platform, {
    ...options,
    ...(sink ? { mail: { smtpUrl: sink.url, from: process.env.FOOTPRINT_MAIL_FROM?.trim() || DEFAULT_MAIL_FROM, demoSink: true } } : {}),
    onAdministratorCreated: (path) => console.log(`Created the administrator client; its id and secret are in ${path}`),
  });
  const headSeconds = auditHeadInterval();
  let stopHeads = async () => undefined as void;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await sink?.close();
    await stopHeads();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await app.listen({ port: listen.port, host: listen.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    await sink?.close();
    await platform.close();
    throw error;
  }
  stopHeads = startAuditHeadTimer(platform, app.log, headSeconds);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  const shown = listen.host === '0.0.0.0' || listen.host === '::' ? 'localhost' : listen.host;
  console.log(`Footprint is serving ${platform.storage}`);
  console.log(`  web app     http://${shown}:${port}/`);
  console.log(`  FHIR R4     http://${shown}:${port}/fhir/R4  (token: footprint token)`);
  console.log(`  credentials ${platform.dataDir}/credentials.json`);
  if (sink) console.log(`  mail sink   ${sink.url}  (the demo's replies to enquiries, read at /engage/mail)`);
}
