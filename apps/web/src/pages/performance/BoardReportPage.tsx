import { PerformanceNav } from './PerformanceNav';

export function BoardReportPage() {
  return (
    <>
      <PerformanceNav />
      <h1>Board report</h1>
    </>
  );
}
