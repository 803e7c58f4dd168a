import { CONSULTATION_REPORT_SECTIONS, type ConsultationReport } from './report';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Plain text with blank-line paragraphs, as <p> elements (escaped: answers and notes are never HTML). */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p)}</p>`)
    .join('\n');

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;color:#212b32;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5}
h1,h2{color:#005eb8}table{border-collapse:collapse;margin:1em 0;width:100%}th,td{border-bottom:1px solid #d8dde0;padding:.3em .5em;text-align:left}
td.n{text-align:right}caption{text-align:left;font-weight:bold;color:#4c6272}blockquote{border-left:4px solid #d8dde0;margin:.5em 0;padding:.2em 1em}
.ref{color:#4c6272;font-size:.9em}`;

/** The consultation report as one self-contained HTML document (no scripts, no external files), every value escaped. */
export function renderConsultationReportHtml(report: ConsultationReport, partnership: string): string {
  const questions = report.questions
    .map((q) => {
      const table = q.table
        ? `<table><caption>${escape(q.table.caption)}</caption><thead><tr>${q.table.columns.map((c) => `<th scope="col">${escape(c)}</th>`).join('')}</tr></thead><tbody>${q.table.rows
            .map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escape(cell)}</th>` : `<td class="n">${escape(cell)}</td>`)).join('')}</tr>`)
            .join('')}</tbody></table>`
        : '';
      const comments = q.comments.map((c) => `<blockquote>${paragraphs(c.text)}<p class="ref">Response ${escape(c.responsePublicId)}</p></blockquote>`).join('\n');
      return `<section><h3>${escape(q.title)}</h3>${q.sentences.map((s) => `<p>${escape(s)}</p>`).join('')}${table}${comments}</section>`;
    })
    .join('\n');
  const outcomes = report.outcomes.length
    ? report.outcomes.map((o) => `<section><h3>We asked</h3>${paragraphs(o.weAsked)}<h3>You said</h3>${paragraphs(o.youSaid)}<h3>We did</h3>${paragraphs(o.weDid)}</section>`).join('\n')
    : '<p>The partnership has not yet recorded what it will change.</p>';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`Consultation report: ${report.title} – ${partnership}`)}</title><style>${STYLE}</style></head>
<body><main>
<p>${escape(partnership)}</p>
<h1>Consultation report: ${escape(report.title)}</h1>
${paragraphs(report.summary)}
<h2>${CONSULTATION_REPORT_SECTIONS[0]}</h2>
${questions}
<h2>${CONSULTATION_REPORT_SECTIONS[1]}</h2>
${outcomes}
<h2>${CONSULTATION_REPORT_SECTIONS[2]}</h2>
${report.themesNotCovered ? paragraphs(report.themesNotCovered) : '<p>None were recorded.</p>'}
<h2>${CONSULTATION_REPORT_SECTIONS[3]}</h2>
${report.method.map((m) => `<p>${escape(m)}</p>`).join('\n')}
<p class="ref">Content digest (SHA-256): ${report.digest}</p>
</main></body></html>
`;
}
