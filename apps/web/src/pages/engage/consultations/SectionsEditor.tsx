import type { ContentSection } from '@footprint/engage';

/** Background or easy-read sections in the builder: a heading and plain text (blank lines between paragraphs) each; add and remove. */
export function SectionsEditor({ kind, sections, onChange }: { kind: 'Background' | 'Easy read'; sections: ContentSection[]; onChange(sections: ContentSection[]): void }) {
  const key = kind === 'Background' ? 'background' : 'easy-read';
  const set = (i: number, patch: Partial<ContentSection>) => onChange(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <>
      <h2>{kind} sections</h2>
      {sections.map((s, i) => (
        <fieldset key={i} className="nhsuk-fieldset fp-builder-question">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            {kind} section {i + 1}
          </legend>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${key}-${i}-heading`}>
              {kind} section {i + 1} heading
            </label>
            <input className="nhsuk-input" id={`${key}-${i}-heading`} value={s.heading} onChange={(e) => set(i, { heading: e.target.value })} />
          </div>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${key}-${i}-body`}>
              {kind} section {i + 1} text
            </label>
            <div className="nhsuk-hint" id={`${key}-${i}-body-hint`}>
              Plain text; leave a blank line between paragraphs
            </div>
            <textarea className="nhsuk-textarea" id={`${key}-${i}-body`} rows={4} aria-describedby={`${key}-${i}-body-hint`} value={s.body} onChange={(e) => set(i, { body: e.target.value })} />
          </div>
          <button type="button" className="nhsuk-button nhsuk-button--warning nhsuk-button--small" onClick={() => onChange(sections.filter((_, j) => j !== i))}>
            Remove {kind.toLowerCase()} section {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onChange([...sections, { heading: '', body: '' }])}>
        {kind === 'Background' ? 'Add a background section' : 'Add an easy read section'}
      </button>
    </>
  );
}
