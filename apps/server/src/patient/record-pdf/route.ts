import type { FastifyInstance } from 'fastify';
import type { Bundle } from '@medplum/fhirtypes';
import type { Platform } from '../../platform';
import { patientContext } from '../context';
import { readWholeRecord } from '../everything';
import { patientSessionOf, requirePatientSession } from '../guard';
import type { PatientSessionPolicy } from '../sessions';
import { renderRecordPdf } from './render';
import { summariseRecord } from './summary';

/**
 * GET /api/patient/record/pdf: the signed-in person's own record as a readable PDF, made from
 * their `$everything` read as them (so the record decides what is in it and audits the read).
 */
export async function recordPdfRoutes(app: FastifyInstance, platform: Platform, policy: PatientSessionPolicy): Promise<void> {
  const guard = requirePatientSession(platform.sql, policy);
  app.get('/record/pdf', { preHandler: guard }, async (request, reply) => {
    const session = patientSessionOf(request);
    const resources = await readWholeRecord(platform.record, patientContext(session, request), session.patientId);
    const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) };
    const pdf = await renderRecordPdf(summariseRecord(bundle));
    return reply.header('content-disposition', 'attachment; filename="my-health-record.pdf"').type('application/pdf').send(pdf);
  });
}
