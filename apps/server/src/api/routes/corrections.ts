import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Patient, Task } from '@medplum/fhirtypes';
import type { AccessContext } from '@footprint/record';
import { answeredTask, searchCorrections, viewOf } from '../../corrections/tasks';
import type { StaffCorrectionsAnswer, StaffCorrectionView } from '../../corrections/responses';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { nhsNumberOf, personName } from '../care-record/present';
import { staffContext } from '../context';
import { ApiProblem } from '../problem';

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const MAX_NOTE = 2000;

/**
 * Correction requests addressed to the signed-in user's organisation (GET /api/corrections)
 * and their answer (POST /api/corrections/:id/answer: completed or rejected, with a note).
 * Everything goes through the record as the member of staff, for direct care; the record
 * decides that only staff of the organisation asked may answer.
 */
export async function correctionRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'corrections');
  const { record } = platform;

  const organisationOf = (request: FastifyRequest): string => {
    const reference = sessionOf(request).user.organisation?.reference;
    if (!reference) throw new ApiProblem(403, 'No organisation', 'Correction requests are addressed to organisations; your account is not linked to one.');
    return reference;
  };

  const staffView = async (ctx: AccessContext, task: Task, names: Map<string, string>): Promise<StaffCorrectionView> => {
    const view = await viewOf(record, ctx, task, names);
    const patientId = task.for?.reference?.split('/')[1] ?? '';
    let person = { id: patientId, name: 'Not visible to you', nhsNumber: null as string | null };
    try {
      const patient = await record.read<Patient>(ctx, 'Patient', patientId);
      person = { id: patientId, name: personName(patient.name), nhsNumber: nhsNumberOf(patient.identifier) };
    } catch {
      // The person's details stay hidden where the record does not let this user see them.
    }
    return { ...view, person };
  };

  app.get('/corrections', { preHandler: guard }, async (request): Promise<StaffCorrectionsAnswer> => {
    const organisation = organisationOf(request);
    const ctx = staffContext(sessionOf(request).user, 'TREAT', request);
    const tasks = await searchCorrections(record, ctx, [['owner', organisation]]);
    const names = new Map<string, string>();
    const views = await Promise.all(tasks.map((t) => staffView(ctx, t, names)));
    return {
      organisation: sessionOf(request).user.organisation?.name ?? organisation,
      open: views.filter((v) => v.status === 'requested' || v.status === 'in-progress'),
      answered: views.filter((v) => v.status === 'completed' || v.status === 'rejected'),
    };
  });

  app.post<{ Params: { id: string } }>('/corrections/:id/answer', { preHandler: guard }, async (request): Promise<StaffCorrectionView> => {
    const organisation = organisationOf(request);
    const { id } = request.params;
    if (!FHIR_ID.test(id)) throw new ApiProblem(400, 'Invalid request id', 'The id is 1–64 letters, digits, hyphens or dots.');
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const outcome = body.outcome;
    const note = typeof body.note === 'string' ? body.note.trim() : '';
    if (outcome !== 'completed' && outcome !== 'rejected') throw new ApiProblem(400, 'Choose an answer', 'outcome must be completed (the entry was corrected) or rejected (it was not changed).');
    if (!note) throw new ApiProblem(400, 'Write a note', 'note must tell the person what was done, or why not.');
    if (note.length > MAX_NOTE) throw new ApiProblem(400, 'Too long', `note must be at most ${MAX_NOTE} characters.`);
    const user = sessionOf(request).user;
    const ctx = staffContext(user, 'TREAT', request);
    let task: Task;
    try {
      task = await record.read<Task>(ctx, 'Task', id);
    } catch {
      throw new ApiProblem(404, 'Not found', 'There is no correction request with that id for your organisation.');
    }
    if (task.owner?.reference !== organisation) throw new ApiProblem(404, 'Not found', 'There is no correction request with that id for your organisation.');
    if (task.status !== 'requested' && task.status !== 'in-progress') throw new ApiProblem(409, 'Already answered', `This request was answered (${task.status}).`);
    const author = `${user.displayName}, ${user.organisation?.name ?? organisation}`;
    const updated = await record.update<Task>(ctx, answeredTask(task, outcome, note, author));
    request.log.info({ task: id, outcome }, 'correction request answered');
    return staffView(ctx, updated.resource, new Map());
  });
}
