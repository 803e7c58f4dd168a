import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorValueStore, syntheticNationalSeries, type BoardReport } from '@footprint/performance';
import { loadTestPartnership, placesOn, PartnershipStore } from '@footprint/partnership';
import { upsertUser } from '../src/api/auth/users';
import { seedPartnershipDemo } from '../src/api/partnership/seed';
import { startTestServer, storageKinds, type TestServer } from './support';

type Who = { cookie: string; csrf: string };
const FOOTPRINT = 'E54000008';

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** The board report API with real sessions: the demo partnership's plan and governance, the synthetic national series. */
describe.each(storageKinds)('the board report API on %s', (kind) => {
  let server: TestServer;
  let analyst: Who;

  beforeAll(async () => {
    server = await startTestServer(kind);
    await loadTestPartnership(server.platform.record);
    expect(await seedPartnershipDemo(server.platform)).toBe(true);
    const { places } = await placesOn(new PartnershipStore(server.platform.sql), FOOTPRINT);
    const values = syntheticNationalSeries({ footprint: FOOTPRINT, places: places.map((p) => p.data.code) });
    const ids = [...new Set(values.map((v) => v.indicatorId))];
    await new IndicatorValueStore(server.platform.sql).replace(ids, values);
    const organisation = { code: 'QYG', name: 'Cheshire and Merseyside Health and Care Partnership', reference: 'Organization/org-QYG' };
    await upsertUser(server.platform.sql, { username: 'analyst', role: 'analyst', displayName: 'Ann Analyst', password: 'analyst password', organisation });
    analyst = await signIn('analyst', 'analyst password');
  }, 300_000);
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<Who> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const get = (who: Who | null, url: string) => server.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

  it('answers the latest month by default, with the plan, the changed indicators, risks, decisions and actions', async () => {
    const response = await get(analyst, '/api/performance/report');
    expect(response.statusCode).toBe(200);
    const report = response.json() as BoardReport;
    expect(report).toMatchObject({ period: '2026-09', periodLabel: 'September 2026', footprint: { code: FOOTPRINT } });
    expect(report.plan?.version).toBe('2021 ambitions');
    expect(report.scorecard!.rows.length).toBeGreaterThan(0);
    expect(report.indicators.considered).toBeGreaterThan(0);
    for (const c of report.indicators.changed) {
      expect(c.latest.period).toBe('2026-09');
      expect(c.reasons.length).toBeGreaterThan(0);
      expect(c.synthetic).toBe(true);
    }
    expect(report.risks.top.length).toBeGreaterThan(0);
    const scores = report.risks.top.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(report.governance.decisions.map((d) => d.reference)).toEqual(['PB-2026-21']);
    expect(report.governance.actions.map((a) => a.description)).toContain('Publish the annual report 2025/26.');
    expect(report.ratings.computed.map((r) => r.engine.id)).toContain('stp-progress-dashboard');
    expect(report.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same report for the same period, and another for another month', async () => {
    const a = (await get(analyst, '/api/performance/report?period=2025-09')).json() as BoardReport;
    const b = (await get(analyst, '/api/performance/report?period=2025-09')).json() as BoardReport;
    expect(b).toEqual(a);
    expect(a.governance.decisions.map((d) => d.reference)).toEqual(['PB-2025-18', 'PB-2025-19']);
    const other = (await get(analyst, '/api/performance/report?period=2026-09')).json() as BoardReport;
    expect(other.digest).not.toBe(a.digest);
  });

  it('serves the PDF with a file name, its text, and the same bytes each time', async () => {
    const first = await get(analyst, '/api/performance/report.pdf?period=2025-09');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe('attachment; filename="board-report-cheshire-and-merseyside-health-and-care-partnership-2025-09.pdf"');
    const second = await get(analyst, '/api/performance/report.pdf?period=2025-09');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    const text = await pdfText(first.rawPayload);
    expect(text).toContain('Board report');
    expect(text).toContain('September 2025');
    expect(text).toContain('Approved the winter plan 2025/26.');
    expect(text).toContain('Indicators that changed');
  });

  it('refuses a bad period with 400 naming it, and anyone not signed in with 401', async () => {
    for (const bad of ['2025-13', 'September', '2025-9']) {
      for (const path of ['/api/performance/report', '/api/performance/report.pdf']) {
        const response = await get(analyst, `${path}?period=${bad}`);
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ title: 'Invalid period', detail: expect.stringContaining('period must be a month YYYY-MM') });
      }
    }
    expect((await get(analyst, '/api/performance/report?period=2025-01&period=2025-02')).statusCode).toBe(400);
    expect((await get(null, '/api/performance/report')).statusCode).toBe(401);
    expect((await get(null, '/api/performance/report.pdf')).statusCode).toBe(401);
  });
});
