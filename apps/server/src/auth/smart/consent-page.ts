import type { SmartApp } from './apps';
import { describeScope } from './scopes';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.5;color:#212b32;background:#f0f4f5}
main{background:#fff;padding:1.5em 2em;border-top:4px solid #005eb8}
h1{font-size:1.75em;margin-top:0}ul{padding-left:1.25em}
button{font-size:1.1em;padding:.5em 1.25em;margin-right:1em;border:0;border-radius:4px;cursor:pointer}
.approve{background:#007f3b;color:#fff}.deny{background:#d8dde0;color:#212b32}
.hint{color:#4c6272}`;

function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}
<title>${escapeHtml(title)} – Footprint</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The consent screen: which app, what it asks to do with the person's record, approve or refuse. */
export function consentPage(options: { app: SmartApp; scopes: readonly string[]; personName?: string; requestId: string; csrf: string }): string {
  const items = options.scopes.map((s) => `<li>${escapeHtml(describeScope(s))} <span class="hint">(${escapeHtml(s)})</span></li>`).join('');
  const who = options.personName ? `<p>You are signed in as <strong>${escapeHtml(options.personName)}</strong>.</p>` : '';
  return page(
    `Connect ${options.app.name}`,
    `<h1>Allow ${escapeHtml(options.app.name)} to use your health record?</h1>${who}
<p>${escapeHtml(options.app.name)} is an app you chose. It is not part of the NHS. If you allow it, it will be able to:</p>
<ul>${items}</ul>
<p class="hint">It can only see your own record. Every time it looks, it appears in your access log.</p>
<form method="post" action="/oauth/consent">
<input type="hidden" name="request" value="${escapeHtml(options.requestId)}">
<input type="hidden" name="csrf" value="${escapeHtml(options.csrf)}">
<button class="approve" type="submit" name="decision" value="approve">Allow</button>
<button class="deny" type="submit" name="decision" value="deny">Do not allow</button>
</form>`,
  );
}

/** A page for a request that cannot go back to the app (unknown app, unregistered redirect, expired request). */
export function errorPage(title: string, detail: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p class="hint">Go back to the app and start again.</p>`);
}

/** A page that reloads itself from this site (so SameSite=Strict session cookies are sent), with a link for browsers that do not. */
export function checkingPage(next: string): string {
  const url = escapeHtml(next);
  return page('Checking you are signed in', `<h1>Checking you are signed in</h1><p><a href="${url}">Continue</a></p>`, `<meta http-equiv="refresh" content="0;url=${url}">`);
}
