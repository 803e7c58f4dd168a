import type { FastifyInstance } from 'fastify';
import type { Patient, Task } from '@medplum/fhirtypes';
import { ApiProblem } from '../api/problem';
import { CORRECTABLE, newCorrectionRequest, searchCorrections, viewOf } from '../corrections/tasks';
import { organisationToAsk } from '../corrections/owner';
import type { CorrectionRequestView } from '../corrections/responses';
import type { Platform } from '../platform';
import { patientContext } from './context';
import { patientSessionOf, requirePatientSession } from './guard';
import type { PatientSessionPolicy } from './sessions';

const ENTRY = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;
const MAX_DESCRIPTION = 2000;

/**
 * The person's correction requests (GET/POST /api/patient/corrections): ask the organisation
 * that recorded an entry of their record to correct it, and see each request's status and
 * answer. The request is written through the record as the person, whose policy decides that a
 * person may ask only about their own record.
 */
export async function patientCorrectionRoutes(app: FastifyInstance, platform: Platform, policy: PatientSessionPolicy): Promise<void> {
  const guard = requirePatientSession(platform.sql, policy);
  const { record } = platform;
  /** The person's context, with the one write of this page: creating a correction request. */
  const askingContext = (request: Parameters<typeof patientContext>[1]) => {
    const ctx = patientContext(patientSessionOf(request), request);
    return { ...ctx, scopes: [...ctx.scopes, 'patient/Task.c'] };
  };

  app.get('/corrections', { preHandler: guard }, async (request): Promise<{ requests: CorrectionRequestView[] }> => {
    const session = patientSessionOf(request);
    const ctx = patientContext(session, request);
    const tasks = await searchCorrections(record, ctx, [['patient', `Patient/${session.patientId}`]]);
    const names = new Map<string, string>();
    return { requests: await Promise.all(tasks.map((t) => viewOf(record, ctx, t, names))) };
  });

  app.post('/corrections', { preHandler: guard }, async (request, reply) => {
    const session = patientSessionOf(request);
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const entry = typeof body.entry === 'string' ? body.entry.trim() : '';
    const description = typeof body.description === 'string' ? body.description.trim() : '';
    const m = ENTRY.exec(entry);
    if (!m || !(m[1] in CORRECTABLE)) throw new ApiProblem(400, 'Choose an entry of your record', 'entry must name an entry such as Condition/abc (a problem, medicine, allergy, result, visit, care plan or your details).');
    if (!description) throw new ApiProblem(400, 'Say what is wrong', 'description must say what is wrong with the entry and what it should say.');
    if (description.length > MAX_DESCRIPTION) throw new ApiProblem(400, 'Too long', `description must be at most ${MAX_DESCRIPTION} characters.`);
    const ctx = askingContext(request);
    let resource;
    try {
      resource = await record.read(ctx, m[1], m[2]);
    } catch {
      throw new ApiProblem(404, 'Not in your record', 'That entry is not part of your record.');
    }
    const patient = await record.read<Patient>(ctx, 'Patient', session.patientId);
    const owner = await organisationToAsk(record, ctx, resource, patient);
    if (!owner) throw new ApiProblem(400, 'We cannot tell who recorded this', 'The entry does not say which organisation recorded it, and you have no registered GP practice to ask.');
    const created = await record.create<Task>(ctx, newCorrectionRequest(session.patientId, entry, owner, description));
    request.log.info({ task: created.resource.id }, 'correction requested');
    return reply.code(201).send(await viewOf(record, patientContext(session, request), created.resource));
  });
}
