import PDFDocument from 'pdfkit';
import { readableDate, type RecordEntry, type RecordSummary } from './summary';

const NHS_BLUE = '#005eb8';
const TEXT = '#212b32';
const SECONDARY = '#4c6272';
const MARGIN = 56;

/**
 * Renders a person's record summary as an A4 PDF they can read, print or take to an
 * appointment: a header with their name, NHS number and date of birth, one section per kind of
 * entry (each with its date and the organisation that recorded it), page numbers and the date
 * it was made. Built-in PDF fonts only, so nothing is fetched or embedded from outside.
 */
export function renderRecordPdf(summary: RecordSummary, generatedAt: Date = new Date()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `Health record of ${summary.name}`, Author: 'Footprint shared care record', Subject: 'A readable copy of your health record' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.fillColor(NHS_BLUE).font('Helvetica-Bold').fontSize(20).text('Your health record', { width });
  doc.moveDown(0.3);
  doc.fillColor(TEXT).font('Helvetica-Bold').fontSize(14).text(summary.name, { width });
  doc.font('Helvetica').fontSize(11).text(`NHS number: ${summary.nhsNumber}`).text(`Date of birth: ${summary.birthDate}`);
  doc.fillColor(SECONDARY).fontSize(9).text(`Generated on ${readableDate(generatedAt.toISOString())} from the shared care record. It holds what partner organisations have recorded and you may see.`, { width });
  doc.moveDown(0.5);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).strokeColor(NHS_BLUE).lineWidth(1.5).stroke();

  for (const section of summary.sections) {
    doc.moveDown(1);
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.fillColor(NHS_BLUE).font('Helvetica-Bold').fontSize(14).text(section.title, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    if (section.entries.length === 0) {
      doc.fillColor(SECONDARY).font('Helvetica').fontSize(10).text(section.empty, { width });
      continue;
    }
    for (const entry of section.entries) writeEntry(doc, entry, width);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const footerY = doc.page.height - MARGIN;
    // Writing inside the bottom margin must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fillColor(SECONDARY).font('Helvetica').fontSize(8);
    doc.text(`${summary.name}  ·  NHS number ${summary.nhsNumber}`, MARGIN, footerY, { width: width * 0.7, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, footerY, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function writeEntry(doc: PDFKit.PDFDocument, entry: RecordEntry, width: number): void {
  if (doc.y > doc.page.height - 120) doc.addPage();
  const dateWidth = 110;
  const top = doc.y;
  doc.fillColor(TEXT).font('Helvetica').fontSize(10).text(entry.date, MARGIN, top, { width: dateWidth - 8 });
  const afterDate = doc.y;
  doc.font('Helvetica-Bold').fontSize(10).text(entry.text, MARGIN + dateWidth, top, { width: width - dateWidth });
  doc.font('Helvetica').fillColor(SECONDARY).fontSize(9);
  if (entry.detail) doc.text(entry.detail, MARGIN + dateWidth, doc.y, { width: width - dateWidth });
  doc.text(`Recorded by ${entry.organisation}`, MARGIN + dateWidth, doc.y, { width: width - dateWidth });
  doc.y = Math.max(doc.y, afterDate) + 6;
  doc.x = MARGIN;
}
