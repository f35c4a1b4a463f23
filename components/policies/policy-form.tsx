'use client';

import { useActionState, useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FieldErrors } from '@/components/ui/field';
import { savePolicyAction } from '@/lib/actions/policy-actions';
import { describePolicy } from '@/lib/catalog/describe-policy';
import { POLICY_TYPES, type PolicyType } from '@/lib/vocabulary/kinds-and-labels';
import type { PolicyChoices } from '@/lib/policies/list-policy-choices';
import { policyInputFromForm } from '@/lib/policies/policy-form-data';
import { policyFieldsFor, policyInputSchema } from '@/lib/policies/policy-schema';

export type EditablePolicy = { id: string; name: string; type: PolicyType; services: string[]; edgeServers: string[]; fraction: number | null; version: number };

const TYPE_HINTS: Record<PolicyType, string> = {
  affinity: 'All replicas of the chosen services share one edge server (e.g. a cache beside its API).',
  'anti-affinity': 'No two replicas of the chosen services share an edge server, so one failure takes down at most one.',
  pin: 'The chosen services may only run on the chosen edge servers (licences, data residency, hardware).',
  spread: 'No two replicas of the chosen services share a site, so a site outage leaves the others running.',
  'max-utilisation': 'Keeps CPU, memory and bandwidth on the chosen edge servers at or below a share of their capacity, leaving headroom.',
};

/** Create or edit one policy. The shared zod schema checks the fields before anything is sent;
 * the action checks again and the domain refuses names that are not in the scenario. */
export function PolicyForm({ scenarioId, choices, policy, onDone }: { scenarioId: string; choices: PolicyChoices; policy: EditablePolicy | null; onDone: () => void }) {
  const [state, formAction, pending] = useActionState(savePolicyAction, null);
  const [type, setType] = useState<PolicyType>(policy?.type ?? 'anti-affinity');
  const [services, setServices] = useState<string[]>(policy?.services ?? []);
  const [edgeServers, setEdgeServers] = useState<string[]>(policy?.edgeServers ?? []);
  // Controlled, so a refused save keeps what was typed (React resets uncontrolled fields after an action).
  const [name, setName] = useState(policy?.name ?? '');
  const [fraction, setFraction] = useState(policy?.fraction != null ? String(policy.fraction) : '0.8');
  const [localErrors, setLocalErrors] = useState<Record<string, string[]> | null>(null);

  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);

  const fields = policyFieldsFor(type);
  const siteless = choices.edgeServers.filter((e) => !e.site).map((e) => e.name);
  const errors = localErrors ?? (state && !state.ok ? state.errors : {});
  const fractionNumber = Number(fraction);
  const preview = describePolicy({
    type,
    services: fields.services ? services : [],
    edgeServers: fields.edgeServers === 'none' ? [] : edgeServers,
    fraction: Number.isFinite(fractionNumber) ? fractionNumber : null,
  });
  const complete = (!fields.services || services.length > 0) && (fields.edgeServers !== 'required' || edgeServers.length > 0);

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const parsed = policyInputSchema.safeParse(policyInputFromForm(new FormData(event.currentTarget)));
    if (parsed.success) {
      setLocalErrors(null);
      return;
    }
    event.preventDefault();
    const found: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (found[issue.path.join('.') || '_form'] ??= []).push(issue.message);
    setLocalErrors(found);
  }

  const toggle = (list: string[], set: (next: string[]) => void, name: string) => set(list.includes(name) ? list.filter((n) => n !== name) : [...list, name]);

  return (
    <form action={formAction} onSubmit={checkBeforeSending} noValidate>
      <input type="hidden" name="scenarioId" value={scenarioId} />
      {policy && <input type="hidden" name="policyId" value={policy.id} />}
      {policy && <input type="hidden" name="version" value={policy.version} />}
      <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus errors={errors.name} />

      <div className="mb-3">
        <label htmlFor="field-type" className="mb-1 block text-sm font-medium text-slate-700">
          Type
        </label>
        <select
          id="field-type"
          name="type"
          value={type}
          onChange={(e) => {
            setType(e.target.value as PolicyType);
            setLocalErrors(null);
          }}
          className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        >
          {(Object.keys(POLICY_TYPES) as PolicyType[]).map((t) => (
            <option key={t} value={t}>
              {POLICY_TYPES[t].label}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-slate-500">{TYPE_HINTS[type]}</p>
        {type === 'spread' && siteless.length > 0 && (
          <p className="mt-1 text-xs text-amber-800" data-testid="spread-site-warning">
            {siteless.join(', ')} {siteless.length === 1 ? 'has' : 'have'} no site, so replicas under a spread will not be placed there.
          </p>
        )}
        <FieldErrors errors={errors.type} />
      </div>

      {fields.services && (
        <CheckboxGroup
          legend="Services (every replica of each)"
          name="services"
          options={choices.services.map((s) => ({ value: s.name, label: s.name, detail: `${s.replicas} ${s.replicas === 1 ? 'replica' : 'replicas'}` }))}
          selected={services}
          onToggle={(name) => toggle(services, setServices, name)}
          errors={errors.services}
          empty="This scenario has no services yet; add them on the Services page."
        />
      )}

      {fields.edgeServers !== 'none' && (
        <CheckboxGroup
          legend={fields.edgeServers === 'required' ? 'Edge servers it may run on' : 'Edge servers (none chosen: every edge server)'}
          name="edgeServers"
          options={choices.edgeServers.map((e) => ({ value: e.name, label: e.name, detail: e.site ? `site ${e.site}` : 'no site' }))}
          selected={edgeServers}
          onToggle={(name) => toggle(edgeServers, setEdgeServers, name)}
          errors={errors.edgeServers}
          empty="This scenario has no edge servers yet; add them on the Edge servers page."
        />
      )}

      {fields.fraction && (
        <Field
          label="Cap (fraction of capacity, greater than 0 and at most 1)"
          name="fraction"
          inputMode="decimal"
          value={fraction}
          onChange={(e) => setFraction(e.target.value)}
          hint="0.8 keeps each resource at or below 80 % of the edge server’s capacity."
          errors={errors.fraction}
        />
      )}

      <p className="mb-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="policy-preview">
        <span className="font-medium">Reads as: </span>
        {complete ? preview : 'choose what it applies to'}
      </p>
      <FieldErrors errors={errors._form} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : policy ? 'Save changes' : 'Create policy'}
        </Button>
      </div>
    </form>
  );
}

function CheckboxGroup({
  legend,
  name,
  options,
  selected,
  onToggle,
  errors,
  empty,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string; detail: string }[];
  selected: string[];
  onToggle: (value: string) => void;
  errors?: string[];
  empty: string;
}) {
  const errorId = `field-${name}-error`;
  return (
    <fieldset className="mb-3" aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <div className={`max-h-48 overflow-y-auto rounded-md border px-2.5 py-1.5 ${errors?.length ? 'border-red-500' : 'border-slate-300'}`}>
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-2 py-0.5 text-sm">
              <input type="checkbox" name={name} value={o.value} checked={selected.includes(o.value)} onChange={() => onToggle(o.value)} />
              <span>{o.label}</span>
              <span className="text-xs text-slate-500">{o.detail}</span>
            </label>
          ))}
        </div>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
