import { PerformanceNav } from './PerformanceNav';

export function IndicatorPage() {
  return (
    <>
      <PerformanceNav />
      <h1>Indicator</h1>
    </>
  );
}
