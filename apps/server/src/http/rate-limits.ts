import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Request limits per client address (`request.ip`: the real client's behind a trusted proxy, see
 * FOOTPRINT_TRUST_PROXY) on the endpoints anyone can reach without signing in: staff sign-in, the
 * token endpoints, and the public ones (discovery, the capability statement, sign-in starts and
 * callbacks, the demo identity provider). Signed-in and token-bearing routes are not limited here:
 * their callers are known and partners' bulk loads must not be throttled by address.
 */
export interface RateLimits {
  /** Staff password sign-in (POST /api/session), requests per minute per address. */
  signInPerMinute: number;
  /** OAuth token, revocation and the identity provider's token endpoints, per minute per address. */
  tokenPerMinute: number;
  /** Every other endpoint reachable without signing in, per minute per address. */
  publicPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { signInPerMinute: 30, tokenPerMinute: 120, publicPerMinute: 300 };

const ENVIRONMENT: Record<keyof RateLimits, string> = {
  signInPerMinute: 'FOOTPRINT_SIGN_IN_RATE_LIMIT',
  tokenPerMinute: 'FOOTPRINT_TOKEN_RATE_LIMIT',
  publicPerMinute: 'FOOTPRINT_PUBLIC_RATE_LIMIT',
};

/** The limits from FOOTPRINT_SIGN_IN_RATE_LIMIT, FOOTPRINT_TOKEN_RATE_LIMIT and FOOTPRINT_PUBLIC_RATE_LIMIT, each a positive whole number. */
export function rateLimitsFromEnvironment(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const limits = { ...DEFAULT_RATE_LIMITS };
  for (const key of Object.keys(ENVIRONMENT) as Array<keyof RateLimits>) {
    const text = env[ENVIRONMENT[key]]?.trim();
    if (!text) continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${ENVIRONMENT[key]} must be a whole number of requests per minute, at least 1, not "${text}"`);
    limits[key] = value;
  }
  return limits;
}

type LimitClass = keyof RateLimits;

/** Which limit a route has, by method and route pattern; undefined for routes that need a session or a token. */
export function limitClassOf(method: string, url: string): LimitClass | undefined {
  if (method === 'POST' && url === '/api/session') return 'signInPerMinute';
  if (method === 'POST' && (url === '/oauth/token' || url === '/oauth/revoke' || url === '/oauth/introspect')) return 'tokenPerMinute';
  if (url.startsWith('/idp/') && url.includes('token')) return 'tokenPerMinute';
  const open = [
    '/api/public/',
    '/public/',
    '/api/sign-in-options',
    '/api/demo-users',
    '/api/demo-identities',
    '/api/session/cis2',
    '/api/patient/sign-in',
    '/api/patient/callback',
    '/.well-known/',
    '/fhir/R4/metadata',
    '/fhir/R4/.well-known/',
    '/oauth/',
    '/idp',
  ];
  return open.some((prefix) => url === prefix.replace(/\/$/, '') || url.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) ? 'publicPerMinute' : undefined;
}

/**
 * Registers @fastify/rate-limit (not global) and gives each unauthenticated route its limit
 * through the route's `config.rateLimit`, unless the route set its own. Must be called on the root
 * instance before any route is added. Over the limit, the answer is 429 with Retry-After, in the
 * route area's own error format (problem+json, OperationOutcome or an OAuth error).
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { rateLimit?: unknown };
    if (config.rateLimit !== undefined) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const kind = methods.map((m) => limitClassOf(m, route.url)).find((k) => k !== undefined);
    if (!kind) return;
    route.config = { ...config, rateLimit: { max: limits[kind], timeWindow: 60_000, groupId: kind } } as RouteOptions['config'];
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests from this address. Try again in ${context.after}.`), { statusCode: 429, status: 429, code: 'FOOTPRINT_RATE_LIMITED' }),
  });
}
