/**
 * Drawing helpers for the board report's PDF (pdfkit, built-in Helvetica): headings, paragraphs
 * and tables that break across pages and repeat their header row.
 */

export const NHS_BLUE = '#005eb8';
export const TEXT = '#212b32';
export const SECONDARY = '#4c6272';
export const RULE = '#d8dde0';
export const HEADER_FILL = '#f0f4f5';
export const MARGIN = 50;
/** Room kept at the foot of each page for the page number. */
export const FOOTER = 30;

type Doc = PDFKit.PDFDocument;

export const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;
const bottom = (doc: Doc) => doc.page.height - MARGIN - FOOTER;

/** Starts a new page unless `height` more points fit on this one. */
export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** A section heading, with a bookmark in the PDF's outline. */
export function sectionHeading(doc: Doc, text: string): void {
  doc.addPage();
  doc.outline.addItem(text);
  doc.fillColor(NHS_BLUE).font('Helvetica-Bold').fontSize(16).text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

export function subHeading(doc: Doc, text: string): void {
  ensureRoom(doc, 60);
  doc.moveDown(0.4);
  doc.fillColor(TEXT).font('Helvetica-Bold').fontSize(12).text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
}

export function paragraph(doc: Doc, text: string, options: { size?: number; colour?: string; bold?: boolean } = {}): void {
  doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.size ?? 10);
  ensureRoom(doc, doc.heightOfString(text, { width: contentWidth(doc) }));
  doc.fillColor(options.colour ?? TEXT).text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

export interface PdfColumn<T> {
  header: string;
  /** Share of the width (the shares of a table's columns add up to 1). */
  share: number;
  cell: (row: T) => string;
  align?: 'left' | 'right';
}

const PAD = 4;
const SIZE = 8.5;

function rowHeight<T>(doc: Doc, cells: string[], columns: readonly PdfColumn<T>[], width: number, bold: boolean): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(SIZE);
  return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: columns[i]!.share * width - PAD * 2 }))) + PAD * 2;
}

function drawRow<T>(doc: Doc, cells: string[], columns: readonly PdfColumn<T>[], width: number, height: number, header: boolean): void {
  const top = doc.y;
  if (header) doc.rect(MARGIN, top, width, height).fill(HEADER_FILL);
  let x = MARGIN;
  doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(SIZE).fillColor(TEXT);
  cells.forEach((text, i) => {
    const w = columns[i]!.share * width;
    doc.text(text, x + PAD, top + PAD, { width: w - PAD * 2, align: columns[i]!.align ?? 'left' });
    x += w;
  });
  doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.x = MARGIN;
  doc.y = top + height;
}

/** A table with a caption; the header row is repeated on every page it runs onto; `empty` when there are no rows. */
export function table<T>(doc: Doc, caption: string, columns: readonly PdfColumn<T>[], rows: readonly T[], empty: string): void {
  const width = contentWidth(doc);
  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, headers, columns, width, true);
  ensureRoom(doc, headerHeight + 40);
  doc.font('Helvetica-Bold').fontSize(9).fillColor(SECONDARY).text(caption, MARGIN, doc.y, { width });
  doc.moveDown(0.2);
  if (rows.length === 0) {
    paragraph(doc, empty, { colour: SECONDARY, size: 9 });
    return;
  }
  drawRow(doc, headers, columns, width, headerHeight, true);
  for (const row of rows) {
    const cells = columns.map((c) => c.cell(row));
    const height = rowHeight(doc, cells, columns, width, false);
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      drawRow(doc, headers, columns, width, headerHeight, true);
    }
    drawRow(doc, cells, columns, width, height, false);
  }
  doc.moveDown(0.6);
}
