import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { SqlClient } from '@footprint/record';

/** The largest message the sink keeps (a reply is a few kilobytes). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** A message the demo's mail sink received, as the administrator sees it at /engage/mail. */
export interface SinkMessage {
  id: number;
  receivedAt: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  from: string | null;
  to: string | null;
  subject: string | null;
  messageId: string | null;
  text: string | null;
  size: number;
}

/** The running sink: where to send to, and how to stop it. */
export interface RunningMailSink {
  /** `smtp://127.0.0.1:<port>`, for FOOTPRINT_SMTP_URL or the server's mail option. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string | null => (value === undefined ? null : [value].flat().map((a) => a.text).join(', '));

/**
 * The demo's local mail sink: an SMTP server (smtp-server) on 127.0.0.1 that accepts every message
 * without authentication or TLS, parses it (mailparser) and keeps it in engage_mail_sink_message,
 * so replies to enquiries can be read at /engage/mail instead of reaching anyone. Only `footprint
 * demo` (and tests) start it: it listens on the loopback address alone, on a free port unless one is given.
 */
export async function startMailSink(sql: SqlClient, options: { port?: number } = {}): Promise<RunningMailSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    banner: 'Footprint demo mail sink: nothing is delivered',
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error('Message too large for the demo mail sink'), { responseCode: 552 }));
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((mail) =>
            sql.query('INSERT INTO engage_mail_sink_message (envelope_from, envelope_to, from_header, to_header, subject, message_id, text_body, size) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
              session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              session.envelope.rcptTo.map((r) => r.address),
              addresses(mail.from),
              addresses(mail.to),
              mail.subject ?? null,
              mail.messageId ?? null,
              mail.text ?? null,
              raw.length,
            ]),
          )
          .then(
            () => callback(),
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
          );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the demo's mail sink has received, newest first. */
export async function sinkMessages(sql: SqlClient, limit = 100): Promise<SinkMessage[]> {
  const { rows } = await sql.query<{ id: string; received_at: Date | string; envelope_from: string | null; envelope_to: string[]; from_header: string | null; to_header: string | null; subject: string | null; message_id: string | null; text_body: string | null; size: number }>(
    'SELECT * FROM engage_mail_sink_message ORDER BY id DESC LIMIT $1',
    [Math.max(1, Math.min(limit, 500))],
  );
  return rows.map((r) => ({ id: Number(r.id), receivedAt: new Date(r.received_at).toISOString(), envelopeFrom: r.envelope_from, envelopeTo: r.envelope_to, from: r.from_header, to: r.to_header, subject: r.subject, messageId: r.message_id, text: r.text_body, size: r.size }));
}
