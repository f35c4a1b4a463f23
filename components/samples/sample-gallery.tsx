'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { IfRole, ReadOnlyNote } from '@/components/auth/role-context';
import { Button } from '@/components/ui/button';
import { Field, FieldErrors } from '@/components/ui/field';
import { selectScenarioAction } from '@/lib/actions/scenario-actions';
import type { SampleSummary } from '@/lib/samples/sample-registry';
import type { SampleProgress } from '@/lib/samples/sample-types';
import type { SampleStreamEvent } from '@/lib/samples/stream-sample-creation';

export function SampleGallery({ samples }: { samples: SampleSummary[] }) {
  return (
    <ul className="grid gap-4 lg:grid-cols-3">
      {samples.map((s) => (
        <li key={s.name}>
          <SampleCard sample={s} />
        </li>
      ))}
    </ul>
  );
}

type State = { phase: 'idle' } | { phase: 'running'; progress: SampleProgress | null } | { phase: 'failed'; errors: Record<string, string[]> };

/** Reads the creation stream line by line, reporting each event as it arrives (and waiting for its handler). */
async function createFromSample(sample: string, scenarioName: string, onEvent: (event: SampleStreamEvent) => void | Promise<void>) {
  const response = await fetch(`/api/samples/${encodeURIComponent(sample)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioName }),
  });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { errors?: Record<string, string[]> } | null;
    await onEvent({ type: 'failed', errors: body?.errors ?? { _form: [`The server answered ${response.status}.`] } });
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) await onEvent(JSON.parse(line) as SampleStreamEvent);
  }
}

function SampleCard({ sample }: { sample: SampleSummary }) {
  const router = useRouter();
  const [name, setName] = useState(sample.defaultScenarioName);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const running = state.phase === 'running';
  const errors = state.phase === 'failed' ? state.errors : {};

  async function create() {
    setState({ phase: 'running', progress: null });
    try {
      await createFromSample(sample.name, name, async (event) => {
        if (event.type === 'progress') setState({ phase: 'running', progress: event });
        else if (event.type === 'failed') setState({ phase: 'failed', errors: event.errors });
        else {
          await selectScenarioAction(event.scenario.id);
          router.push('/');
        }
      });
    } catch {
      setState({ phase: 'failed', errors: { _form: ['The connection to the server was lost; the scenario may not have been created. Check the Scenarios page.'] } });
    }
  }

  const progress = state.phase === 'running' ? state.progress : null;
  const percent = progress ? Math.round(((progress.done + 1) / progress.total) * 100) : 0;
  return (
    <section aria-labelledby={`sample-${sample.name}`} className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`sample-${sample.name}`} className="text-base font-semibold text-slate-900">
        {sample.title}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{sample.summary}</p>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Where the data comes from</summary>
        <ul className="mt-2 space-y-2 text-slate-600">
          {sample.sources.map((source) => (
            <li key={source.file}>
              <code className="text-xs">{source.file}</code>: {source.origin}. <span className="italic">{source.licence}.</span> {source.use}
            </li>
          ))}
        </ul>
      </details>
      <form
        className="mt-auto pt-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running) void create();
        }}
      >
        <Field label="Scenario name" name={`scenario-name-${sample.name}`} value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} disabled={running} />
        <FieldErrors errors={[...(errors._form ?? []), ...(errors.sample ?? [])]} />
        {running && (
          <div className="mb-3" aria-live="polite">
            <div
              role="progressbar"
              aria-label={`Creating ${sample.title}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2 w-full overflow-hidden rounded bg-slate-200"
            >
              <div className="h-full bg-blue-600 transition-all" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-1 text-xs text-slate-600">{progress ? `${progress.label} (step ${progress.done + 1} of ${progress.total})` : 'Starting…'}</p>
          </div>
        )}
        <IfRole min="planner" fallback={<ReadOnlyNote min="planner" what="Creating a scenario" />}>
          <Button type="submit" variant="primary" disabled={running}>
            {running ? 'Creating…' : 'Create scenario'}
          </Button>
        </IfRole>
      </form>
    </section>
  );
}
