import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { Platform } from '../platform';

/** Submissions (an enquiry, a consultation response) per hour per address unless FOOTPRINT_SUBMISSION_RATE_LIMIT says otherwise. */
export const DEFAULT_SUBMISSIONS_PER_HOUR = 20;

/** FOOTPRINT_SUBMISSION_RATE_LIMIT: a positive whole number of submissions per hour per address. */
export function submissionsPerHour(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.FOOTPRINT_SUBMISSION_RATE_LIMIT?.trim();
  if (!text) return DEFAULT_SUBMISSIONS_PER_HOUR;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`FOOTPRINT_SUBMISSION_RATE_LIMIT must be a whole number of submissions per hour, at least 1, not "${text}"`);
  return value;
}

export type SubmissionKind = 'enquiry' | 'consultation-response';

/** The largest request body each kind may send: an enquiry is one message; a response may hold many long answers. */
const BODY_LIMIT: Record<SubmissionKind, number> = { enquiry: 64 * 1024, 'consultation-response': 512 * 1024 };

type Limiter = NonNullable<RouteShorthandOptions['preHandler']>;
const limiters = new WeakMap<Platform, Map<SubmissionKind, Limiter>>();

/**
 * The route options that limit one kind of public submission per address: FOOTPRINT_SUBMISSION_RATE_LIMIT
 * an hour, every route taking that kind counted together (the HTML form and the JSON API). One
 * limiter, so one store, per kind and platform: @fastify/rate-limit gives each route configured with
 * `config.rateLimit` a store of its own, so a shared groupId alone would count each route apart.
 * Over the limit the request fails with 429 and Retry-After, in its area's own error format.
 */
export function submissionLimit(app: FastifyInstance, platform: Platform, kind: SubmissionKind): RouteShorthandOptions {
  let byKind = limiters.get(platform);
  if (!byKind) limiters.set(platform, (byKind = new Map()));
  let limiter = byKind.get(kind);
  if (!limiter) {
    limiter = app.rateLimit({ max: submissionsPerHour(), timeWindow: 3_600_000, hook: 'preHandler' });
    byKind.set(kind, limiter);
  }
  return { config: { rateLimit: false }, preHandler: limiter, bodyLimit: BODY_LIMIT[kind] };
}
