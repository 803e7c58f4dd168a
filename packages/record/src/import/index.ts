/** Bulk import of NDJSON and Bundle files (`footprint import`). */
export {};
