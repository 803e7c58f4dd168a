import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Catalogue } from '../api/types';
import { useApi } from '../api/useApi';
import { Select } from '../components/Select';
import { Load } from '../components/Status';
import { usePageTitle } from '../components/usePageTitle';
import { NotFoundPage } from './NotFoundPage';
import { CaseFindingView } from './population/CaseFindingView';
import { InequalitiesView } from './population/InequalitiesView';
import { PrevalenceView } from './population/PrevalenceView';
import { TrendsView } from './population/TrendsView';

const VIEWS = [
  { id: 'prevalence', label: 'Register prevalence' },
  { id: 'case-finding', label: 'Case finding' },
  { id: 'inequalities', label: 'Inequalities' },
  { id: 'trends', label: 'Trends' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

/** Which filters each view offers. */
const FILTERS: Record<ViewId, { register: boolean; by: string[]; months: boolean }> = {
  prevalence: { register: true, by: ['place', 'practice', 'imd_decile', 'imd_quintile', 'sex', 'ethnicity', 'age_band'], months: false },
  'case-finding': { register: false, by: ['footprint', 'place', 'practice', 'imd_decile', 'sex', 'ethnicity'], months: false },
  inequalities: { register: true, by: ['imd_decile', 'imd_quintile', 'place', 'sex', 'ethnicity'], months: false },
  trends: { register: true, by: ['footprint', 'place', 'imd_quintile', 'core20'], months: true },
};

function ViewNavigation({ current }: { current: ViewId }) {
  return (
    <nav className="nhsuk-contents-list" aria-label="Population health views">
      <ol className="nhsuk-contents-list__list">
        {VIEWS.map((v) => (
          <li className="nhsuk-contents-list__item" key={v.id} aria-current={v.id === current ? 'page' : undefined}>
            {v.id === current ? (
              <span className="nhsuk-contents-list__current">{v.label}</span>
            ) : (
              <Link className="nhsuk-contents-list__link" to={`/population/${v.id}`}>
                {v.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Population health: one page per kind of figure, each with filters kept in the address so it can be shared. */
export function PopulationPage() {
  const { view = 'prevalence' } = useParams();
  const known = VIEWS.find((v) => v.id === view);
  const catalogue = useApi<Catalogue>('/population/catalogue');
  const [params, setParams] = useSearchParams();
  usePageTitle(known ? `Population health: ${known.label.toLowerCase()}` : 'Population health');
  const filters = known ? FILTERS[known.id] : FILTERS.prevalence;
  const register = params.get('register') ?? 'hypertension';
  const by = params.get('by') && filters.by.includes(params.get('by')!) ? params.get('by')! : filters.by[0];
  const months = params.get('months') ?? '24';
  const [draft, setDraft] = useState({ register, by, months });
  useEffect(() => setDraft({ register, by, months }), [register, by, months]);

  if (!known) return <NotFoundPage />;

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (filters.register) next.set('register', draft.register);
    next.set('by', draft.by);
    if (filters.months) next.set('months', draft.months);
    setParams(next);
  }

  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Population health</span>
        {known.label}
      </h1>
      <ViewNavigation current={known.id} />
      <Load state={catalogue} what="the list of registers">
        {(cat) => (
          <>
            <form className="footprint-filters" onSubmit={apply} aria-label="Choose figures">
              {filters.register && (
                <Select
                  id="register"
                  label="Register"
                  value={draft.register}
                  options={cat.registers.map((r) => ({ value: r.id, label: r.name }))}
                  onChange={(value) => setDraft({ ...draft, register: value })}
                />
              )}
              <Select
                id="by"
                label="Break down by"
                value={draft.by}
                options={filters.by.map((b) => ({ value: b, label: cat.breakdowns.find((x) => x.id === b)?.name ?? b }))}
                onChange={(value) => setDraft({ ...draft, by: value })}
              />
              {filters.months && (
                <Select
                  id="months"
                  label="Period"
                  value={draft.months}
                  options={[12, 24, 36, 60].map((m) => ({ value: String(m), label: `Last ${m} months` }))}
                  onChange={(value) => setDraft({ ...draft, months: value })}
                />
              )}
              <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit">
                Show figures
              </button>
            </form>
            {known.id === 'prevalence' && <PrevalenceView catalogue={cat} register={register} by={by} />}
            {known.id === 'case-finding' && <CaseFindingView catalogue={cat} by={by} />}
            {known.id === 'inequalities' && <InequalitiesView catalogue={cat} register={register} by={by} />}
            {known.id === 'trends' && <TrendsView catalogue={cat} register={register} by={by} months={months} />}
          </>
        )}
      </Load>
    </>
  );
}
