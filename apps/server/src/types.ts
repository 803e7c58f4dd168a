import type { AccessContext } from '@footprint/record';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: set by the FHIR API's bearer-token hook before any handler runs. */
    accessContext?: AccessContext;
  }
}

export {};
