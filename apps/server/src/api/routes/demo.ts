import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import { readDemoUsers } from '../demo-users';
import { sendProblem } from '../problem';

/** GET /api/demo-users: the demo's users and passwords for the start page; 404 outside demo mode. */
export async function demoRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/demo-users', async (_request, reply) => {
    const users = await readDemoUsers(platform.dataDir);
    if (!users) return sendProblem(reply, 404, 'Not a demo', 'This Footprint has no demo users.');
    reply.header('cache-control', 'no-store');
    return { users };
  });
}
