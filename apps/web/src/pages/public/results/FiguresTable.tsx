import { createElement, type ReactNode } from 'react';
import type { OptionFigure } from '@footprint/engage';

const show = (c: number | '*') => (c === '*' ? '*' : c.toLocaleString('en-GB'));

/** A table of published counts and percentages: the chart's numbers, readable by everyone. */
export function FiguresTable({ caption, first, options, extra }: { caption: string; first: string; options: readonly OptionFigure[]; extra?: { header: string; cells: string[] } }) {
  return (
    <table className="nhsuk-table fp-results-table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="nhsuk-table__header--numeric">
            Responses
          </th>
          <th scope="col" className="nhsuk-table__header--numeric">
            Per cent
          </th>
          {extra && (
            <th scope="col" className="nhsuk-table__header--numeric">
              {extra.header}
            </th>
          )}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {options.map((o, i) => (
          <tr key={o.id}>
            <th scope="row">{o.label}</th>
            <td className="nhsuk-table__cell--numeric">{show(o.count)}</td>
            <td className="nhsuk-table__cell--numeric">{o.percent === '*' ? '*' : `${o.percent}%`}</td>
            {extra && <td className="nhsuk-table__cell--numeric">{extra.cells[i]}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Plain text with blank-line paragraphs, as paragraphs (never HTML). */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className={className}>
            {p}
          </p>
        ))}
    </>
  );
}

/** A heading at a level given at run time (the results render as a page, or inside the staff preview one level down). */
export function Heading({ level, id, className, children }: { level: number; id?: string; className?: string; children: ReactNode }) {
  return createElement(`h${Math.min(6, Math.max(1, level))}`, { id, className }, children);
}
