import { parentPort, workerData } from 'node:worker_threads';
import { ResourceFlattener } from '../flattener';
import { replayOptOuts } from '../opt-outs';
import { Pseudonymiser } from '../pseudonym';
import { parseNdjsonLine } from '../sources';
import type { WarehouseTableName } from '../tables';
import type { ChunkRequest, ChunkResult, WorkerSetup } from './messages';

/**
 * A worker thread of a parallel NDJSON build: parses chunks of lines and flattens them into
 * warehouse rows, which the loading thread writes. Its registers start as the reference pass left
 * them; changes it makes (an organisation or consent in a patient file) go back with each chunk.
 */
const setup = workerData as WorkerSetup;
const flattener = new ResourceFlattener(new Pseudonymiser(Buffer.from(setup.keyHex, 'hex')));
flattener.context.directory.replay(setup.directory);
replayOptOuts(flattener.context.optOuts, setup.optOuts);
flattener.context.directory.journal = [];
flattener.context.optOuts.journal = [];

parentPort?.on('message', (request: ChunkRequest) => {
  const rows: Partial<Record<WarehouseTableName, unknown[][]>> = {};
  const sink = (table: WarehouseTableName, row: unknown[]) => (rows[table] ??= []).push(row);
  let resources = 0;
  let error: string | undefined;
  try {
    let lineNumber = request.firstLine;
    let start = 0;
    const text = request.text;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      if (line.trim() !== '') {
        flattener.flatten(parseNdjsonLine(line, request.path, lineNumber), sink);
        resources++;
      }
      lineNumber++;
    }
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const result: ChunkResult = {
    id: request.id,
    resources,
    rows,
    directory: flattener.context.directory.journal ?? [],
    optOuts: flattener.context.optOuts.journal ?? [],
    error,
  };
  flattener.context.directory.journal = [];
  flattener.context.optOuts.journal = [];
  parentPort?.postMessage(result);
});
