import type { Figure, RegisterPrevalenceRow } from '../api/types';
import { AboutFigure } from './AboutFigure';
import { FigureTable } from './FigureTable';
import { formatCount, formatRate } from './format';

/** Every register's size and prevalence for one area, with its definition and CSV. */
export function PrevalenceTable({ figure, area, csvName }: { figure: Figure<RegisterPrevalenceRow>; area: string; csvName: string }) {
  return (
    <>
      <FigureTable
        caption={`Disease register prevalence, ${area}`}
        testId="register-prevalence"
        csvName={csvName}
        columns={[
          { key: 'name', header: 'Register' },
          { key: 'register_count', header: 'People on register', numeric: true, render: (r) => formatCount(r.register_count), csv: (r) => r.register_count },
          { key: 'list_size', header: 'Registered population', numeric: true, render: (r) => formatCount(r.list_size), csv: (r) => r.list_size },
          { key: 'prevalence_per_1000', header: 'Per 1,000 people', numeric: true, render: (r) => formatRate(r.prevalence_per_1000), csv: (r) => r.prevalence_per_1000 },
        ]}
        rows={figure.rows}
      />
      <AboutFigure definition={figure.definition} disclosure={figure.disclosure} asAt={figure.asAt} />
    </>
  );
}
