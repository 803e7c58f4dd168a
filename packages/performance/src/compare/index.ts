// Filled in by the compare part (docs/performance.md).
export {};
