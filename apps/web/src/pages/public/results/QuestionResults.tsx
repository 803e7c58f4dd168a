import type { QuestionResult, QuestionSummary } from '@footprint/engage';
import { FiguresTable, Heading, Paragraphs } from './FiguresTable';
import { ResultsChart } from './ResultsChart';

const show = (c: number | '*') => (c === '*' ? '*' : c.toLocaleString('en-GB'));

/** One question's published result: its summary in words, a chart and a table of the same numbers, and any approved comments. */
export function QuestionResults({ question: q, summary, level = 3 }: { question: QuestionResult; summary: QuestionSummary; level?: number }) {
  const id = `question-${q.id}`;
  const figures = q.answered !== 0;
  return (
    <section className="fp-results-question" aria-labelledby={id} data-question={q.id}>
      <Heading level={level} id={id}>
        {q.title}
      </Heading>
      {summary.sentences.map((s) => (
        <p key={s}>{s}</p>
      ))}
      {figures && (q.type === 'single-choice' || q.type === 'multiple-choice' || q.type === 'rating-scale') && (
        <>
          <ResultsChart id={id} title={q.title} options={q.options} />
          <FiguresTable caption={`${q.title} (the chart’s numbers)`} first={q.type === 'rating-scale' ? 'Rating' : 'Answer'} options={q.options} />
        </>
      )}
      {figures && q.type === 'ranking' && (
        <>
          <ResultsChart id={id} title={`${q.title}: how many put each first`} options={q.firstChoice} />
          <FiguresTable caption={`${q.title}: first choices and average position (1 is most important)`} first="Option" options={q.firstChoice} extra={{ header: 'Average position', cells: q.meanRank.map((r) => (r.meanRank === null ? '*' : String(r.meanRank))) }} />
        </>
      )}
      {figures && q.type === 'matrix' && (
        <table className="nhsuk-table fp-results-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">{q.title}: responses (per cent) for each row</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <td />
              {q.rows[0]?.columns.map((c) => (
                <th key={c.id} scope="col" className="nhsuk-table__header--numeric">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {q.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                {r.columns.map((c) => (
                  <td key={c.id} className="nhsuk-table__cell--numeric">
                    {show(c.count)} ({c.percent === '*' ? '*' : `${c.percent}%`})
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(q.type === 'short-text' || q.type === 'long-text') && q.comments.length > 0 && (
        <ul className="nhsuk-list fp-results-comments">
          {q.comments.map((c) => (
            <li key={`${c.responsePublicId}-${c.questionId}`}>
              <blockquote className="fp-results-comment">
                <Paragraphs text={c.text} />
                <p className="nhsuk-body-s fp-results-comment__ref">Response {c.responsePublicId}</p>
              </blockquote>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
