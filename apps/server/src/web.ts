import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** Where `npm run build:web` writes the web app. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Footprint: web app not built</title>
<style>body { font-family: Arial, sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5 }</style></head>
<body>
<h1>The Footprint web app has not been built</h1>
<p>The server is running: the FHIR API is at <a href="/fhir/R4/metadata">/fhir/R4</a>.
To use the web app, build it with:</p>
<pre>npm run build:web</pre>
<p>and reload this page (<code>npm start</code> does this for you).</p>
</body></html>`;

/** Prefixes that belong to APIs: unknown paths under them are 404s, never the web app. */
const API_PREFIXES = ['/api/', '/fhir/', '/oauth/', '/.well-known/'];

/**
 * Serves the built web app from `dist`, with a single-page-app fallback: any other GET that
 * accepts HTML gets index.html so client-side routes work on reload. Without a build, a page
 * that says how to build it.
 */
export const webApp: FastifyPluginAsync<{ dist?: string }> = async (app, options) => {
  const dist = options.dist ?? DEFAULT_WEB_DIST;
  const built = existsSync(join(dist, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const isApi = API_PREFIXES.some((p) => path.startsWith(p) || path === p.slice(0, -1));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No route for ${request.method} ${path}` });
    }
    if (isApi) {
      if (path.startsWith('/fhir/')) {
        return reply.code(404).type('application/fhir+json').send({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'not-found', diagnostics: `No FHIR endpoint at ${path}; the FHIR R4 base is /fhir/R4` }],
        });
      }
      return reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No route for GET ${path}` });
    }
    if (!built) return reply.code(200).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
};
