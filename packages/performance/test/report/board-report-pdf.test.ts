import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { buildBoardReport } from '../../src/report/build';
import { renderBoardReportPdf, REPORT_SECTIONS } from '../../src/report/pdf';
import { inputs } from './fixture';

async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; info: Record<string, unknown> }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    return { text: text.text.replace(/\s+/g, ' '), pages: text.total, info: (info.info ?? {}) as Record<string, unknown> };
  } finally {
    await parser.destroy();
  }
}

describe('the board report as a PDF', () => {
  it('has a title page, every section, the tables, the changed indicator with its icons in words, and page numbers', async () => {
    const report = buildBoardReport(inputs());
    const pdf = await renderBoardReportPdf(report);
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
    const { text, pages, info } = await pdfText(pdf);
    expect(text).toContain('Board report Cheshire and Merseyside March 2025');
    expect(text).toContain('The plan: Cheshire and Merseyside Health and Care Partnership plan (2021 ambitions)');
    for (const section of REPORT_SECTIONS) expect(text).toContain(section);
    expect(text).toContain('Four in five A&E patients seen within four hours');
    expect(text).toContain('A&E four-hour performance (synthetic)');
    expect(text).toContain('Variation: Special cause variation: improvement, higher values.');
    expect(text).toContain('1 of the 2 indicators with a value for March 2025 changed');
    expect(text).not.toContain('Premature mortality from cancer (');
    expect(text).toContain('Virtual wards at 40 beds per 100,000');
    expect(text).toContain('Single point of access for community services');
    expect(text).toContain('Winter demand exceeds capacity');
    expect(text).not.toContain('Closed risk that scored highest');
    expect(text).toContain('PB/25/07: Approved the winter surge plan.');
    expect(text).not.toContain('Noted the February finance report');
    expect(text).toContain('Agree the discharge dashboard with councils');
    expect(text).toContain('In progress (overdue)');
    expect(text).toContain('Category 2 – Advanced');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(info.Title).toBe('Board report, Cheshire and Merseyside, March 2025');
    expect(String(info.Keywords)).toContain(`sha256:${report.digest}`);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (en-GB)');
    expect(raw).toContain('(D:20250401000000Z)');
    // The sections are bookmarked (the PDF's outline).
    expect(raw).toContain('/Outlines');
  });

  it('is byte for byte the same for the same period and data, and differs when the data does', async () => {
    const first = await renderBoardReportPdf(buildBoardReport(inputs()));
    const second = await renderBoardReportPdf(buildBoardReport(inputs()));
    expect(first.equals(second)).toBe(true);
    const other = inputs();
    other.plan!.risks[0]!.data.title = 'A different risk';
    const third = await renderBoardReportPdf(buildBoardReport(other));
    expect(third.equals(first)).toBe(false);
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    expect(id(first)).toBeDefined();
    expect(id(third)).not.toBe(id(first));
  });

  it('says so where a section is empty', async () => {
    const empty = inputs({ plan: null, scorecard: null, indicators: [], ratings: { computed: [], published: [] }, governance: { decisions: [], actions: [] } });
    const { text } = await pdfText(await renderBoardReportPdf(buildBoardReport(empty)));
    expect(text).toContain('The footprint has no current plan, so there is no scorecard.');
    expect(text).toContain('No milestones were due in the month.');
    expect(text).toContain('The plan has no open risks.');
    expect(text).toContain('No decisions were recorded in the month.');
    expect(text).toContain('No ratings were computed for the period.');
  });
});
