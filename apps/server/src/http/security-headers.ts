import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy every answer carries. Scripts, styles, fonts and connections come
 * from this origin only (fonts also from assets.nhs.uk, where the NHS.UK frontend gets the NHS font); no inline script at all; the server-rendered pages' own `<style>` blocks
 * (consent and sign-in pages) are allowed by their SHA-256 hashes, added to each HTML answer's
 * policy (see `hashInlineStyles`); images from this origin or `data:` (the NHS.UK frontend's icons);
 * no plugins, no framing by anyone, no `<base>` elsewhere. `form-action` is left open because the
 * SMART consent form's answer redirects to the app's registered redirect URI, on another origin.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  // The NHS.UK frontend's stylesheet loads the NHS's licensed Frutiger font from the NHS's own CDN (it may not be redistributed).
  fontSrc: ["'self'", 'https://assets.nhs.uk'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: null,
  upgradeInsecureRequests: null,
} as const;

const STYLE_BLOCK = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi;

/** The CSP source expressions (`'sha256-…'`) of the inline `<style>` blocks in an HTML page. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(STYLE_BLOCK)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}

/** Adds the hashes of a page's own `<style>` blocks to the style-src of its policy. */
export function hashInlineStyles(policy: string, html: string): string {
  const hashes = inlineStyleHashes(html);
  if (hashes.length === 0) return policy;
  return policy.replace(/style-src ([^;]*)/, (_m, sources: string) => `style-src ${sources} ${[...new Set(hashes)].join(' ')}`);
}

/**
 * @fastify/helmet on every answer: the strict CSP above, X-Frame-Options DENY, nosniff,
 * Referrer-Policy no-referrer (a URL may carry an identifier), HSTS (browsers honour it only over
 * TLS), same-origin opener and resource policies. Server-rendered HTML gets its inline styles hashed.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    const policy = reply.getHeader('content-security-policy');
    if (typeof payload === 'string' && type.startsWith('text/html') && typeof policy === 'string') {
      reply.header('content-security-policy', hashInlineStyles(policy, payload));
    }
    return payload;
  });
}
