import { createHash, randomUUID } from 'node:crypto';
import type { SqlClient } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import type { Editor } from '../store/items';

/** The largest document a paper may upload (10 MB: a board pack's paper, not the whole pack's scans). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * What may be uploaded, each with how its first bytes must look, so a file is what it says it
 * is: PDF (%PDF-), Word .docx (a ZIP), Word .doc (an OLE compound file), plain text (UTF-8 with
 * no NUL). Anything else is refused.
 */
export const DOCUMENT_TYPES = [
  { contentType: 'application/pdf', label: 'PDF', looksRight: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (.docx)', looksRight: (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
  { contentType: 'application/msword', label: 'Word (.doc)', looksRight: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) },
  { contentType: 'text/plain', label: 'plain text', looksRight: (b: Buffer) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b) },
] as const;

export const DOCUMENT_CONTENT_TYPES: readonly string[] = DOCUMENT_TYPES.map((t) => t.contentType);

/** A stored document as a paper refers to it. */
export interface DocumentInfo {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

const NAME = /^[^/\\\u0000-\u001f\u007f]{1,200}$/;

/** Checks and stores an upload in one statement; refusals are 4xx saying what is wrong. */
export async function storeDocument(sql: SqlClient, footprint: string, upload: { name: unknown; contentType: string; content: Buffer }, editor: Editor): Promise<DocumentInfo> {
  const contentType = upload.contentType.split(';')[0].trim().toLowerCase();
  const type = DOCUMENT_TYPES.find((t) => t.contentType === contentType);
  if (!type) throw new PartnershipProblem(422, 'Not a kind of document Footprint keeps', `content-type: must be one of ${DOCUMENT_TYPES.map((t) => t.label).join(', ')} (${DOCUMENT_CONTENT_TYPES.join(', ')}), not ${contentType.slice(0, 80) || 'none'}`);
  const name = typeof upload.name === 'string' ? upload.name.trim() : '';
  if (!NAME.test(name)) throw new PartnershipProblem(400, 'Invalid document', 'name: give the file’s name, 1 to 200 characters with no slashes or control characters');
  if (upload.content.length === 0) throw new PartnershipProblem(400, 'Invalid document', 'The file is empty.');
  if (upload.content.length > MAX_DOCUMENT_BYTES) throw new PartnershipProblem(422, 'Document too large', `At most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; this one is ${(upload.content.length / 1024 / 1024).toFixed(1)} MB.`);
  if (!type.looksRight(upload.content)) throw new PartnershipProblem(422, 'Document is not what it says', `The file was sent as ${type.label}, but its contents are not ${type.label}.`);
  const info: DocumentInfo = { id: randomUUID(), name, contentType, size: upload.content.length, sha256: createHash('sha256').update(upload.content).digest('hex') };
  await sql.query(
    `INSERT INTO partnership_governance_document (id, footprint, file_name, content_type, size, sha256, content, uploaded_at, uploaded_by_id, uploaded_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [info.id, footprint, info.name, info.contentType, info.size, info.sha256, upload.content, new Date().toISOString(), editor.id, editor.name],
  );
  return info;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface DocumentRow extends Record<string, unknown> {
  id: string;
  file_name: string;
  content_type: string;
  size: number | string;
  sha256: string;
  content?: Uint8Array;
}

/** A document of this footprint (its bytes too when `withContent`), or undefined. */
export async function findDocument(sql: SqlClient, footprint: string, id: string, withContent = false): Promise<(DocumentInfo & { content?: Buffer }) | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rows } = await sql.query<DocumentRow>(`SELECT id, file_name, content_type, size, sha256${withContent ? ', content' : ''} FROM partnership_governance_document WHERE id = $1 AND footprint = $2`, [id, footprint]);
  const row = rows[0];
  if (!row) return undefined;
  return { id: row.id, name: row.file_name, contentType: row.content_type, size: Number(row.size), sha256: row.sha256, ...(row.content ? { content: Buffer.from(row.content) } : {}) };
}

/** Where a paper's document is read from: its link, or its uploaded file's address. */
export function paperHref(paper: { link?: string; file?: { id: string } }): string {
  return paper.link ?? `/api/partnership/governance/documents/${paper.file?.id ?? ''}`;
}
