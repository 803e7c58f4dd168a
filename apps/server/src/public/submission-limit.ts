import type { RouteShorthandOptions } from 'fastify';

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

/**
 * The route options that limit a public submission route per address (with @fastify/rate-limit,
 * registered at the root): over the limit the answer is 429 with Retry-After. Routes that take
 * the same kind of submission share `group` (the HTML form and the JSON API count together).
 */
export function submissionRateLimit(group: 'enquiry' | 'consultation-response', env: NodeJS.ProcessEnv = process.env): RouteShorthandOptions {
  return { config: { rateLimit: { max: submissionsPerHour(env), timeWindow: 3_600_000, groupId: `submission-${group}` } } };
}
