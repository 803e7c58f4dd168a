import PDFDocument from 'pdfkit';
import { CONSULTATION_REPORT_SECTIONS, type ConsultationReport } from './report';

const BLUE = '#005eb8';
const TEXT = '#212b32';
const GREY = '#4c6272';
const RULE = '#d8dde0';
const MARGIN = 50;

type Doc = PDFKit.PDFDocument;
const width = (doc: Doc) => doc.page.width - MARGIN * 2;
const roomFor = (doc: Doc, height: number) => {
  if (doc.y + height > doc.page.height - MARGIN - 30) doc.addPage();
};

function heading(doc: Doc, text: string, size: number, colour = BLUE): void {
  roomFor(doc, size * 4);
  if (size >= 16) doc.outline.addItem(text);
  doc.moveDown(0.5).fillColor(colour).font('Helvetica-Bold').fontSize(size).text(text, MARGIN, doc.y, { width: width(doc) }).moveDown(0.2);
}

function paragraph(doc: Doc, text: string, options: { size?: number; colour?: string; indent?: number } = {}): void {
  for (const p of text.split(/\n\s*\n/).filter((x) => x.trim())) {
    doc.font('Helvetica').fontSize(options.size ?? 10);
    const w = width(doc) - (options.indent ?? 0);
    roomFor(doc, doc.heightOfString(p, { width: w }));
    doc.fillColor(options.colour ?? TEXT).text(p.trim(), MARGIN + (options.indent ?? 0), doc.y, { width: w }).moveDown(0.3);
  }
}

function table(doc: Doc, columns: string[], rows: string[][]): void {
  const w = width(doc);
  const first = columns.length > 3 ? 0.34 : 0.5;
  const shares = columns.map((_, i) => (i === 0 ? first : (1 - first) / (columns.length - 1)));
  const draw = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: shares[i]! * w - 8 }))) + 8;
    roomFor(doc, height);
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.fillColor(TEXT).text(c, x + 4, top + 4, { width: shares[i]! * w - 8, align: i === 0 ? 'left' : 'right' });
      x += shares[i]! * w;
    });
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + w, top + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  draw(columns, true);
  for (const r of rows) draw(r, false);
  doc.moveDown(0.6);
}

/**
 * The consultation report as an A4 PDF (pdfkit, built-in Helvetica): the summary of each question
 * with its table and comments, what the partnership will change, themes not covered and the method,
 * with an outline and page numbers. Reproducible: its dates are the consultation's close and its
 * keywords carry the content digest, so the same results give the same bytes.
 */
export function renderConsultationReportPdf(report: ConsultationReport, partnership: string): Promise<Buffer> {
  const stamp = new Date(`${report.asOf}T00:00:00Z`);
  const title = `Consultation report: ${report.title}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: title, Author: partnership, Subject: `What people told us, what will change, and how the consultation was run`, Keywords: `consultation report; ${report.consultationId}; sha256:${report.digest}`, Creator: 'Footprint', Producer: 'Footprint consultation report (PDFKit)', CreationDate: stamp, ModDate: stamp },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fillColor(GREY).font('Helvetica').fontSize(10).text(partnership, MARGIN, MARGIN, { width: width(doc) });
  doc.fillColor(BLUE).font('Helvetica-Bold').fontSize(20).text(title, { width: width(doc) }).moveDown(0.5);
  paragraph(doc, report.summary);

  heading(doc, CONSULTATION_REPORT_SECTIONS[0], 16);
  for (const q of report.questions) {
    heading(doc, q.title, 12, TEXT);
    for (const s of q.sentences) paragraph(doc, s);
    if (q.table) table(doc, q.table.columns, q.table.rows);
    for (const c of q.comments) {
      paragraph(doc, `“${c.text}”`, { indent: 12 });
      paragraph(doc, `Response ${c.responsePublicId}`, { indent: 12, size: 8, colour: GREY });
    }
  }
  heading(doc, CONSULTATION_REPORT_SECTIONS[1], 16);
  if (report.outcomes.length === 0) paragraph(doc, 'The partnership has not yet recorded what it will change.', { colour: GREY });
  for (const o of report.outcomes) {
    for (const [label, text] of [['We asked', o.weAsked], ['You said', o.youSaid], ['We did', o.weDid]] as const) {
      heading(doc, label, 11, TEXT);
      paragraph(doc, text);
    }
    doc.moveDown(0.4);
  }
  heading(doc, CONSULTATION_REPORT_SECTIONS[2], 16);
  paragraph(doc, report.themesNotCovered || 'None were recorded.');
  heading(doc, CONSULTATION_REPORT_SECTIONS[3], 16);
  for (const m of report.method) paragraph(doc, m);
  paragraph(doc, `Content digest (SHA-256): ${report.digest}`, { size: 8, colour: GREY });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 10;
    doc.fillColor(GREY).font('Helvetica').fontSize(8);
    doc.text(`${partnership} · ${title}`.slice(0, 110), MARGIN, y, { width: width(doc) * 0.75, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, y, { width: width(doc), align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
