// Filled in by the ratings part (docs/performance.md).
export {};
