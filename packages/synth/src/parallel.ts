/**
 * Generation on several threads. Worker threads generate and serialise chunks of people; this
 * thread writes them to the sink strictly in chunk order (so output is byte-identical to the
 * single-threaded path) and keeps at most two chunks in flight per worker, which bounds memory.
 */
import { Worker } from 'node:worker_threads';
import type { GenerationContext } from './context';
import type { SerialisedChunk } from './chunk';

export interface ChunkWriter {
  appendChunk(chunk: SerialisedChunk): void;
  flush(): Promise<void>;
}

export async function generateOnWorkers(
  ctx: GenerationContext,
  writer: ChunkWriter,
  options: { workers: number; chunkSize: number; onProgress?: (done: number, total: number) => void },
): Promise<void> {
  const total = ctx.options.people;
  const chunks: [number, number][] = [];
  for (let s = 0; s < total; s += options.chunkSize) chunks.push([s, Math.min(total, s + options.chunkSize)]);
  const workers = Array.from({ length: Math.min(options.workers, chunks.length) }, () => new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: ctx.options, resourceLimits: { maxOldGenerationSizeMb: 384 } }));
  const ready = new Map<number, SerialisedChunk>();
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let nextToSend = 0;
  let nextToWrite = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let writing = false;
      // Work is handed out only a little ahead of the writer, so finished chunks waiting for an
      // earlier one can never pile up.
      const feed = () => {
        for (const w of workers) {
          while (inFlight.get(w)! < 2 && nextToSend < chunks.length && nextToSend < nextToWrite + 2 * workers.length) {
            const [start, end] = chunks[nextToSend++];
            inFlight.set(w, inFlight.get(w)! + 1);
            w.postMessage({ start, end });
          }
        }
      };
      const drain = async () => {
        if (writing) return;
        writing = true;
        try {
          while (ready.has(nextToWrite)) {
            const chunk = ready.get(nextToWrite)!;
            ready.delete(nextToWrite);
            writer.appendChunk(chunk);
            await writer.flush();
            nextToWrite++;
            options.onProgress?.(chunk.end, total);
            feed();
          }
        } finally {
          writing = false;
        }
        if (nextToWrite === chunks.length) resolve();
      };
      for (const w of workers) {
        w.on('message', (chunk: SerialisedChunk) => {
          inFlight.set(w, inFlight.get(w)! - 1);
          ready.set(Math.floor(chunk.start / options.chunkSize), chunk);
          feed();
          drain().catch(reject);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0 && nextToWrite < chunks.length) reject(new Error(`A generator worker stopped with exit code ${code}`));
        });
      }
      feed();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
