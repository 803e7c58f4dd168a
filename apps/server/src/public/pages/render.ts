import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PublicDocument, type PublicPageFrame } from '@footprint/web/public';
import { DEFAULT_WEB_DIST } from '../../web';

let stylesheets: string[] | undefined;

/** The built web app's stylesheets (NHS.UK frontend and Footprint's own), read once from dist/index.html; none when it is not built. */
export function builtStylesheets(dist = DEFAULT_WEB_DIST): string[] {
  if (stylesheets) return stylesheets;
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return stylesheets;
}

/**
 * Sends a public page: the element rendered to HTML on the server inside the public layout, so it
 * reads without JavaScript. Every text value React renders is escaped; nothing is ever inserted as
 * HTML. Pages that take input add their own script (progressive enhancement) through `frame.scripts`.
 */
export function sendPublicPage(reply: FastifyReply, frame: Omit<PublicPageFrame, 'stylesheets'>, body: ReactElement, status = 200): FastifyReply {
  const html = `<!doctype html>${renderToStaticMarkup(PublicDocument({ ...frame, stylesheets: builtStylesheets(), children: body }))}`;
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
