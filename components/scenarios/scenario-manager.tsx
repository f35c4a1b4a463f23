'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState, useTransition } from 'react';
import { ReadOnlyNote, useMayAct } from '@/components/auth/role-context';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, FieldErrors } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action-result';
import { cloneScenarioAction, createScenarioAction, deleteScenarioAction, importScenarioAction, renameScenarioAction, selectScenarioAction } from '@/lib/actions/scenario-actions';
import { formatCount } from '@/lib/format/format-units';
import type { ScenarioSummary } from '@/lib/scenarios/list-scenarios';
import { LoadDemoButton } from './load-demo-button';

type Mode = { kind: 'create' } | { kind: 'import' } | { kind: 'rename' | 'clone' | 'delete'; scenario: ScenarioSummary } | null;

export function ScenarioManager({ scenarios, currentId, demoMissing }: { scenarios: ScenarioSummary[]; currentId: string | null; demoMissing: boolean }) {
  const [mode, setMode] = useState<Mode>(null);
  const close = () => setMode(null);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const mayEdit = useMayAct('planner');

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-2">
        {mayEdit ? (
          <>
            <Button variant="primary" onClick={() => setMode({ kind: 'create' })}>
              New scenario
            </Button>
            <Button onClick={() => setMode({ kind: 'import' })}>Import JSON…</Button>
            {demoMissing && <LoadDemoButton />}
          </>
        ) : (
          <ReadOnlyNote min="planner" what="Creating, importing, renaming, cloning and deleting scenarios" />
        )}
      </div>

      {scenarios.length === 0 ? (
        <EmptyState
          title="No scenarios yet"
          action={
            <Link href="/samples" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">
              Start from a sample
            </Link>
          }
        >
          Start from a sample built from public data (a real topology, a real microservice application, the demo metro edge), create an empty scenario, or import a scenario JSON
          file.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Scenarios">
          {scenarios.map((s) => (
            <li key={s.id} data-testid="scenario-row" data-name={s.name} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="font-medium">
                  {s.name}
                  {s.id === currentId && <span className="ml-2 rounded bg-blue-100 px-1.5 py-0.5 text-xs text-blue-800">current</span>}
                </p>
                <p className="text-sm text-slate-600">
                  {formatCount(s.counts.edgeServers, 'edge server')} · {formatCount(s.counts.networkNodes, 'network node')} · {formatCount(s.counts.services, 'service')} ·{' '}
                  {formatCount(s.counts.images, 'image')} · {formatCount(s.counts.controllers, 'controller')}
                </p>
                {s.description && <p className="truncate text-sm text-slate-500">{s.description}</p>}
              </div>
              <div className="flex flex-wrap gap-1">
                {s.id !== currentId && (
                  <Button
                    variant="ghost"
                    disabled={pending}
                    onClick={() =>
                      startTransition(async () => {
                        await selectScenarioAction(s.id);
                        router.push('/');
                      })
                    }
                  >
                    Open
                  </Button>
                )}
                {mayEdit && (
                  <>
                    <Button variant="ghost" onClick={() => setMode({ kind: 'rename', scenario: s })} aria-label={`Rename ${s.name}`}>
                      Rename
                    </Button>
                    <Button variant="ghost" onClick={() => setMode({ kind: 'clone', scenario: s })} aria-label={`Clone ${s.name}`}>
                      Clone
                    </Button>
                  </>
                )}
                <Link
                  className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
                  href={`/scenarios/${s.id}/history`}
                  aria-label={`History of ${s.name}`}
                >
                  History
                </Link>
                <a className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100" href={`/api/scenarios/${s.id}/export`} download>
                  Export JSON
                </a>
                {mayEdit && (
                  <Button variant="ghost" className="text-red-700" onClick={() => setMode({ kind: 'delete', scenario: s })} aria-label={`Delete ${s.name}`}>
                    Delete
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}

      <Dialog open={mode?.kind === 'create'} title="New scenario" onClose={close}>
        <ScenarioForm action={createScenarioAction} submit="Create" onDone={close}>
          {(errors) => (
            <>
              <Field label="Name" name="name" required autoFocus errors={errors.name} />
              <Field label="Description (optional)" name="description" errors={errors.description} />
            </>
          )}
        </ScenarioForm>
      </Dialog>

      <Dialog open={mode?.kind === 'import'} title="Import a scenario JSON file" onClose={close}>
        <ScenarioForm action={importScenarioAction} submit="Import" onDone={close}>
          {(errors) => (
            <>
              <Field label="Scenario file (.json, at most 20 MiB)" name="file" type="file" accept="application/json,.json" required errors={errors.file} />
              <Field label="Import under another name (optional)" name="name" hint="Leave empty to keep the name in the file." errors={errors.name} />
            </>
          )}
        </ScenarioForm>
      </Dialog>

      {mode?.kind === 'rename' && (
        <Dialog open title={`Rename “${mode.scenario.name}”`} onClose={close}>
          <ScenarioForm action={renameScenarioAction} submit="Rename" onDone={close}>
            {(errors) => (
              <>
                <input type="hidden" name="id" value={mode.scenario.id} />
                <Field label="New name" name="name" defaultValue={mode.scenario.name} required autoFocus errors={errors.name} />
              </>
            )}
          </ScenarioForm>
        </Dialog>
      )}

      {mode?.kind === 'clone' && (
        <Dialog open title={`Clone “${mode.scenario.name}”`} onClose={close}>
          <p className="mb-3 text-sm text-slate-600">
            The clone is a deep copy — servers, network, images, services, controllers, policies and placement runs — that you can change freely.
          </p>
          <ScenarioForm action={cloneScenarioAction} submit="Clone" onDone={close}>
            {(errors) => (
              <>
                <input type="hidden" name="id" value={mode.scenario.id} />
                <Field label="Name of the copy" name="name" defaultValue={`${mode.scenario.name} (copy)`} required autoFocus errors={errors.name} />
              </>
            )}
          </ScenarioForm>
        </Dialog>
      )}

      {mode?.kind === 'delete' && (
        <Dialog open title={`Delete “${mode.scenario.name}”?`} onClose={close}>
          <p className="mb-2 text-sm text-slate-700">This deletes the scenario and everything in it, which cannot be undone:</p>
          <ul className="mb-4 list-disc pl-5 text-sm text-slate-700" data-testid="delete-consequences">
            <li>{formatCount(mode.scenario.counts.edgeServers, 'edge server')}</li>
            <li>
              {formatCount(mode.scenario.counts.networkNodes, 'network node')} and {formatCount(mode.scenario.counts.links, 'link')}
            </li>
            <li>
              {formatCount(mode.scenario.counts.services, 'service')} and {formatCount(mode.scenario.counts.images, 'image')}
            </li>
            <li>{formatCount(mode.scenario.counts.controllers, 'controller')}, its policies and placement runs</li>
          </ul>
          <p className="mb-4 text-sm text-slate-600">Export it first if you may want it back.</p>
          <ScenarioForm action={deleteScenarioAction} submit="Delete scenario" danger onDone={close}>
            {() => <input type="hidden" name="id" value={mode.scenario.id} />}
          </ScenarioForm>
        </Dialog>
      )}
    </>
  );
}

function ScenarioForm<T extends object>({
  action,
  submit,
  danger,
  onDone,
  children,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<T>>;
  submit: string;
  danger?: boolean;
  onDone: () => void;
  children: (errors: Record<string, string[]>) => React.ReactNode;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  const [, startSubmit] = useTransition();
  useEffect(() => {
    if (state?.ok) {
      onDone();
      router.refresh();
    }
  }, [state, onDone, router]);
  const errors = state && !state.ok ? state.errors : {};
  return (
    <form
      noValidate
      // Submitting by hand rather than through `action`: React resets a form after its action
      // runs, which would wipe what the person typed whenever the server refuses it.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startSubmit(() => formAction(data));
      }}
    >
      {children(errors)}
      <FieldErrors errors={errors._form} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={pending}>
          {pending ? 'Working…' : submit}
        </Button>
      </div>
    </form>
  );
}
