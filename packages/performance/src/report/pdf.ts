import PDFDocument from 'pdfkit';
import { longDate, monthName, periodBounds } from './period';
import { drawSpcChart } from './pdf-chart';
import { MARGIN, NHS_BLUE, SECONDARY, TEXT, contentWidth, paragraph, sectionHeading, subHeading, table, type PdfColumn } from './pdf-layout';
import type { BoardReport, ReportAction, ReportMilestone, ReportRisk, ReportScorecardRow } from './types';
import { MILESTONE_STATUS_WORDS, SCORECARD_STATUS_WORDS, assuranceWords, formatValue, trajectoryAssuranceWords, variationWords } from './words';

/** The report's sections, in order: the PDF's headings and outline, and the page's. */
export const REPORT_SECTIONS = ['The plan’s scorecard', 'Indicators that changed', 'Progress ratings', 'Milestones due and missed', 'Top risks', 'Decisions and actions', 'How this report is made'] as const;

const illustrative = (flag: boolean) => (flag ? ' (illustrative)' : '');

function scorecardSection(doc: PDFKit.PDFDocument, report: BoardReport): void {
  sectionHeading(doc, REPORT_SECTIONS[0]);
  if (!report.scorecard) return paragraph(doc, 'The footprint has no current plan, so there is no scorecard.', { colour: SECONDARY });
  paragraph(doc, `Each ambition for the footprint as at ${report.periodLabel}: the latest value, the plan's trajectory for that month, the gap between them, and what statistical process control says of the series.`);
  const columns: PdfColumn<ReportScorecardRow>[] = [
    { header: 'Ambition', share: 0.22, cell: (r) => `${r.statement}${illustrative(r.illustrative)}${r.indicator ? `\nMeasured by ${r.indicator}` : ''}` },
    { header: 'Latest', share: 0.1, cell: (r) => (r.latest ? `${formatValue(r.latest.value, r.unit)}\n${monthName(r.latest.period)}${r.latest.synthetic ? '\nSynthetic' : ''}` : 'No value') },
    { header: 'Trajectory', share: 0.11, cell: (r) => formatValue(r.trajectory, r.unit) },
    { header: 'Gap to trajectory', share: 0.11, cell: (r) => (r.gapToTrajectory ? `${formatValue(r.gapToTrajectory.value)} (${r.gapToTrajectory.direction})` : '–') },
    { header: 'Variation', share: 0.16, cell: (r) => variationWords(r.variation) },
    { header: 'Assurance', share: 0.13, cell: (r) => trajectoryAssuranceWords(r.assurance) },
    { header: 'Status and trend', share: 0.17, cell: (r) => `${SCORECARD_STATUS_WORDS[r.status] ?? r.status}. ${r.trend}` },
  ];
  const gaps = [...new Set(report.scorecard.rows.map((r) => r.gapLabel))];
  if (gaps.length === 0) paragraph(doc, 'The plan has no ambitions.', { colour: SECONDARY });
  for (const gap of gaps) table(doc, gap, columns, report.scorecard.rows.filter((r) => r.gapLabel === gap), 'No ambitions.');
}

function indicatorSection(doc: PDFKit.PDFDocument, report: BoardReport): void {
  sectionHeading(doc, REPORT_SECTIONS[1]);
  const { changed, considered, unchanged } = report.indicators;
  paragraph(doc, `${changed.length} of the ${considered} indicators with a value for ${report.periodLabel} changed; ${unchanged} showed no change. ${report.methods.changed}`);
  for (const indicator of changed) {
    subHeading(doc, `${indicator.name}${indicator.synthetic ? ' (synthetic)' : ''}`);
    paragraph(doc, `${indicator.why} Latest value ${formatValue(indicator.latest.value, indicator.unit)} in ${monthName(indicator.latest.period)}. Variation: ${variationWords(indicator.variation)}. Assurance: ${assuranceWords(indicator.assurance)}.`, { size: 9 });
    drawSpcChart(doc, indicator.spc, indicator.unit);
    for (const warning of indicator.spc.warnings) paragraph(doc, `Note: ${warning}`, { size: 8, colour: SECONDARY });
  }
}

function ratingsSection(doc: PDFKit.PDFDocument, report: BoardReport): void {
  sectionHeading(doc, REPORT_SECTIONS[2]);
  table(
    doc,
    'Computed ratings (each explained from its inputs on the progress ratings page)',
    [
      { header: 'Engine', share: 0.22, cell: (r) => r.engine.name },
      { header: 'Rating', share: 0.18, cell: (r) => r.rating?.label ?? 'Not rated' },
      { header: 'Score', share: 0.1, cell: (r) => formatValue(r.score, '', 2), align: 'right' },
      { header: 'Summary', share: 0.5, cell: (r) => [r.summary, ...r.notes].join(' ') },
    ],
    report.ratings.computed,
    'No ratings were computed for the period.',
  );
  table(
    doc,
    'Published ratings (as published, never recomputed)',
    [
      { header: 'Scheme', share: 0.22, cell: (r) => r.scheme },
      { header: 'Period', share: 0.1, cell: (r) => r.period },
      { header: 'Rating', share: 0.2, cell: (r) => r.ratingLabel },
      { header: 'Source', share: 0.48, cell: (r) => `${r.source}${r.sourceUrl ? ` ${r.sourceUrl}` : ''}` },
    ],
    report.ratings.published,
    'No published ratings are recorded for this footprint.',
  );
}

const milestoneColumns: PdfColumn<ReportMilestone>[] = [
  { header: 'Milestone', share: 0.34, cell: (m) => `${m.name}${illustrative(m.illustrative)}` },
  { header: 'Programme', share: 0.26, cell: (m) => m.programme },
  { header: 'Due', share: 0.14, cell: (m) => longDate(m.due) },
  { header: 'Status', share: 0.26, cell: (m) => `${MILESTONE_STATUS_WORDS[m.status] ?? m.status}${m.completed ? `, completed ${longDate(m.completed)}` : ''}${m.missed ? ' (missed)' : ''}` },
];

const riskColumns: PdfColumn<ReportRisk>[] = [
  { header: 'Risk', share: 0.26, cell: (r) => `${r.title}${illustrative(r.illustrative)}${r.programme ? `\nProgramme: ${r.programme}` : '\nThe whole plan'}` },
  { header: 'Score', share: 0.14, cell: (r) => `${r.score} (${r.band})\nL${r.likelihood} × I${r.impact}` },
  { header: 'Owner', share: 0.18, cell: (r) => r.owner },
  { header: 'Mitigation', share: 0.42, cell: (r) => r.mitigation },
];

const actionColumns: PdfColumn<ReportAction>[] = [
  { header: 'Action', share: 0.32, cell: (a) => `${a.description}${a.decision ? `\nFrom decision ${a.decision}` : ''}` },
  { header: 'Owner', share: 0.2, cell: (a) => a.owner },
  { header: 'Meeting', share: 0.2, cell: (a) => a.meeting.title },
  { header: 'Due', share: 0.13, cell: (a) => longDate(a.dueDate) },
  { header: 'Status', share: 0.15, cell: (a) => `${a.statusLabel}${a.overdue ? ' (overdue)' : ''}` },
];

function titlePage(doc: PDFKit.PDFDocument, report: BoardReport): void {
  const width = contentWidth(doc);
  doc.y = 200;
  doc.fillColor(NHS_BLUE).font('Helvetica-Bold').fontSize(28).text('Board report', MARGIN, doc.y, { width });
  doc.moveDown(0.4);
  doc.fillColor(TEXT).fontSize(18).text(report.footprint.name, { width });
  doc.font('Helvetica').fontSize(14).text(report.periodLabel, { width });
  doc.moveDown(0.6);
  doc.fontSize(11).text(report.plan ? `The plan: ${report.plan.name} (${report.plan.version})` : 'The footprint has no current plan.', { width });
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(11).text('Contents', { width });
  doc.font('Helvetica').fontSize(10);
  REPORT_SECTIONS.forEach((s, i) => doc.text(`${i + 1}. ${s}`, { width }));
  doc.moveDown(2);
  doc.fillColor(SECONDARY).fontSize(8.5).text(`Made from the data as at the end of ${report.periodLabel} (${longDate(report.periodEnd)}). The same period and data always give this same report; its content digest is SHA-256 ${report.digest}.`, { width });
}

/**
 * Renders the board report as an A4 PDF with pdfkit (no browser): a title page, one section per
 * part with tables and SPC charts as vector graphics, an outline, page numbers, and metadata
 * (title, language). Deterministic: the dates in its metadata are the day after the period and
 * its file ID follows from the metadata, which carries the content digest, so the same report
 * gives the same bytes.
 */
export function renderBoardReportPdf(report: BoardReport): Promise<Buffer> {
  const stamp = new Date(`${periodBounds(report.period).after}T00:00:00Z`);
  const title = `Board report, ${report.footprint.name}, ${report.periodLabel}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: title,
      Author: report.footprint.name,
      Subject: `The plan's scorecard, indicators that changed, ratings, milestones, risks, decisions and actions for ${report.periodLabel}`,
      Keywords: `board report; ${report.period}; ${report.footprint.code}; sha256:${report.digest}`,
      Creator: 'Footprint',
      Producer: 'Footprint board report (PDFKit)',
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titlePage(doc, report);
  scorecardSection(doc, report);
  indicatorSection(doc, report);
  ratingsSection(doc, report);
  sectionHeading(doc, REPORT_SECTIONS[3]);
  table(doc, `Milestones due in ${report.periodLabel}`, milestoneColumns, report.milestones.due, 'No milestones were due in the month.');
  table(doc, `Milestones missed as at ${longDate(report.periodEnd)}`, milestoneColumns, report.milestones.missed, 'No milestones were missed.');
  paragraph(doc, report.methods.milestones, { size: 8.5, colour: SECONDARY });
  sectionHeading(doc, REPORT_SECTIONS[4]);
  table(doc, `The ${report.risks.top.length} highest-scoring of ${report.risks.open} open risks`, riskColumns, report.risks.top, 'The plan has no open risks.');
  sectionHeading(doc, REPORT_SECTIONS[5]);
  table(
    doc,
    `Decisions taken in ${report.periodLabel}`,
    [
      { header: 'Decision', share: 0.5, cell: (d) => `${d.reference ? `${d.reference}: ` : ''}${d.text}` },
      { header: 'Meeting', share: 0.3, cell: (d) => d.meeting.title },
      { header: 'Status', share: 0.2, cell: (d) => d.statusLabel },
    ],
    report.governance.decisions,
    'No decisions were recorded in the month.',
  );
  table(doc, `Actions raised or due in ${report.periodLabel}`, actionColumns, report.governance.actions, 'No actions were raised or due in the month.');
  sectionHeading(doc, REPORT_SECTIONS[6]);
  for (const text of [report.methods.changed, report.methods.milestones, report.methods.risks, report.methods.governance]) paragraph(doc, text, { size: 9 });
  paragraph(doc, `Content digest (SHA-256): ${report.digest}`, { size: 8, colour: SECONDARY });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 10;
    doc.fillColor(SECONDARY).font('Helvetica').fontSize(8);
    doc.text(`${report.footprint.name} · Board report, ${report.periodLabel}`, MARGIN, y, { width: contentWidth(doc) * 0.7, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, y, { width: contentWidth(doc), align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
