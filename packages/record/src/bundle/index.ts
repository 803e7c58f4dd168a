/** Batch and transaction Bundles, written against the Repository contract. */
export {};
