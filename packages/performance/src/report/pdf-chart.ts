import type { PointType, SpcResult } from '../types';
import { monthName } from './period';
import { MARGIN, SECONDARY, TEXT, contentWidth, ensureRoom } from './pdf-layout';
import { formatValue } from './words';

/** Making Data Count's colours (as NHSRplotthedots draws them). */
export const SPC_PDF_COLOURS = { common: '#a6a6a6', improvement: '#00b0f0', concern: '#e46c0a', neutral: '#490092', target: '#de1b1b', line: '#7f7f7f', mean: '#212b32' } as const;

const POINT_COLOUR: Record<PointType, string> = {
  common_cause: SPC_PDF_COLOURS.common,
  special_cause_improvement: SPC_PDF_COLOURS.improvement,
  special_cause_concern: SPC_PDF_COLOURS.concern,
  special_cause_neutral_high: SPC_PDF_COLOURS.neutral,
  special_cause_neutral_low: SPC_PDF_COLOURS.neutral,
};

const HEIGHT = 190;
const LEFT = 56;
const BOTTOM = 26;

/** Five or so round ticks covering [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * Draws an XmR chart as vector graphics at the current position: the values joined by a grey
 * line with each point coloured by its type, the mean (solid), the process limits (dashed) per
 * rebase group and the target (red, dashed), with a key in words beneath.
 */
export function drawSpcChart(doc: PDFKit.PDFDocument, result: SpcResult, unit: string): void {
  const points = result.points;
  if (points.length === 0) return;
  ensureRoom(doc, HEIGHT + 40);
  const width = contentWidth(doc);
  const top = doc.y + 4;
  const plot = { x: MARGIN + LEFT, y: top, w: width - LEFT - 8, h: HEIGHT - BOTTOM };
  const all = points.flatMap((p) => [p.value, p.lpl, p.upl, ...(p.target === null ? [] : [p.target])]).filter(Number.isFinite);
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const pad = (hi - lo || 1) * 0.08;
  const yTicks = ticks(lo - pad, hi + pad);
  const yMin = Math.min(lo - pad, yTicks[0]!);
  const yMax = Math.max(hi + pad, yTicks.at(-1)!);
  const y = (v: number) => plot.y + plot.h - ((v - yMin) / (yMax - yMin)) * plot.h;
  const x = (i: number) => plot.x + (points.length === 1 ? plot.w / 2 : (i / (points.length - 1)) * plot.w);

  doc.save();
  doc.rect(plot.x, plot.y, plot.w, plot.h).lineWidth(0.5).strokeColor('#d8dde0').stroke();
  doc.font('Helvetica').fontSize(7).fillColor(SECONDARY);
  for (const t of yTicks) {
    if (t < yMin || t > yMax) continue;
    doc.moveTo(plot.x, y(t)).lineTo(plot.x + plot.w, y(t)).lineWidth(0.25).strokeColor('#eef0f1').stroke();
    doc.text(formatValue(t, '', 2), MARGIN, y(t) - 3, { width: LEFT - 6, align: 'right', lineBreak: false });
  }
  const every = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    if (i % every !== 0 && i !== points.length - 1) return;
    if (i !== points.length - 1 && points.length - 1 - i < every / 2) return;
    doc.text(monthName(p.date.slice(0, 7)).replace(/^(\w{3})\w*/, '$1'), x(i) - 25, plot.y + plot.h + 5, { width: 50, align: 'center', lineBreak: false });
  });

  // Mean, limits and target, per rebase group (each a segment of its own).
  const groups = [...new Set(points.map((p) => p.group))];
  for (const g of groups) {
    const idx = points.map((p, i) => (p.group === g ? i : -1)).filter((i) => i >= 0);
    const from = x(idx[0]!);
    const to = x(idx.at(-1)!);
    const p = points[idx[0]!]!;
    doc.moveTo(from, y(p.mean)).lineTo(to, y(p.mean)).lineWidth(1).strokeColor(SPC_PDF_COLOURS.mean).undash().stroke();
    for (const limit of [p.lpl, p.upl]) doc.moveTo(from, y(limit)).lineTo(to, y(limit)).lineWidth(0.8).strokeColor(SPC_PDF_COLOURS.line).dash(3, { space: 2 }).stroke();
  }
  const targets = points.map((p, i) => ({ i, t: p.target })).filter((p): p is { i: number; t: number } => p.t !== null);
  if (targets.length > 1) {
    doc.moveTo(x(targets[0]!.i), y(targets[0]!.t));
    for (const t of targets.slice(1)) doc.lineTo(x(t.i), y(t.t));
    doc.lineWidth(1).strokeColor(SPC_PDF_COLOURS.target).dash(5, { space: 3 }).stroke();
  }
  doc.undash();
  doc.moveTo(x(0), y(points[0]!.value));
  points.slice(1).forEach((p, i) => doc.lineTo(x(i + 1), y(p.value)));
  doc.lineWidth(1).strokeColor(SPC_PDF_COLOURS.line).stroke();
  points.forEach((p, i) => doc.circle(x(i), y(p.value), 2.6).fill(POINT_COLOUR[p.pointType]));
  doc.restore();

  // The key, in words and colour.
  doc.y = top + HEIGHT;
  doc.x = MARGIN;
  const key: Array<[string, string]> = [
    [SPC_PDF_COLOURS.common, 'common cause'],
    [SPC_PDF_COLOURS.improvement, 'improvement'],
    [SPC_PDF_COLOURS.concern, 'concern'],
    [SPC_PDF_COLOURS.neutral, 'neutral'],
  ];
  let kx = MARGIN + LEFT;
  const ky = doc.y + 4;
  doc.font('Helvetica').fontSize(7.5);
  for (const [colour, label] of key) {
    doc.circle(kx + 3, ky + 3, 2.6).fill(colour);
    doc.fillColor(TEXT).text(label, kx + 9, ky, { lineBreak: false });
    kx += 14 + doc.widthOfString(label) + 8;
  }
  doc.fillColor(TEXT).text(`Solid line: the mean. Dashed grey: the process limits.${targets.length ? ` Dashed red: the target (${formatValue(targets.at(-1)!.t, unit)}).` : ''}`, MARGIN + LEFT, ky + 11, { width: width - LEFT });
  doc.x = MARGIN;
  doc.moveDown(0.5);
}
