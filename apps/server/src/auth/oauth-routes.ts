import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { grantScopes, splitScopes, type SqlClient } from '@footprint/record';
import { publicOrigin, type PublicBase } from '../http/public-base';
import { authenticateClient, type OAuthClient } from './clients';
import { scopesInContext } from './scope-context';
import { authenticateSmartApp } from './smart/apps';
import { smartConfiguration } from './smart/configuration';
import { revokeRefreshToken } from './smart/grants';
import { exchangeCode, OAuthError, refreshAccess } from './smart/token-grants';
import { FailureThrottle } from './throttle';
import type { TokenService } from './token-service';

export interface OAuthOptions {
  sql: SqlClient;
  tokens: TokenService;
  /** The configured public addresses: SMART configuration's endpoints are built from them, never from the Host header. */
  publicBase: PublicBase;
}

/** RFC 6749 §5.2 error responses. */
function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="footprint"');
  return reply.code(status).header('cache-control', 'no-store').send({ error, error_description: description });
}

/** Reads client_secret_basic credentials from an `Authorization: Basic` header. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

type Field = (name: string) => string | undefined;

function formFields(request: FastifyRequest): Field | undefined {
  if (typeof request.body !== 'object' || request.body === null) return undefined;
  const body = request.body as Record<string, unknown>;
  return (name) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
}

/**
 * The OAuth2 token endpoint (client credentials grant for partner systems, secrets in the body or
 * HTTP Basic; authorization code and refresh token for SMART apps), token revocation (RFC 7009),
 * the signing keys (JWKS) and SMART discovery. Tokens are short-lived and signed by TokenService;
 * a client-credentials token only ever carries `system/` scopes. Failed client authentication is
 * throttled per client address (`request.ip`: the real address behind a proxy when the server's
 * trustProxy is set), never per client id, so no one can lock a partner out by guessing at its id.
 */
export const oauthRoutes: FastifyPluginAsync<OAuthOptions> = async (app, options) => {
  await app.register(formbody);
  const throttle = new FailureThrottle();
  const { tokens } = options;

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error({ err: error }, 'token endpoint failed');
    if (status === 429) return oauthError(reply, 429, 'slow_down', error.message); // the per-address limit (http/rate-limits.ts)
    return oauthError(reply, status === 500 ? 500 : 400, status === 500 ? 'server_error' : 'invalid_request', status === 500 ? 'The token could not be issued' : error.message);
  });

  /** Answers 429 when this address has failed too often; otherwise undefined. */
  const throttled = (request: FastifyRequest, reply: FastifyReply) => {
    const wait = throttle.retryAfter(`ip:${request.ip}`);
    if (wait <= 0) return undefined;
    reply.header('retry-after', String(wait));
    return oauthError(reply, 429, 'slow_down', `Too many failed attempts; try again in ${wait} seconds`);
  };
  const failed = (request: FastifyRequest) => throttle.fail(`ip:${request.ip}`);

  app.post('/oauth/token', async (request, reply) => {
    const field = formFields(request);
    if (!field) return oauthError(reply, 400, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded or JSON');
    const grantType = field('grant_type');
    if (!grantType) return oauthError(reply, 400, 'invalid_request', 'grant_type is required');
    const basic = basicCredentials(request.headers.authorization);
    if (grantType === 'authorization_code' || grantType === 'refresh_token') {
      // SMART App Launch: a person's app exchanging their approval (auth/smart).
      const refused = throttled(request, reply);
      if (refused) return refused;
      try {
        const grant = grantType === 'authorization_code' ? exchangeCode : refreshAccess;
        const answer = await grant({ sql: options.sql, tokens }, { field, ...(basic ? { basic } : {}) });
        request.log.info({ clientId: basic?.id ?? field('client_id'), grantType, scopes: answer.scope }, 'SMART access token issued');
        return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(answer);
      } catch (error) {
        if (error instanceof OAuthError) {
          if (error.error === 'invalid_client') failed(request);
          return oauthError(reply, error.status, error.error, error.message);
        }
        throw error;
      }
    }
    if (grantType !== 'client_credentials') {
      return oauthError(reply, 400, 'unsupported_grant_type', `grant_type ${grantType} is not supported; use client_credentials, authorization_code or refresh_token`);
    }
    const clientId = basic?.id ?? field('client_id');
    const secret = basic?.secret ?? field('client_secret');
    if (!clientId || !secret) return oauthError(reply, 401, 'invalid_client', 'client_id and client_secret are required');
    const refused = throttled(request, reply);
    if (refused) return refused;
    const client = await authenticateClient(options.sql, clientId, secret);
    if (!client) {
      failed(request);
      return oauthError(reply, 401, 'invalid_client', 'Unknown client or wrong secret');
    }

    const requested = field('scope');
    // A partner system acts as itself: patient/ and user/ scopes bind to a person or a member of staff, so it never gets them.
    const scopes = scopesInContext(grantScopes(requested === undefined ? undefined : splitScopes(requested), scopesInContext(client.scopes, 'system')), 'system');
    if (scopes.length === 0) {
      return oauthError(reply, 400, 'invalid_scope', `None of the requested scopes are allowed for this client; it may have: ${scopesInContext(client.scopes, 'system').join(' ') || 'none'}`);
    }
    const { token, expiresIn } = await tokens.issue(clientTokenOptions(client, scopes));
    request.log.info({ clientId: client.id, scopes }, 'access token issued');
    return reply
      .header('cache-control', 'no-store')
      .header('pragma', 'no-cache')
      .send({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: scopes.join(' ') });
  });

  /**
   * RFC 7009 token revocation. The client authenticates as at the token endpoint (a partner system
   * by its secret, a SMART app by its secret or, if public, its id); it may revoke access tokens
   * issued to it and its own refresh tokens. As §2.2 asks, an unknown, invalid or expired token
   * answers 200 just the same; a token issued to another client is refused.
   */
  app.post('/oauth/revoke', async (request, reply) => {
    const field = formFields(request);
    if (!field) return oauthError(reply, 400, 'invalid_request', 'Send the revocation request as application/x-www-form-urlencoded');
    const token = field('token');
    if (!token) return oauthError(reply, 400, 'invalid_request', 'token is required');
    const hint = field('token_type_hint');
    if (hint !== undefined && hint !== 'access_token' && hint !== 'refresh_token') {
      return oauthError(reply, 400, 'unsupported_token_type', 'token_type_hint must be access_token or refresh_token');
    }
    const refused = throttled(request, reply);
    if (refused) return refused;
    const basic = basicCredentials(request.headers.authorization);
    const clientId = basic?.id ?? field('client_id');
    const secret = basic?.secret ?? field('client_secret');
    if (!clientId) return oauthError(reply, 401, 'invalid_client', 'client_id (and client_secret, unless a public SMART app) is required');
    const partner = secret !== undefined ? await authenticateClient(options.sql, clientId, secret) : undefined;
    const smartApp = partner ? undefined : await authenticateSmartApp(options.sql, clientId, secret);
    if (!partner && !smartApp) {
      failed(request);
      return oauthError(reply, 401, 'invalid_client', 'Unknown client or wrong secret');
    }
    const done = () => reply.code(200).header('cache-control', 'no-store').header('pragma', 'no-cache').send();
    if (smartApp && hint !== 'access_token' && (await revokeRefreshToken(options.sql, token, smartApp.id))) {
      request.log.info({ clientId }, 'refresh token revoked');
      return done();
    }
    const result = await tokens.revoke(token, 'client', (claims) => claims.sub === clientId);
    if (result && !result.revoked) return oauthError(reply, 400, 'invalid_request', 'This token was not issued to this client');
    if (result) request.log.info({ clientId, jti: result.claims.jti }, 'access token revoked');
    return done();
  });

  // The public keys that verify access tokens (RFC 7517), for resource servers and partners checking tokens themselves.
  app.get('/.well-known/jwks.json', async (_request, reply) => {
    return reply.header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*').type('application/jwk-set+json').send(await tokens.keys.jwks());
  });

  // SMART discovery, at the server root and at the FHIR base (where SMART App Launch looks for it).
  // Its URLs come from the configured public URL (else the listening address), never the Host header, so caching it is safe.
  for (const path of ['/.well-known/smart-configuration', '/fhir/R4/.well-known/smart-configuration']) {
    app.get(path, async (_request, reply) => {
      const base = publicOrigin(app, options.publicBase);
      return reply.header('cache-control', 'public, max-age=3600').header('access-control-allow-origin', '*').send(smartConfiguration(base, tokens.identity.issuer));
    });
  }
};

function clientTokenOptions(client: OAuthClient, scopes: string[]) {
  return {
    clientId: client.id,
    name: client.name,
    ...(client.organisation ? { organisation: { reference: client.organisation, ...(client.odsCode ? { odsCode: client.odsCode } : {}) } } : {}),
    scopes,
    purpose: client.purpose,
  };
}
