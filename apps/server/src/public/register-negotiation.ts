import type { FastifyRequest } from 'fastify';
import { ApiProblem } from '../api/problem';

export type RegisterFormat = 'json' | 'csv';

/**
 * Which format the public register answers in, from the Accept header: JSON unless text/csv is
 * preferred (by q value, then order); no header or any wildcard means JSON. Nothing acceptable is a
 * 406 naming what the register offers, and a query parameter that is not the register's, or one given
 * twice, is a 400 — so a typo such as `?onn=` is said, not silently ignored.
 */
export function registerFormat(request: FastifyRequest): RegisterFormat {
  const header = request.headers.accept;
  if (!header || !header.trim()) return 'json';
  const offers: Record<string, RegisterFormat> = { 'application/json': 'json', 'application/problem+json': 'json', 'text/csv': 'csv', '*/*': 'json', 'application/*': 'json', 'text/*': 'csv' };
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => offers[r.type] && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  if (ranges.length === 0) throw new ApiProblem(406, 'Format not offered', `The register answers application/json or text/csv; Accept was ${JSON.stringify(header.slice(0, 80))}.`);
  return offers[ranges[0].type];
}

/** The one query parameter the register reads (`on`), checked: at most once, a string, nothing else alongside. */
export function onParameter(request: FastifyRequest): string | undefined {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(query).filter((k) => k !== 'on');
  if (unknown.length) throw new ApiProblem(400, 'Unknown parameter', `The register takes only on=YYYY-MM-DD; ${unknown.slice(0, 3).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')} is not one of its parameters.`);
  const on = query.on;
  if (on === undefined) return undefined;
  if (Array.isArray(on)) throw new ApiProblem(400, 'on given twice', 'Give the date once: ?on=YYYY-MM-DD.');
  if (typeof on !== 'string') throw new ApiProblem(400, 'Invalid date', 'on must be a calendar date written YYYY-MM-DD.');
  return on;
}
