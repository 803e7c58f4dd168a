import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export interface Line {
  /** 1-based line number in the (decompressed) file. */
  number: number;
  text: string;
  /** Byte offset just after this line's newline, in the decompressed stream. */
  end: number;
}

export interface LineSource {
  lines: AsyncIterable<Line>;
  /** Bytes read from the file on disk so far (compressed bytes for .gz), for progress. */
  bytesRead(): number;
}

/**
 * Reads a (possibly gzipped) text file line by line, tracking byte offsets exactly so an import
 * can resume from the end of the last committed line: plain files seek straight there
 * (`startByte`), gzipped files are decompressed and skipped up to `startLine`.
 */
export function readLines(file: string, options: { gzip: boolean; startByte?: number; startLine?: number }): LineSource {
  const seekable = !options.gzip;
  const startByte = seekable ? (options.startByte ?? 0) : 0;
  const raw = createReadStream(file, { start: startByte, highWaterMark: 1 << 20 });
  let rawBytes = startByte;
  raw.on('data', (chunk) => (rawBytes += (chunk as Buffer).length));
  const stream = options.gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (err) => stream.destroy(err));

  async function* iterate(): AsyncIterable<Line> {
    let number = seekable ? (options.startLine ?? 0) : 0;
    const skipUntil = seekable ? 0 : (options.startLine ?? 0);
    let offset = startByte;
    let pending: Buffer | undefined;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let buf = pending ? Buffer.concat([pending, chunk]) : chunk;
      let start = 0;
      let nl: number;
      while ((nl = buf.indexOf(10, start)) !== -1) {
        number++;
        const end = offset + (nl + 1 - start);
        if (number > skipUntil) {
          const lineEnd = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
          const text = buf.toString('utf8', start, lineEnd);
          yield { number, text: number === 1 ? stripBom(text) : text, end };
        }
        offset = end;
        start = nl + 1;
      }
      pending = start < buf.length ? buf.subarray(start) : undefined;
      buf = Buffer.alloc(0);
    }
    if (pending && pending.length > 0) {
      number++;
      if (number > skipUntil) yield { number, text: number === 1 ? stripBom(pending.toString('utf8')) : pending.toString('utf8'), end: offset + pending.length };
    }
  }

  return { lines: iterate(), bytesRead: () => rawBytes };
}

/** A UTF-8 byte order mark some Windows tools write at the start of a file. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
