import type { Db } from '@/lib/db';
import { toActionErrors } from '@/lib/actions/action-result';
import { createSample, type CreatedSample } from './create-sample';
import type { SampleProgress } from './sample-types';

/** One line of the creation stream (newline-delimited JSON). */
export type SampleStreamEvent = ({ type: 'progress' } & SampleProgress) | { type: 'created'; scenario: CreatedSample } | { type: 'failed'; errors: Record<string, string[]> };

/**
 * Creates a sample while streaming its progress, one JSON object per line, so the page can
 * show a progress bar for the slower samples. Failures are the last line, as field errors.
 */
export function streamSampleCreation(db: Db, sampleName: string, scenarioName: string | undefined): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      const send = (event: SampleStreamEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const scenario = await createSample(db, sampleName, { scenarioName, onProgress: (p) => send({ type: 'progress', ...p }) });
        send({ type: 'created', scenario });
      } catch (error) {
        send({ type: 'failed', errors: toActionErrors(error) });
      }
      controller.close();
    },
  });
}
