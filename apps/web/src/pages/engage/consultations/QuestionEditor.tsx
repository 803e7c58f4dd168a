import type { Question, QuestionOption, QuestionType } from '@footprint/engage';

/** The question types in words, for the builder's type picker. */
export const TYPE_WORDS: Record<QuestionType, string> = {
  'short-text': 'Short text',
  'long-text': 'Long text',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  'rating-scale': 'Rating scale',
  ranking: 'Ranking',
  matrix: 'Matrix',
};

const slug = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'option';

/** Options from lines of text, each id a slug of its label (kept when the label is unchanged, made unique with -2, -3). */
export function optionsFromLines(text: string, previous: QuestionOption[] = []): QuestionOption[] {
  const used = new Set<string>();
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((label) => {
      let id = previous.find((o) => o.label === label)?.id ?? slug(label);
      for (let n = 2; used.has(id); n++) id = `${slug(label).slice(0, 36)}-${n}`;
      used.add(id);
      return { id, label };
    });
}
const lines = (options: QuestionOption[]) => options.map((o) => o.label).join('\n');

/** A new question of a type, with sensible starting options. */
export function newQuestion(type: QuestionType, id: string): Question {
  const base = { id, title: '', required: false };
  switch (type) {
    case 'short-text':
    case 'long-text':
      return { ...base, type };
    case 'single-choice':
    case 'multiple-choice':
    case 'ranking':
      return { ...base, type, options: optionsFromLines('Option one\nOption two') };
    case 'rating-scale':
      return { ...base, type, min: 1, max: 5, minLabel: 'Very poor', maxLabel: 'Very good' };
    case 'matrix':
      return { ...base, type, rows: optionsFromLines('Row one'), columns: optionsFromLines('Good\nOK\nPoor') };
  }
}

/** The answers an earlier question offers to a display condition: its options, or the rating's numbers. */
function conditionChoices(q: Question): QuestionOption[] | undefined {
  if (q.type === 'single-choice' || q.type === 'multiple-choice') return q.options;
  if (q.type === 'rating-scale') return Array.from({ length: Math.max(0, q.max - q.min + 1) }, (_, i) => ({ id: String(q.min + i), label: String(q.min + i) }));
  return undefined;
}

interface EditorProps {
  question: Question;
  index: number;
  earlier: Question[];
  count: number;
  frozen: boolean;
  onChange(q: Question): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

/** One question in the builder: type, wording, required, its options or scale, a display condition on an earlier answer; move and remove. */
export function QuestionEditor({ question: q, index, earlier, count, frozen, onChange, onMove, onRemove }: EditorProps) {
  const at = `question-${index + 1}`;
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch } as Question);
  const candidates = earlier.filter((e) => conditionChoices(e));
  const conditionOn = q.showIf ? earlier.find((e) => e.id === q.showIf!.question) : undefined;
  const choices = conditionOn ? (conditionChoices(conditionOn) ?? []) : [];
  const textArea = (id: string, label: string, value: string, change: (v: string) => void, hint?: string) => (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <textarea className="nhsuk-textarea" id={id} rows={3} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => change(e.target.value)} />
    </div>
  );
  return (
    <fieldset className="nhsuk-fieldset fp-builder-question" disabled={frozen} data-testid={at}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        Question {index + 1}: {TYPE_WORDS[q.type]}
      </legend>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${at}-title`}>
          Question {index + 1} wording
        </label>
        <input className="nhsuk-input" id={`${at}-title`} value={q.title} onChange={(e) => set({ title: e.target.value })} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${at}-hint`}>
          Question {index + 1} hint (optional)
        </label>
        <input className="nhsuk-input" id={`${at}-hint`} value={q.hint ?? ''} onChange={(e) => set({ hint: e.target.value || undefined })} />
      </div>
      {(q.type === 'single-choice' || q.type === 'multiple-choice' || q.type === 'ranking') &&
        textArea(`${at}-options`, `Question ${index + 1} options`, lines(q.options), (v) => set({ options: optionsFromLines(v, q.options) }), 'One option per line')}
      {q.type === 'matrix' && (
        <>
          {textArea(`${at}-rows`, `Question ${index + 1} rows`, lines(q.rows), (v) => set({ rows: optionsFromLines(v, q.rows) }), 'One row per line: each gets one answer')}
          {textArea(`${at}-columns`, `Question ${index + 1} columns`, lines(q.columns), (v) => set({ columns: optionsFromLines(v, q.columns) }), 'One column per line: the answers each row offers')}
        </>
      )}
      {q.type === 'rating-scale' && (
        <div className="fp-builder-row">
          {(['min', 'max'] as const).map((k) => (
            <div key={k} className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${at}-${k}`}>
                {k === 'min' ? 'Lowest' : 'Highest'}
              </label>
              <input className="nhsuk-input nhsuk-input--width-3" id={`${at}-${k}`} type="number" value={q[k]} onChange={(e) => set({ [k]: Number(e.target.value) })} />
            </div>
          ))}
          {(['minLabel', 'maxLabel'] as const).map((k) => (
            <div key={k} className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${at}-${k}`}>
                {k === 'minLabel' ? 'Lowest means' : 'Highest means'}
              </label>
              <input className="nhsuk-input nhsuk-input--width-10" id={`${at}-${k}`} value={q[k]} onChange={(e) => set({ [k]: e.target.value })} />
            </div>
          ))}
        </div>
      )}
      <div className="nhsuk-checkboxes nhsuk-form-group">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={`${at}-required`} type="checkbox" checked={q.required} onChange={(e) => set({ required: e.target.checked })} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${at}-required`}>
            Question {index + 1} must be answered
          </label>
        </div>
      </div>
      {candidates.length > 0 && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${at}-show-if`}>
            Show question {index + 1} only when
          </label>
          <select className="nhsuk-select" id={`${at}-show-if`} value={q.showIf?.question ?? ''} onChange={(e) => set({ showIf: e.target.value ? { question: e.target.value, anyOf: [] } : undefined })}>
            <option value="">Always show it</option>
            {candidates.map((e) => (
              <option key={e.id} value={e.id}>
                the answer to question {earlier.indexOf(e) + 1} ({e.title || 'untitled'}) is…
              </option>
            ))}
          </select>
          {conditionOn && (
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small" role="group" aria-label={`Answers to question ${earlier.indexOf(conditionOn) + 1} that show question ${index + 1}`}>
              {choices.map((c) => (
                <div key={c.id} className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`${at}-show-if-${c.id}`}
                    type="checkbox"
                    checked={q.showIf!.anyOf.includes(c.id)}
                    onChange={(e) => set({ showIf: { question: conditionOn.id, anyOf: e.target.checked ? [...q.showIf!.anyOf, c.id] : q.showIf!.anyOf.filter((v) => v !== c.id) } })}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${at}-show-if-${c.id}`}>
                    {c.label}
                  </label>
                </div>
              ))}
            </div>
          )}
        </div>
      )}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={index === 0} onClick={() => onMove(-1)}>
          Move question {index + 1} up
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={index === count - 1} onClick={() => onMove(1)}>
          Move question {index + 1} down
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--warning nhsuk-button--small" onClick={onRemove}>
          Remove question {index + 1}
        </button>
      </div>
    </fieldset>
  );
}
