'use client';

// The objective of a run: a preset, or the raw weights (exchange rates into bytes). A preset's
// weights depend on the scenario (objective-weights.ts), so choosing one asks the server for them;
// typing a weight makes the objective custom. The fields belong to the run form around it.

import { useState, useTransition } from 'react';
import { Field, FieldErrors } from '@/components/ui/field';
import { previewObjectiveAction } from '@/lib/actions/placement-actions';
import { formatBytes } from '@/lib/format/format-units';
import { OBJECTIVE_PRESETS, PRESET_DESCRIPTIONS, PRESET_LABELS, type ObjectivePreset } from '@/lib/placement-runs/objective-weights';
import type { ObjectiveTerms, ObjectiveWeights } from '@/lib/placement/types';

type Choice = ObjectivePreset | 'custom';

const STORAGE_ONLY: ObjectiveWeights = { storage: 1, startup: 0, traffic: 0, moves: 1 };

const WEIGHT_FIELDS: { key: keyof ObjectiveWeights; name: string; label: string; hint: string }[] = [
  { key: 'storage', name: 'weightStorage', label: 'Storage (× bytes stored)', hint: 'A byte stored counts this many bytes.' },
  { key: 'startup', name: 'weightStartup', label: 'Start-up (bytes per second of start-up)', hint: 'What one second until the last container is ready is worth.' },
  { key: 'traffic', name: 'weightTraffic', label: 'Traffic (bytes per Mbit/s·ms)', hint: 'What one Mbit/s of dependency traffic over one ms of path is worth.' },
  { key: 'moves', name: 'weightMoves', label: 'Moves (× bytes pulled for moved replicas)', hint: 'Re-plan only: plus twice the largest image per move.' },
];

/** Numbers as typed: a weight of 2.5e8 reads better than 250000000. */
const shown = (v: number) => (v === 0 ? '0' : v >= 1e6 || v < 1e-3 ? v.toExponential(3).replace(/\.?0+e/, 'e') : String(Number(v.toPrecision(6))));

export function ObjectiveEditor({ scenarioId, errors }: { scenarioId: string; errors: Record<string, string[]> }) {
  const [choice, setChoice] = useState<Choice>('storage');
  const [weights, setWeights] = useState<Record<keyof ObjectiveWeights, string>>(() => ({
    storage: '1',
    startup: '0',
    traffic: '0',
    moves: shown(STORAGE_ONLY.moves),
  }));
  const [reference, setReference] = useState<ObjectiveTerms | null>(null);
  const [previewErrors, setPreviewErrors] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();

  const choose = (next: Choice) => {
    setChoice(next);
    setPreviewErrors([]);
    if (next === 'custom') return;
    startTransition(async () => {
      const preview = await previewObjectiveAction(scenarioId, next);
      if (!preview.ok) {
        setPreviewErrors(Object.values(preview.errors).flat());
        return;
      }
      const w = preview.weights;
      setWeights({ storage: shown(w.storage), startup: shown(w.startup), traffic: shown(w.traffic), moves: shown(1) });
      setReference(preview.reference);
    });
  };

  return (
    <fieldset className="rounded-md border border-slate-200 p-3" data-testid="objective-editor">
      <legend className="px-1 text-sm font-medium text-slate-700">Objective weights (each term × its weight, summed in bytes)</legend>
      <div role="radiogroup" aria-label="Objective preset" className="flex flex-wrap gap-x-4 gap-y-1">
        {[...OBJECTIVE_PRESETS, 'custom' as const].map((p) => (
          <label key={p} className="flex items-center gap-1.5 text-sm" title={p === 'custom' ? 'The weights as typed below.' : PRESET_DESCRIPTIONS[p]}>
            <input type="radio" name="preset" value={p} checked={choice === p} onChange={() => choose(p)} />
            {p === 'custom' ? 'Custom' : PRESET_LABELS[p]}
          </label>
        ))}
      </div>
      <p className="mt-1 text-xs text-slate-600" aria-live="polite" data-testid="objective-description">
        {pending
          ? 'Computing this scenario’s weights (Kubernetes’ default placement is the reference)…'
          : choice === 'custom'
            ? 'The weights as typed: each term times its weight, summed, in bytes.'
            : PRESET_DESCRIPTIONS[choice]}
        {!pending && reference && choice !== 'custom' && choice !== 'storage' && <> {describeReference(reference)}</>}
      </p>
      <FieldErrors errors={[...previewErrors, ...(errors.weights ?? [])]} />
      <div className="mt-2 grid gap-x-3 md:grid-cols-4">
        {WEIGHT_FIELDS.map((f) => (
          <Field
            key={f.key}
            name={f.name}
            label={f.label}
            hint={f.hint}
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            value={weights[f.key]}
            onChange={(e) => {
              setWeights((w) => ({ ...w, [f.key]: e.target.value }));
              setChoice('custom');
            }}
            errors={errors[`weights.${f.key}`]}
          />
        ))}
      </div>
    </fieldset>
  );
}

function describeReference(t: ObjectiveTerms): string {
  const parts = [`${formatBytes(t.storageBytes)} stored`];
  parts.push(t.startupSeconds === null ? 'start-up not measured (no edge server reaches a registry)' : `${t.startupSeconds.toFixed(2)} s to start`);
  parts.push(t.trafficCost === null ? 'traffic not measured (no network)' : `${Number(t.trafficCost.toPrecision(4))} Mbit/s·ms of traffic`);
  return `Kubernetes’ default placement here: ${parts.join(', ')}.`;
}
