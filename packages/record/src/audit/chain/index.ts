/** The audit's hash chain: the canonical content and link hash, verification, and heads kept outside the database. */
export { canonicalContent, GENESIS_HASH, linkHash, type ChainedFields } from './canonical';
export { readChainHead, verifyAuditChain, type ChainHead, type ChainProblem, type ChainProblemKind, type ChainVerification, type VerifyOptions } from './verify';
export { HEAD_FILE, headFilePath, readRecordedHeads, recordChainHead, type RecordedHead } from './head-file';
