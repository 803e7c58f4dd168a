/**
 * Worker thread: builds the run's context from the options it is given and serialises the chunks
 * of people the writer asks for. Every person depends only on (seed, index), so any worker can make
 * any chunk and the writer reassembles them in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContext, type GenerateOptions } from './context';
import { serialiseChunk } from './chunk';

const ctx = createContext(workerData as GenerateOptions);
parentPort!.on('message', (message: { start: number; end: number }) => {
  parentPort!.postMessage(serialiseChunk(ctx, message.start, message.end));
});
