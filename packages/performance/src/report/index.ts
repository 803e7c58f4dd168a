// Filled in by the report part (docs/performance.md).
export {};
