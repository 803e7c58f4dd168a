import { PerformanceNav } from './PerformanceNav';

export function ComparePage() {
  return (
    <>
      <PerformanceNav />
      <h1>Comparisons</h1>
    </>
  );
}
