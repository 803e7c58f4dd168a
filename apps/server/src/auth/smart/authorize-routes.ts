import { createHmac, timingSafeEqual } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { SqlClient } from '@footprint/record';
import { isCrossSite } from '../../api/auth/guard';
import { publicFhirBase, type PublicBase } from '../../http/public-base';
import { findSmartApp } from './apps';
import { checkingPage, consentPage, errorPage } from './consent-page';
import { decideRequest, issueCode, pendingRequest, saveRequest } from './grants';
import type { PersonAuthenticator } from './person';
import { isS256Challenge } from './pkce';
import { grantsData, narrowAppScopes } from './scopes';

export interface SmartAuthorizeOptions {
  sql: SqlClient;
  /** The HMAC key binding the consent form to its request and person (`<data dir>/signing-key`). */
  signingKey: Buffer;
  person: PersonAuthenticator;
  /** The configured public addresses: the `aud` an app must send is the public FHIR base, never taken from the Host header. */
  publicBase: PublicBase;
}

type Query = Record<string, string | string[] | undefined>;

function one(query: Query, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').header('x-frame-options', 'DENY').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'").type('text/html; charset=utf-8').send(body);
}

/** Sends the browser back to the app with the answer (RFC 6749 §4.1.2), keeping the redirect URI's own query. */
function backToApp(reply: FastifyReply, redirectUri: string, params: Record<string, string>): FastifyReply {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return reply.code(303).header('cache-control', 'no-store').redirect(url.toString());
}

/** Binds the consent form to the request and the person who saw it, so another site cannot post it. */
function consentToken(key: Buffer, requestId: string, patientId: string): string {
  return createHmac('sha256', key).update(`smart-consent\n${requestId}\n${patientId}`).digest('base64url');
}

/** The same URL once written canonically (default port dropped, host lower-cased), ignoring one trailing slash. */
function sameUrl(given: string, expected: string): boolean {
  try {
    return new URL(given).href.replace(/\/$/, '') === new URL(expected).href.replace(/\/$/, '');
  } catch {
    return false;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * SMART App Launch, standalone: the authorization endpoint (authorization code with PKCE S256,
 * redirect URIs matched exactly against the app's registration, scopes narrowed by the record's
 * grantScopes), then the person signs in and approves the app on a consent screen, and the
 * browser returns to the app with a one-time code for the token endpoint.
 */
export const smartAuthorizeRoutes: FastifyPluginAsync<SmartAuthorizeOptions> = async (app, options) => {
  await app.register(formbody);
  const { sql, person } = options;

  app.get('/oauth/authorize', async (request, reply) => {
    const query = (request.query ?? {}) as Query;
    const clientId = one(query, 'client_id');
    const redirectUri = one(query, 'redirect_uri');
    // Until the app and its redirect URI are known, nothing may be sent to the redirect URI (§4.1.2.1).
    if (!clientId) return html(reply, 400, errorPage('The app did not say who it is', 'The request has no client_id.'));
    const smartApp = await findSmartApp(sql, clientId);
    if (!smartApp) return html(reply, 400, errorPage('Unknown app', 'This app is not registered with Footprint, or has been disabled.'));
    if (!redirectUri || !smartApp.redirectUris.includes(redirectUri)) {
      return html(reply, 400, errorPage('The app gave an address that is not registered', 'redirect_uri must be exactly one of the addresses registered for this app.'));
    }
    const state = one(query, 'state');
    const refuse = (error: string, description: string) => backToApp(reply, redirectUri, { error, error_description: description, ...(state ? { state } : {}) });
    if (one(query, 'response_type') !== 'code') return refuse('unsupported_response_type', 'response_type must be code');
    if (!state) return refuse('invalid_request', 'state is required');
    if (one(query, 'launch') !== undefined) return refuse('invalid_request', 'EHR launch is not supported; use standalone launch (scope launch/patient)');
    const challenge = one(query, 'code_challenge');
    if (one(query, 'code_challenge_method') !== 'S256' || !challenge) return refuse('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256');
    if (!isS256Challenge(challenge)) return refuse('invalid_request', 'code_challenge must be the base64url SHA-256 of the code verifier (43 characters)');
    const expectedAud = publicFhirBase(app, options.publicBase);
    const aud = one(query, 'aud');
    if (!aud) return refuse('invalid_request', `aud is required: the FHIR base URL, ${expectedAud}`);
    if (!sameUrl(aud, expectedAud)) return refuse('invalid_request', `aud must be this server's FHIR base URL, ${expectedAud}`);
    const scopes = narrowAppScopes(one(query, 'scope'), smartApp.scopes);
    if (!grantsData(scopes)) return refuse('invalid_scope', `Ask for patient scopes this app is registered for: ${smartApp.scopes.join(' ')}`);
    const saved = await saveRequest(sql, { clientId, redirectUri, scopes, state, codeChallenge: challenge });
    return reply.code(303).redirect(`/oauth/consent?request=${encodeURIComponent(saved.id)}`);
  });

  app.get('/oauth/consent', async (request, reply) => {
    const id = one((request.query ?? {}) as Query, 'request');
    const pending = id ? await pendingRequest(sql, id) : undefined;
    if (!id || !pending) return html(reply, 400, errorPage('This request has expired', 'The request to connect the app is unknown, has been answered or is more than ten minutes old.'));
    const signedIn = await person.signedIn(request);
    if (!signedIn) {
      // The person's session cookie is SameSite=Strict, so a browser arriving from the app's site
      // does not send it. Look once more from this site's own page before asking them to sign in.
      const here = `/oauth/consent?request=${encodeURIComponent(id)}`;
      if (one((request.query ?? {}) as Query, 'checked') !== '1') return html(reply, 200, checkingPage(`${here}&checked=1`));
      return reply.code(303).redirect(person.signInUrl(here));
    }
    const smartApp = await findSmartApp(sql, pending.clientId);
    if (!smartApp) return html(reply, 400, errorPage('Unknown app', 'This app has been disabled.'));
    return html(reply, 200, consentPage({ app: smartApp, scopes: pending.scopes, requestId: id, csrf: consentToken(options.signingKey, id, signedIn.patientId), ...(signedIn.name ? { personName: signedIn.name } : {}) }));
  });

  app.post('/oauth/consent', async (request: FastifyRequest, reply) => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Query;
    const id = one(body, 'request');
    const decision = one(body, 'decision');
    if (isCrossSite(request)) return html(reply, 403, errorPage('Request refused', 'The answer did not come from this page.'));
    const signedIn = await person.signedIn(request);
    if (!signedIn) return html(reply, 401, errorPage('You are not signed in', 'Your session ended before you answered.'));
    const csrf = one(body, 'csrf');
    if (!id || !csrf || !sameToken(csrf, consentToken(options.signingKey, id, signedIn.patientId))) {
      return html(reply, 403, errorPage('Request refused', 'The answer did not come from the consent page shown to you.'));
    }
    if (decision !== 'approve' && decision !== 'deny') return html(reply, 400, errorPage('No answer given', 'Choose Allow or Do not allow.'));
    const decided = await decideRequest(sql, id);
    if (!decided) return html(reply, 400, errorPage('This request has expired', 'The request has already been answered or is more than ten minutes old.'));
    if (decision === 'deny') return backToApp(reply, decided.redirectUri, { error: 'access_denied', error_description: 'The person did not allow access', state: decided.state });
    const code = await issueCode(sql, { clientId: decided.clientId, redirectUri: decided.redirectUri, codeChallenge: decided.codeChallenge, scopes: decided.scopes, patientId: signedIn.patientId, nhsNumber: signedIn.nhsNumber });
    request.log.info({ clientId: decided.clientId }, 'SMART app approved by the person');
    return backToApp(reply, decided.redirectUri, { code, state: decided.state });
  });
};
