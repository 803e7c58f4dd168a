/** Mail for get in touch: the Mailer (nodemailer over SMTP, from configuration), the outbox that delivers and retries replies, and the demo's mail sink. */
export { replyMail, type MailMessage } from './compose';
export { DEFAULT_MAIL_FROM, Mailer, mailSettingsFromEnvironment, type MailSettings } from './mailer';
export { MAX_AUTOMATIC_ATTEMPTS, MailOutbox, type DeliveryResult } from './outbox';
export { queueMail, type QueuedMail } from './queue';
export { sinkMessages, startMailSink, type RunningMailSink, type SinkMessage } from './sink';
