import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { DEFAULT_MAX_DEPTH, MethodNotAllowedError, badRequest, notFound, outcome, parseJsonResource } from '@footprint/fhir';
import type { Repository } from '@footprint/record';
import { accessContextFromRequest } from '../auth/bearer';
import type { TokenService } from '../auth/token-service';
import { publicFhirBase, type PublicBase } from '../http/public-base';
import { capabilityStatement } from './capability';
import { toOperationOutcome } from './errors';
import { refuseUnsupportedInteraction } from './interactions';
import { ExportJobs } from './export/jobs';
import { exportRoutes } from './export/routes';
import { sendFhir } from './request';
import { BREAK_GLASS_TERMINOLOGY_ROUTES, breakGlassRoutes } from './routes/break-glass';
import { bundleRoutes } from './routes/bundle';
import { conditionalRoutes } from './routes/conditional';
import { crudRoutes } from './routes/crud';
import { historyRoutes } from './routes/history';
import { matchingRoutes } from './routes/matching';
import { operationRoutes } from './routes/operations';
import { searchRoutes } from './routes/search';

export interface FhirPluginOptions {
  record: Repository;
  tokens: TokenService;
  jobs: ExportJobs;
  /** The configured public addresses: every absolute URL (fullUrl, links, Location, capability) is built from them, never from the Host header. */
  publicBase: PublicBase;
  /** Deepest JSON nesting accepted in a body. */
  maxDepth?: number;
  version: string;
}

const FHIR_JSON = ['application/fhir+json', 'application/json'];

/** Bodies are parsed by @footprint/fhir (precise syntax errors, nesting limit); forms are kept raw for `_search`. */
function registerBodyParsers(app: FastifyInstance, maxDepth: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(FHIR_JSON, { parseAs: 'string' }, (_request, body, done) => {
    try {
      const text = body as string;
      if (text.trim() === '') return done(null, undefined);
      // No FHIR element is called __proto__; refusing it keeps later object merges safe.
      if (/"__proto__"\s*:/.test(text)) throw badRequest('The JSON key "__proto__" is not allowed');
      done(null, parseJsonResource(text, { maxDepth }));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
}

/** Public paths that need no token: the CapabilityStatement is how clients discover the security service. */
const PUBLIC_ROUTES = new Set(['/fhir/R4/metadata', ...BREAK_GLASS_TERMINOLOGY_ROUTES]);

/** Public answers that hold no patient data and may be cached; everything else the FHIR API sends is `no-store`. */
const CACHEABLE_ROUTES = new Set(['/fhir/R4/metadata']);

/**
 * The FHIR R4 REST API: bearer-token authentication building each request's AccessContext,
 * FHIR JSON parsing, every error rendered as an OperationOutcome, and the interactions.
 */
export const fhirPlugin: FastifyPluginAsync<FhirPluginOptions> = async (app, options) => {
  const { fhirBaseUrl } = options.publicBase;
  const routeOptions = { record: options.record, ...(fhirBaseUrl ? { baseUrl: fhirBaseUrl } : {}) };
  registerBodyParsers(app, options.maxDepth ?? DEFAULT_MAX_DEPTH);

  // Responses carry patient data (or say whether it exists): no browser, proxy or shared cache may keep them.
  app.addHook('onRequest', async (request, reply) => {
    if (!CACHEABLE_ROUTES.has(request.routeOptions.url ?? '')) reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  });
  app.addHook('onRequest', async (request) => {
    if (PUBLIC_ROUTES.has(request.routeOptions.url ?? '')) return;
    request.accessContext = await accessContextFromRequest(request, options.tokens);
  });
  const prefix = app.prefix;
  app.addHook('onRequest', async (request) => refuseUnsupportedInteraction(request, prefix));

  // `_format` and `Accept` may only ask for JSON: this server speaks no XML or Turtle (406).
  app.addHook('preValidation', async (request, reply) => {
    const format = (request.query as Record<string, unknown> | undefined)?._format;
    const accept = request.headers.accept;
    const wantsOnlyOther =
      (typeof format === 'string' && !/json/.test(format)) ||
      (typeof accept === 'string' && accept.trim() !== '' && !/json|\*\/\*|application\/\*/.test(accept));
    if (wantsOnlyOther) {
      return reply
        .code(406)
        .type('application/fhir+json; charset=utf-8')
        .send(JSON.stringify(outcome('not-supported', 'This server answers in application/fhir+json (or application/json) only', '_format')));
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, outcome, internal } = toOperationOutcome(error);
    if (internal) request.log.error({ err: error }, 'FHIR request failed');
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="footprint", error="invalid_token"');
    if (error instanceof MethodNotAllowedError) reply.header('allow', error.allow.join(', '));
    return sendFhir(request, reply, status, outcome);
  });

  app.setNotFoundHandler((request, reply) => {
    const { status, outcome } = toOperationOutcome(notFound(`No FHIR interaction at ${request.method} ${request.url.split('?')[0]}`));
    return sendFhir(request, reply, status, outcome);
  });

  // Built from the configured base (else the listening address), so a cached statement never holds a caller's Host header.
  let capability: { base: string; text: string } | undefined;
  app.get('/metadata', async (_request, reply) => {
    const base = publicFhirBase(app, options.publicBase);
    if (capability?.base !== base) {
      capability = { base, text: JSON.stringify(capabilityStatement(base, base.replace(/\/fhir\/R4$/, ''), options.version)) };
    }
    return reply.type('application/fhir+json; charset=utf-8').send(capability.text);
  });

  await app.register(crudRoutes, routeOptions);
  await app.register(searchRoutes, routeOptions);
  await app.register(historyRoutes, routeOptions);
  await app.register(bundleRoutes, routeOptions);
  await app.register(conditionalRoutes, routeOptions);
  await app.register(breakGlassRoutes, routeOptions);
  await app.register(operationRoutes, routeOptions);
  await app.register(matchingRoutes, routeOptions);
  await app.register(exportRoutes, { ...routeOptions, jobs: options.jobs });
};
