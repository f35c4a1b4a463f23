// Parses one CSV upload in a worker thread (see parse-csv-off-thread.ts): plain JavaScript, so it
// loads without a TypeScript loader, wherever the app runs.
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';

const { text, options } = workerData;
try {
  parentPort.postMessage({ ok: true, records: parse(text, options) });
} catch (error) {
  parentPort.postMessage({ ok: false, error: { code: error?.code, lines: error?.lines, message: error?.message ?? String(error) } });
}
