import type { FastifyReply, FastifyRequest } from 'fastify';

/** Work started after an answer has gone, until it settles (so closing the server, and tests, can wait for it). */
const pending = new Set<Promise<void>>();

/**
 * Runs `work` once the reply has been sent (or the client has gone), so that its cost cannot be
 * seen in the answer's timing: the audit of a refused sign-in, for instance, which exists only for
 * known usernames. Failures are logged, never thrown.
 */
export function afterAnswer(request: FastifyRequest, reply: FastifyReply, work: () => Promise<void>): void {
  const done = new Promise<void>((resolve) => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      work()
        .catch((error: unknown) => request.log.error({ err: error }, 'work after the answer failed'))
        .finally(resolve);
    };
    reply.raw.once('finish', start);
    reply.raw.once('close', start);
  });
  pending.add(done);
  void done.finally(() => pending.delete(done));
}

/** Resolves once all work started by afterAnswer so far has settled. */
export async function answersSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
