import { PerformanceNav } from './PerformanceNav';

export function IndicatorsPage() {
  return (
    <>
      <PerformanceNav />
      <h1>Indicators</h1>
    </>
  );
}
