import { expect } from 'vitest';
import { upsertUser } from '../../src/api/auth/users';
import type { TestServer } from '../support';

export type Who = { cookie: string; csrf: string };

const organisation = { code: 'QYG', name: 'Cheshire and Merseyside Health and Care Partnership', reference: 'Organization/org-QYG' };

/** A staff user of this role, signed in through POST /api/session. */
export async function signedIn(server: TestServer, username: string, role: 'partnership_lead' | 'administrator' | 'gp_clinician'): Promise<Who> {
  const password = `${username} password`;
  await upsertUser(server.platform.sql, { username, role, displayName: `Staff ${username}`, password, organisation });
  const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  expect(response.statusCode).toBe(200);
  return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
}

/** A staff API call with the session and its CSRF token. */
export function staffCall(server: TestServer, who: Who, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  return server.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

/** Posts the public contact form as a browser does (urlencoded), from an address. */
export function postForm(server: TestServer, fields: Record<string, string>, from: string) {
  return server.app.inject({ method: 'POST', url: '/public/contact', remoteAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
}

/** Attempts to break out of text into markup, SQL or control, and text from beyond ASCII: each must come back exactly as sent. */
export const HOSTILE = {
  script: '<script>alert("pwned")</script>',
  attribute: '"><img src=x onerror=alert(1)>',
  sql: "Robert'); DROP TABLE engage_enquiry; -- ' OR '1'='1",
  unicode: 'Zoë Ó Súilleabháin – 你好 – مرحبا – 👩🏽‍⚕️ – \u202Eevil\u202C',
};
