import { Worker } from 'node:worker_threads';
import type { WarehouseLoader } from '../loader';
import type { NdjsonChunk } from '../sources';
import type { WarehouseTableName } from '../tables';
import type { ChunkRequest, ChunkResult, WorkerSetup } from './messages';

/**
 * Flattens NDJSON chunks on worker threads while this thread writes their rows to the engine, so
 * parsing and the views use every core. At most two chunks are in flight per worker, which bounds
 * memory; rows land in any order (tables are sets). Register changes found by a worker (an
 * organisation or consent among patient data) are replayed here, so organisations and opt-outs end
 * up as the single-threaded build leaves them.
 */
export async function ingestOnWorkers(
  loader: WarehouseLoader,
  chunks: AsyncIterable<NdjsonChunk>,
  options: { workers: number; keyHex: string; onProgress?: () => void },
): Promise<void> {
  const setup: WorkerSetup = {
    keyHex: options.keyHex,
    directory: loader.context.directory.snapshot(),
    optOuts: loader.context.optOuts.entries().map(([consentKey, patientKey]) => ['add', consentKey, patientKey]),
  };
  const workers = Array.from(
    { length: options.workers },
    () => new Worker(new URL('./flatten-worker-entry.mjs', import.meta.url), { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 512 } }),
  );
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let failure: Error | undefined;
  // A sticky signal: a worker's message is never lost between a check and the wait that follows it.
  let signalled = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    signalled = true;
    wake?.();
    wake = undefined;
  };
  const waitForChange = async () => {
    if (!signalled) await new Promise<void>((resolve) => (wake = resolve));
    signalled = false;
  };
  const results: ChunkResult[] = [];

  for (const worker of workers) {
    worker.on('message', (result: ChunkResult) => {
      inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
      if (result.error) failure ??= new Error(result.error);
      else results.push(result);
      signal();
    });
    worker.on('error', (error) => {
      failure ??= error;
      signal();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`A warehouse worker stopped with exit code ${code}`);
      signal();
    });
  }

  const drain = async () => {
    while (results.length) {
      const result = results.shift() as ChunkResult;
      loader.context.directory.replay(result.directory);
      for (const event of result.optOuts) {
        if (event[0] === 'add') loader.context.optOuts.add(event[1], event[2]);
        else loader.context.optOuts.remove(event[1]);
      }
      for (const [table, rows] of Object.entries(result.rows)) loader.appendRows(table as WarehouseTableName, rows as unknown[][]);
      loader.countResources(result.resources);
      await loader.flush();
      options.onProgress?.();
    }
  };
  const busy = () => [...inFlight.values()].reduce((a, b) => a + b, 0);

  try {
    let id = 0;
    for await (const chunk of chunks) {
      for (;;) {
        await drain();
        if (failure) throw failure;
        const free = workers.find((w) => (inFlight.get(w) ?? 0) < 2);
        if (free) {
          inFlight.set(free, (inFlight.get(free) ?? 0) + 1);
          const request: ChunkRequest = { id: id++, ...chunk };
          free.postMessage(request);
          break;
        }
        await waitForChange();
      }
    }
    while (busy() > 0 || results.length) {
      await drain();
      if (failure) throw failure;
      if (busy() > 0) await waitForChange();
    }
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
