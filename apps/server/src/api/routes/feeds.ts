import type { FastifyInstance } from 'fastify';
import { listImportRuns, type ImportRun } from '@footprint/record';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';
import { organisationKindLabel } from '@footprint/warehouse';
import { listPartnerOrganisations, type PartnerOrganisation } from '../partner-organisations';
import type { FeedsView, ImportRunView } from '../responses';

/** Which partner an import's organisation key names: an ODS code or an Organization reference. */
function partnerFor(key: string, partners: PartnerOrganisation[]): PartnerOrganisation | undefined {
  const id = /Organization\/([^/]+)$/.exec(key)?.[1];
  return partners.find((p) => p.code === key || (id !== undefined && p.id === id));
}

function runView(run: ImportRun, partners: PartnerOrganisation[]): ImportRunView {
  const named = run.organisation ? partnerFor(run.organisation, partners) : undefined;
  return {
    id: run.id,
    organisation: named ? { code: named.code, name: named.name } : run.organisation ? { code: run.organisation, name: run.organisation } : null,
    source: run.fileName,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? null,
    status: run.status,
    received: run.read,
    stored: run.created + run.updated + run.unchanged,
    failed: run.failed,
    failures: run.failures.slice(0, 20).map((f) => ({
      location: [f.file, f.line !== undefined ? `line ${f.line}` : undefined, f.entry !== undefined ? `entry ${f.entry}` : undefined, f.path]
        .filter(Boolean)
        .join(', '),
      message: f.message,
    })),
  };
}

/**
 * GET /api/feeds (administrators): each import into the record, and per partner organisation what
 * arrived, when, how many failed validation, and for practices how many people are registered.
 */
export async function feedRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'feeds');

  app.get('/feeds', { preHandler: guard }, async (request): Promise<FeedsView> => {
    const [runs, partners] = await Promise.all([listImportRuns(platform.sql, { limit: 500 }), listPartnerOrganisations(platform.record)]);
    const ctx = staffContext(sessionOf(request).user, 'HOPERAT', request);
    const tallies = new Map<string, { resources: number; failures: number; lastReceived: string | null; runs: number }>();
    for (const run of runs) {
      for (const [key, counts] of Object.entries(run.organisations ?? {})) {
        const partner = partnerFor(key, partners);
        const id = partner?.id ?? key;
        const tally = tallies.get(id) ?? { resources: 0, failures: 0, lastReceived: null, runs: 0 };
        tally.resources += counts.read - counts.failed;
        tally.failures += counts.failed;
        tally.runs += 1;
        if (!tally.lastReceived || run.startedAt > tally.lastReceived) tally.lastReceived = run.startedAt;
        tallies.set(id, tally);
      }
    }
    const organisations: FeedsView['organisations'] = [];
    for (const partner of partners) {
      const tally = tallies.get(partner.id) ?? { resources: 0, failures: 0, lastReceived: null, runs: 0 };
      let patients = 0;
      if (partner.kind === 'gp_practice') {
        const count = await platform.record.search(ctx, 'Patient', [
          ['general-practitioner', `Organization/${partner.id}`],
          ['_summary', 'count'],
        ]);
        patients = count.total ?? 0;
      }
      organisations.push({ code: partner.code, name: partner.name, kindLabel: organisationKindLabel(partner.kind), patients, ...tally });
    }
    organisations.sort((a, b) => b.resources - a.resources || a.name.localeCompare(b.name));
    return { runs: runs.map((r) => runView(r, partners)), organisations };
  });
}
