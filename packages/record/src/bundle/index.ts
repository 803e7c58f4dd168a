/** Batch and transaction Bundles, written against the Repository contract. */
export { DEFAULT_MAX_BUNDLE_ENTRIES, processBundle, type ProcessBundleOptions } from './process';
export { collectReferences, forEachReference, rewriteReferences } from './references';
export { parseQuery, parseRequestUrl, type RequestTarget } from './request-url';
