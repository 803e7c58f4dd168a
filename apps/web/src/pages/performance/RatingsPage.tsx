import { PerformanceNav } from './PerformanceNav';

export function RatingsPage() {
  return (
    <>
      <PerformanceNav />
      <h1>Progress ratings</h1>
    </>
  );
}
