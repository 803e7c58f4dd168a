import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { FootprintListResponse, FootprintSummary } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { FigureTable } from '../../../components/FigureTable';
import { formatDate } from '../../../components/format';
import { Load } from '../../../components/Status';
import { usePageTitle } from '../../../components/usePageTitle';
import { PartnershipNav } from '../PartnershipNav';
import { DateChooser } from './DateChooser';
import { todayInEngland } from './dates';
import { downloadRegisterCsv } from './download';
import { LinkList, linksText } from './LinkList';

const STATUS: Record<FootprintSummary['status'], string> = { STP: 'Sustainability and Transformation Partnership', ICS: 'Integrated Care System', ICB: 'Integrated Care Board' };

/** Every footprint of England on a chosen date (default today), from the public register. */
export function FootprintsPage() {
  usePageTitle('Footprints and history');
  const [params, setParams] = useSearchParams();
  const on = params.get('on') ?? todayInEngland();
  const list = useApi<FootprintListResponse>(`/public/register/footprints?on=${encodeURIComponent(on)}`);
  const [downloadProblem, setDownloadProblem] = useState<string | undefined>();
  return (
    <>
      <PartnershipNav />
      <h1>Footprints and history</h1>
      <p className="nhsuk-lede-text">Every footprint of England on a date: the 44 Sustainability and Transformation Partnerships of 2016, the Integrated Care Systems they became, and the 42 Integrated Care Boards since 1 July 2022.</p>
      <DateChooser key={on} on={on} onChoose={(date) => setParams({ on: date })} />
      <Load state={list} what="the footprints">
        {(data) => (
          <>
            <h2 data-testid="footprint-count">
              {data.count} footprints on {formatDate(data.on)}
            </h2>
            <p>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => {
                  setDownloadProblem(undefined);
                  downloadRegisterCsv(`footprints?on=${data.on}`, `footprints-${data.on}.csv`).catch((e: unknown) => setDownloadProblem(String(e)));
                }}
              >
                Download as CSV<span className="nhsuk-u-visually-hidden"> (the public register, {data.count} footprints)</span>
              </button>
            </p>
            {downloadProblem && <p className="nhsuk-error-message">{downloadProblem}</p>}
            <FigureTable
              caption={`Footprints of England on ${formatDate(data.on)}`}
              hideCaption
              testId="footprints-table"
              columns={[
                { key: 'code', header: 'ONS code', nowrap: true, render: (f) => <Link to={`/partnership/footprints/${f.code}?on=${data.on}`}>{f.code}</Link> },
                { key: 'name', header: 'Name' },
                { key: 'status', header: 'Status', render: (f) => <abbr title={STATUS[f.status]}>{f.status}</abbr> },
                { key: 'statusSince', header: 'Since', nowrap: true, render: (f) => (f.statusSince ? formatDate(f.statusSince) : '') },
                { key: 'odsCode', header: 'ODS code', render: (f) => f.odsCode ?? '–' },
                { key: 'predecessors', header: 'Predecessors', render: (f) => <LinkList links={f.predecessors} none="–" />, csv: (f) => linksText(f.predecessors) },
                { key: 'successors', header: 'Successors', render: (f) => <LinkList links={f.successors} none="–" />, csv: (f) => linksText(f.successors) },
              ]}
              rows={data.footprints}
            />
          </>
        )}
      </Load>
    </>
  );
}
