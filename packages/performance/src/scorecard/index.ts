// Filled in by the scorecard part (docs/performance.md).
export {};
