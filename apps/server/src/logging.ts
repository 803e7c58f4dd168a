import type { FastifyServerOptions } from 'fastify';

/**
 * pino settings for the server. Request logs carry method, path (never the query string, which
 * may hold an NHS number or a name), status and timing; bodies are never logged; the
 * Authorization and Cookie headers are redacted wherever they appear.
 */
export function loggerOptions(level = process.env.LOG_LEVEL ?? 'info'): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', '*.access_token', '*.client_secret'],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method: string; url: string; id?: string; ip?: string }) {
        return { id: request.id, method: request.method, path: request.url.split('?')[0] };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}
