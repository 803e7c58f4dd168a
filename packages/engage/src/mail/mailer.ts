import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage } from './compose';

/** How Footprint sends mail: an SMTP server's URL (smtp:// or smtps://, credentials in it if needed) and the From address. */
export interface MailSettings {
  smtpUrl: string;
  from: string;
}

/** The From address when FOOTPRINT_MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = 'Get in touch <engagement@footprint.invalid>';

/**
 * Mail settings from FOOTPRINT_SMTP_URL (for example `smtp://127.0.0.1:2525` or
 * `smtps://user:password@smtp.example.nhs.uk:465`) and FOOTPRINT_MAIL_FROM; undefined when no SMTP
 * URL is configured (replies are then recorded but not emailed). A malformed URL stops start-up.
 */
export function mailSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): MailSettings | undefined {
  const url = env.FOOTPRINT_SMTP_URL?.trim();
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('FOOTPRINT_SMTP_URL must be a URL such as smtp://127.0.0.1:2525');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error(`FOOTPRINT_SMTP_URL must start smtp:// or smtps://, not ${parsed.protocol}//`);
  return { smtpUrl: url, from: env.FOOTPRINT_MAIL_FROM?.trim() || DEFAULT_MAIL_FROM };
}

/** Where mail goes, for staff pages: host and port, never the credentials. */
function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol.replace(':', '')}://${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? '465' : '25')}`;
}

/**
 * Sends mail through SMTP with nodemailer, or says it cannot: built from MailSettings, or from
 * none (not configured), when `send` refuses with a plain reason and staff pages say so.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;
  /** True when there is an SMTP server to send through. */
  readonly configured: boolean;
  /** `smtp://host:port`, or why mail is not sent. */
  readonly description: string;

  constructor(private readonly settings: MailSettings | undefined) {
    this.configured = settings !== undefined;
    this.description = settings ? describe(settings.smtpUrl) : 'Email is not configured (FOOTPRINT_SMTP_URL is not set): replies are recorded but not sent.';
    this.transport = settings ? nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }) : undefined;
  }

  /** Sends one plain-text message; resolves with the SMTP server's message id, rejects with its error. */
  async send(message: MailMessage): Promise<string> {
    if (!this.transport || !this.settings) throw new Error('Email is not configured (FOOTPRINT_SMTP_URL is not set)');
    const info = (await this.transport.sendMail({ from: this.settings.from, to: message.to, subject: message.subject, text: message.text })) as { messageId?: string };
    return info.messageId ?? '';
  }

  close(): void {
    this.transport?.close();
  }
}
