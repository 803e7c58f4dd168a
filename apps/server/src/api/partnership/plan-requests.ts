import type { FastifyRequest } from 'fastify';
import { PLAN_ITEM_KINDS, type ItemKind, type PlanItemPath } from '@footprint/partnership';
import { ApiProblem } from '../problem';

/** The JSON object a write sends, or a 400 saying what to send. */
export function bodyObject(request: FastifyRequest, what: string): Record<string, unknown> {
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ApiProblem(400, `Send the ${what} as a JSON object`, 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** `data` of a write: an object, or a 400 naming the field. */
export function dataOf(body: Record<string, unknown>, what: string): Record<string, unknown> {
  const data = body.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ApiProblem(400, `Invalid ${what}`, `data: must be a JSON object with the ${what}’s fields.`);
  return data as Record<string, unknown>;
}

const VERSION = /^[1-9]\d{0,8}$/;

/**
 * The version the writer last saw (`ifVersion`, required on every change so that a stale edit is
 * refused with 409 rather than lost): a whole number from the body or, for DELETE, the query.
 */
export function ifVersionOf(value: unknown, required = true): number | undefined {
  if (value === undefined || value === null || value === '') {
    if (!required) return undefined;
    throw new ApiProblem(400, 'Say which version you changed', 'ifVersion: is required: send the version you last read, so a change made since is not overwritten.');
  }
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !VERSION.test(text)) throw new ApiProblem(400, 'Invalid ifVersion', 'ifVersion: must be a whole number of 1 or more (the item’s version).');
  return Number(text);
}

/** The kind a path names (priorities, programmes, milestones, risks, ambitions), or a 404. */
export function kindOf(path: string): ItemKind {
  if (!Object.hasOwn(PLAN_ITEM_KINDS, path)) throw new ApiProblem(404, 'No such part of a plan', `A plan holds ${Object.keys(PLAN_ITEM_KINDS).join(', ')}; not ${path}.`);
  return PLAN_ITEM_KINDS[path as PlanItemPath] as ItemKind;
}

/** An optional `parentId`: a string, or a 400 naming the field. */
export function parentIdOf(body: Record<string, unknown>): string | undefined {
  const parentId = body.parentId;
  if (parentId === undefined) return undefined;
  if (typeof parentId !== 'string' || parentId === '') throw new ApiProblem(400, 'Invalid parentId', 'parentId: must be the id of the item this one belongs under.');
  return parentId;
}
