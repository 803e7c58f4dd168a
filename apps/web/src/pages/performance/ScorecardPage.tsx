import { PerformanceNav } from './PerformanceNav';

export function ScorecardPage() {
  return (
    <>
      <PerformanceNav />
      <h1>The plan's scorecard</h1>
    </>
  );
}
