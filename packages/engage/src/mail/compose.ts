/** An email as Footprint sends it: plain text only (never HTML), so nothing anyone typed can become markup. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** The subject and text of a reply to an enquiry: greeting, the reply as staff wrote it, the reference and the signature. */
export function replyMail(input: { reference: string; name: string | null; reply: string; signature: string }): { subject: string; text: string } {
  const greeting = input.name ? `Dear ${input.name},` : 'Hello,';
  return {
    subject: `Your message to us (reference ${input.reference})`,
    text: `${greeting}\n\n${input.reply}\n\n${input.signature}\n\nThis is a reply to the message you sent us through "Get in touch". Your reference is ${input.reference}: please quote it if you write to us about this again.\n`,
  };
}
