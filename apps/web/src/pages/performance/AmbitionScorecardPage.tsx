import { PerformanceNav } from './PerformanceNav';

export function AmbitionScorecardPage() {
  return (
    <>
      <PerformanceNav />
      <h1>Ambition</h1>
    </>
  );
}
