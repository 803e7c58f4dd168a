// Filled in by the compute part (docs/performance.md).
export {};
