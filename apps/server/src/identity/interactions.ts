import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEMO_IDP_PATH, escapeHtml, type DemoIdentityProvider } from './demo-provider';

const UID = /^[A-Za-z0-9_-]{1,64}$/;

interface LoginPage {
  uid: string;
  clientId: string;
  kind: 'citizen' | 'staff' | undefined;
  login?: string;
  error?: string;
}

/** The provider's own sign-in page, named after the service it stands in for. */
function loginPage({ uid, kind, login, error }: LoginPage): string {
  const service = kind === 'staff' ? 'NHS CIS2 (demo)' : 'NHS login (demo)';
  const hint =
    kind === 'staff'
      ? 'Sign in with the demo staff login from the Footprint start page. A real deployment uses NHS CIS2 (smartcard or authenticator).'
      : 'Sign in with the email address and password of a synthetic citizen from the Footprint start page. A real deployment uses NHS login.';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${error ? 'Error: ' : ''}Sign in: ${service}</title>
<style>
  body { font-family: Arial, sans-serif; background: #f0f4f5; color: #212b32; margin: 0; line-height: 1.5; }
  header { background: #005eb8; color: #fff; padding: 16px 24px; font-weight: bold; font-size: 1.2rem; }
  main { max-width: 36em; margin: 32px auto; background: #fff; padding: 24px 32px; }
  label { display: block; font-weight: bold; margin-top: 16px; }
  input { font-size: 1rem; padding: 8px; width: 100%; box-sizing: border-box; border: 2px solid #4c6272; margin-top: 4px; }
  input:focus, button:focus, a:focus { outline: 4px solid #ffeb3b; outline-offset: 0; }
  button { margin-top: 24px; font-size: 1.1rem; padding: 10px 20px; background: #007f3b; color: #fff; border: 0; border-bottom: 4px solid #00401e; cursor: pointer; }
  .error { border-left: 8px solid #d5281b; padding: 8px 16px; margin-bottom: 16px; }
  .error p { color: #d5281b; font-weight: bold; margin: 0; }
  a { color: #005eb8; }
</style></head>
<body><header>${service}</header>
<main id="maincontent">
  ${error ? `<div class="error" role="alert"><h2>There is a problem</h2><p>${escapeHtml(error)}</p></div>` : ''}
  <h1>Sign in</h1>
  <p>${escapeHtml(hint)}</p>
  <form method="post" action="${DEMO_IDP_PATH}/interaction/${escapeHtml(uid)}/login" novalidate>
    <label for="login">Email address</label>
    <input id="login" name="login" type="email" autocomplete="username" spellcheck="false" value="${escapeHtml(login ?? '')}">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password">
    <button type="submit">Continue</button>
  </form>
  <p><a href="${DEMO_IDP_PATH}/interaction/${escapeHtml(uid)}/abort">Cancel and go back to Footprint</a></p>
</main></body></html>`;
}

function formBody(body: unknown): Record<string, string> {
  return body && typeof body === 'object' ? (body as Record<string, string>) : {};
}

/**
 * The demo provider's interactions (sign-in, cancel) and the provider's own endpoints
 * (discovery, authorize, token, userinfo, JWKS, end session) under /idp. The provider reads
 * its own request bodies, so its routes keep Fastify's body parsers out of the way.
 */
export async function demoProviderRoutes(app: FastifyInstance, demo: () => Promise<DemoIdentityProvider>): Promise<void> {
  await app.register(async (interactions) => {
    interactions.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    const sendPage = (reply: FastifyReply, status: number, html: string) =>
      reply.code(status).header('cache-control', 'no-store').header('x-frame-options', 'DENY').type('text/html; charset=utf-8').send(html);

    async function details(request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) {
      const idp = await demo();
      if (!UID.test(request.params.uid)) return undefined;
      try {
        const found = await idp.provider.interactionDetails(request.raw, reply.raw);
        return found.uid === request.params.uid ? { idp, found } : undefined;
      } catch {
        return undefined;
      }
    }
    const expired = (reply: FastifyReply) =>
      sendPage(reply, 400, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in expired</title></head><body style="font-family: Arial, sans-serif; max-width: 40em; margin: 3em auto"><h1>This sign-in has expired</h1><p><a href="/">Go back to Footprint</a> and start again.</p></body></html>`);

    interactions.get<{ Params: { uid: string } }>(`${DEMO_IDP_PATH}/interaction/:uid`, async (request, reply) => {
      const found = await details(request, reply);
      if (!found) return expired(reply);
      const clientId = String(found.found.params.client_id);
      return sendPage(reply, 200, loginPage({ uid: found.found.uid, clientId, kind: found.idp.accountKindFor(clientId) }));
    });

    interactions.post<{ Params: { uid: string } }>(`${DEMO_IDP_PATH}/interaction/:uid/login`, async (request, reply) => {
      const found = await details(request, reply);
      if (!found) return expired(reply);
      const { idp } = found;
      const clientId = String(found.found.params.client_id);
      const kind = idp.accountKindFor(clientId);
      const { login = '', password = '' } = formBody(request.body);
      const page = { uid: found.found.uid, clientId, kind, login };
      if (!login.trim() || !password) return sendPage(reply, 400, loginPage({ ...page, error: 'Enter your email address and password.' }));
      const account = login.length <= 254 && password.length <= 256 ? await idp.accounts.authenticate(login, password) : undefined;
      if (!account || account.kind !== kind) {
        return sendPage(reply, 401, loginPage({ ...page, error: 'The email address or password is not correct.' }));
      }
      const redirect = await idp.provider.interactionResult(request.raw, reply.raw, { login: { accountId: account.id, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
      return reply.code(303).header('location', redirect).send();
    });

    interactions.get<{ Params: { uid: string } }>(`${DEMO_IDP_PATH}/interaction/:uid/abort`, async (request, reply) => {
      const found = await details(request, reply);
      if (!found) return expired(reply);
      const redirect = await found.idp.provider.interactionResult(
        request.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'The person cancelled the sign-in' },
        { mergeWithLastSubmission: false },
      );
      return reply.code(303).header('location', redirect).send();
    });
  });

  await app.register(async (endpoints) => {
    // Leave the request body unread: the provider parses its own (token requests, form posts).
    endpoints.removeAllContentTypeParsers();
    endpoints.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const idp = await demo();
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      // The provider routes on a path: `/idp?x` is its root, not a path of `?x` (which it answered with a 500).
      const rest = (raw.url ?? '').slice(DEMO_IDP_PATH.length);
      raw.url = rest.startsWith('/') ? rest : `/${rest}`;
      reply.hijack();
      void idp.provider.callback()(raw, reply.raw);
    };
    endpoints.all(DEMO_IDP_PATH, handler);
    endpoints.all(`${DEMO_IDP_PATH}/*`, handler);
  });
}
