import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { grantScopes, splitScopes, type SqlClient } from '@footprint/record';
import { authenticateClient } from './clients';
import { smartConfiguration } from './smart/configuration';
import { exchangeCode, OAuthError, refreshAccess } from './smart/token-grants';
import { FailureThrottle } from './throttle';
import { mintAccessToken } from './tokens';

export interface OAuthOptions {
  sql: SqlClient;
  signingKey: Buffer;
  issuer: string;
  tokenLifetimeSeconds?: number;
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
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

/**
 * The OAuth2 token endpoint (client credentials grant, secrets in the body or HTTP Basic),
 * issuing short-lived signed tokens whose scopes are those requested that the client is allowed.
 */
export const oauthRoutes: FastifyPluginAsync<OAuthOptions> = async (app, options) => {
  await app.register(formbody);
  const throttle = new FailureThrottle();

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error({ err: error }, 'token endpoint failed');
    return oauthError(reply, status === 500 ? 500 : 400, status === 500 ? 'server_error' : 'invalid_request', status === 500 ? 'The token could not be issued' : error.message);
  });

  app.post('/oauth/token', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
    if (typeof request.body !== 'object' || request.body === null) {
      return oauthError(reply, 400, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded or JSON');
    }
    const grantType = field('grant_type');
    if (!grantType) return oauthError(reply, 400, 'invalid_request', 'grant_type is required');
    const basic = basicCredentials(request.headers.authorization);
    if (grantType === 'authorization_code' || grantType === 'refresh_token') {
      // SMART App Launch: a person's app exchanging their approval (auth/smart).
      try {
        const grant = grantType === 'authorization_code' ? exchangeCode : refreshAccess;
        const answer = await grant(options, { field, ...(basic ? { basic } : {}) });
        request.log.info({ clientId: basic?.id ?? field('client_id'), grantType, scopes: answer.scope }, 'SMART access token issued');
        return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(answer);
      } catch (error) {
        if (error instanceof OAuthError) return oauthError(reply, error.status, error.error, error.message);
        throw error;
      }
    }
    if (grantType !== 'client_credentials') {
      return oauthError(reply, 400, 'unsupported_grant_type', `grant_type ${grantType} is not supported; use client_credentials, authorization_code or refresh_token`);
    }
    const clientId = basic?.id ?? field('client_id');
    const secret = basic?.secret ?? field('client_secret');
    if (!clientId || !secret) return oauthError(reply, 401, 'invalid_client', 'client_id and client_secret are required');
    const keys = [`client:${clientId}`, `ip:${request.ip}`];
    const wait = Math.max(...keys.map((k) => throttle.retryAfter(k)));
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return oauthError(reply, 429, 'slow_down', `Too many failed attempts; try again in ${wait} seconds`);
    }
    const client = await authenticateClient(options.sql, clientId, secret);
    if (!client) {
      keys.forEach((k) => throttle.fail(k));
      return oauthError(reply, 401, 'invalid_client', 'Unknown client or wrong secret');
    }
    throttle.succeed(`client:${clientId}`);

    const requested = field('scope');
    const scopes = grantScopes(requested === undefined ? undefined : splitScopes(requested), client.scopes);
    if (scopes.length === 0) {
      return oauthError(reply, 400, 'invalid_scope', `None of the requested scopes are allowed for this client; it may have: ${client.scopes.join(' ')}`);
    }
    const { token, expiresIn } = mintAccessToken(options.signingKey, {
      issuer: options.issuer,
      clientId: client.id,
      name: client.name,
      organisation: client.organisation ? { reference: client.organisation, odsCode: client.odsCode } : undefined,
      scopes,
      purpose: client.purpose,
      lifetimeSeconds: options.tokenLifetimeSeconds,
    });
    request.log.info({ clientId: client.id, scopes }, 'access token issued');
    return reply
      .header('cache-control', 'no-store')
      .header('pragma', 'no-cache')
      .send({ access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: scopes.join(' ') });
  });

  // SMART discovery, at the server root and at the FHIR base (where SMART App Launch looks for it).
  for (const path of ['/.well-known/smart-configuration', '/fhir/R4/.well-known/smart-configuration']) {
    app.get(path, async (request, reply) => {
      const base = `${request.protocol}://${request.host}`;
      return reply.header('cache-control', 'public, max-age=3600').header('access-control-allow-origin', '*').send(smartConfiguration(base, options.issuer));
    });
  }
};
