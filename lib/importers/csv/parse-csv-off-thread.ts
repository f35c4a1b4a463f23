import path from 'node:path';
import { DomainError } from '@/lib/errors';
import { appRoot } from '@/lib/ops/app-root';
import { CSV_OPTIONS, csvParseError, csvTableFromRecords, type CsvTable, type RawCsvRecord } from './parse-csv';

/** Long enough for the largest upload (20 MiB parses in about a second); short enough that a
 * pathological file cannot hold a worker for long. */
const CSV_TIME_BUDGET_MS = 15_000;

// Looked up at run time so a bundler does not try to bundle the worker (see solve-in-worker.ts).
const CsvThread = process.getBuiltinModule('node:worker_threads').Worker;

function defaultCsvWorkerEntry(): string {
  return [appRoot(), 'lib', 'importers', 'csv', 'csv-parse-worker.mjs'].join(path.sep);
}

type WorkerAnswer = { ok: true; records: RawCsvRecord[] } | { ok: false; error: { code?: string; lines?: number; message: string } };

/**
 * parseCsv for uploads: the parse runs in a worker thread, so the server's main thread keeps
 * serving whatever the file holds, and a parse that overruns its time budget is terminated and
 * refused with a sentence.
 */
export function parseCsvOffThread(text: string, options: { delimiter?: string; timeBudgetMs?: number; workerEntry?: string } = {}): Promise<CsvTable> {
  const budget = options.timeBudgetMs ?? CSV_TIME_BUDGET_MS;
  return new Promise<CsvTable>((resolve, reject) => {
    const worker = new CsvThread(/*turbopackIgnore: true*/ options.workerEntry ?? defaultCsvWorkerEntry(), {
      workerData: { text, options: { ...CSV_OPTIONS, delimiter: options.delimiter ?? ',' } },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        settle(() => reject(new DomainError('INVALID_INPUT', `The CSV file took longer than ${budget / 1000} s to read and was refused; check its quotes, or split it.`, 'file'))),
      budget,
    );
    worker.once('message', (answer: WorkerAnswer) =>
      settle(() => {
        if (!answer.ok) return reject(csvParseError(answer.error));
        try {
          resolve(csvTableFromRecords(answer.records));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the CSV worker stopped (exit ${code}) before answering`))));
  });
}
