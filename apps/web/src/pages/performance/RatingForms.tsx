import { useState, type FormEvent } from 'react';
import type { MaturityConfiguration, RatingsOverview } from '@footprint/performance';
import { Field, FormCard, FormErrors, Radios, SelectField, TextArea, useSave } from '../partnership/governance/form-fields';

/** Records a rating as it was published, with its source (performance-edit only). */
export function PublishedRatingForm({ overview, onSaved }: { overview: RatingsOverview; onSaved(): void }) {
  const [footprintCode, setCode] = useState(overview.footprint.code);
  const [footprintName, setName] = useState(overview.footprint.name);
  const [scheme, setScheme] = useState(overview.schemes[0].id);
  const [period, setPeriod] = useState('');
  const [rating, setRating] = useState(overview.schemes[0].ratings[0].value);
  const [source, setSource] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useSave({ footprintCode: 'published-code', footprintName: 'published-name', scheme: 'published-scheme', period: 'published-period', rating: 'published-rating', source: 'published-source', sourceUrl: 'published-url' });
  const ratings = overview.schemes.find((s) => s.id === scheme)?.ratings ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (form.fail([...(period.trim() ? [] : [{ field: 'published-period', message: 'Enter the period the rating is for' }]), ...(source.trim() ? [] : [{ field: 'published-source', message: 'Say where the rating was published' }])])) return;
    if (await form.save('POST', '/performance/ratings/published', { footprintCode, footprintName, scheme, period, rating, source, sourceUrl: sourceUrl || undefined })) {
      setSaved(true);
      onSaved();
    }
  }
  return (
    <FormCard title="Record a published rating" testId="published-rating-form">
      <form onSubmit={submit} noValidate>
        <FormErrors id="published-rating-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
        {saved && <p data-testid="published-rating-saved">The published rating was recorded.</p>}
        <Field id="published-code" label="Footprint ONS code" hint="For example, E54000048" value={footprintCode} onChange={setCode} error={form.errorFor('published-code')} width="nhsuk-input--width-10" />
        <Field id="published-name" label="Footprint name" value={footprintName} onChange={setName} error={form.errorFor('published-name')} />
        <SelectField
          id="published-scheme"
          label="Scheme"
          value={scheme}
          onChange={(v) => {
            setScheme(v);
            setRating(overview.schemes.find((s) => s.id === v)?.ratings[0].value ?? '');
          }}
          options={overview.schemes.map((s) => ({ value: s.id, label: s.name }))}
          error={form.errorFor('published-scheme')}
        />
        <Field id="published-period" label="Period" hint="A month (2017-07) or a financial year (2025/26)" value={period} onChange={setPeriod} error={form.errorFor('published-period')} width="nhsuk-input--width-10" />
        <SelectField id="published-rating" label="Rating as published" value={rating} onChange={setRating} options={ratings.map((r) => ({ value: r.value, label: `${r.value}: ${r.label}` }))} error={form.errorFor('published-rating')} />
        <TextArea id="published-source" label="Source" hint="Who published it, and where" value={source} onChange={setSource} rows={2} error={form.errorFor('published-source')} />
        <Field id="published-url" label="Source web address (optional)" type="url" value={sourceUrl} onChange={setSourceUrl} error={form.errorFor('published-url')} />
        <button className="nhsuk-button" type="submit" disabled={form.busy}>
          Record the rating
        </button>
      </form>
    </FormCard>
  );
}

const ANSWERS = [
  { code: 'met', label: 'Met' },
  { code: 'not-met', label: 'Not met' },
];

/** A new ICS maturity self-assessment: each criterion met or not, against the three tests. */
export function MaturityForm({ configuration, current, onSaved }: { configuration: MaturityConfiguration; current: Record<string, { answer: string } | undefined>; onSaved(): void }) {
  const [assessedOn, setAssessedOn] = useState(new Date().toISOString().slice(0, 10));
  const criteria = configuration.tests.flatMap((t) => t.criteria);
  const [answers, setAnswers] = useState<Record<string, string>>(Object.fromEntries(criteria.map((c) => [c.id, current[c.id]?.answer ?? 'not-met'])));
  const [saved, setSaved] = useState(false);
  const form = useSave({ assessedOn: 'maturity-date' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = { assessedOn, answers: Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, { answer }])) };
    if (await form.save('POST', '/performance/ratings/maturity', body)) {
      setSaved(true);
      onSaved();
    }
  }
  return (
    <FormCard title="Record a self-assessment" testId="maturity-form">
      <form onSubmit={submit} noValidate>
        <FormErrors id="maturity-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
        {saved && <p data-testid="maturity-saved">The self-assessment was recorded.</p>}
        <Field id="maturity-date" label="Date assessed" type="date" value={assessedOn} onChange={setAssessedOn} error={form.errorFor('maturity-date')} />
        {configuration.tests.map((test) => (
          <div key={test.id}>
            <h4>{test.name}</h4>
            {test.criteria.map((c) => (
              <Radios key={c.id} id={`maturity-${c.id}`} legend={`${c.text} (${c.stage})`} value={answers[c.id]} onChange={(v) => setAnswers((a) => ({ ...a, [c.id]: v }))} options={ANSWERS} />
            ))}
          </div>
        ))}
        <button className="nhsuk-button" type="submit" disabled={form.busy}>
          Record the self-assessment
        </button>
      </form>
    </FormCard>
  );
}
