'use client';

import { useActionState, useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FieldErrors, SelectField } from '@/components/ui/field';
import { instantiateVnfAction, scaleVnfAction, terminateVnfAction } from '@/lib/actions/control-actions';
import type { ActionErrors } from '@/lib/actions/action-result';
import { formatCores, formatMiB } from '@/lib/format/format-units';
import type { HostCapacity } from '@/lib/mano/load-host-capacity';
import { VNF_KINDS, type VnfKind } from '@/lib/vocabulary/kinds-and-labels';

export type ListedVnf = {
  id: string;
  name: string;
  kind: VnfKind;
  host: string;
  cpuCores: number;
  memoryMiB: number;
  managedBy: string[];
  inChains: string[];
};

// Overcommitted hosts (a placement applied over VNFs) show nothing free rather than a negative.
const atLeastZero = (n: number) => Math.max(0, Math.round(n * 1000) / 1000);

/** "north-1: 6.5 cores and 12 GiB free of 8 cores and 16 GiB". */
function describeHost(h: HostCapacity): string {
  return `${h.name}: ${formatCores(atLeastZero(h.free.cpuCores))} and ${formatMiB(atLeastZero(h.free.memoryMiB))} free of ${formatCores(h.total.cpuCores)} and ${formatMiB(h.total.memoryMiB)}`;
}

const errorsOf = (state: { ok: boolean; errors?: ActionErrors } | null): ActionErrors => (state && !state.ok && state.errors ? state.errors : {});

/** Starts a VNF on an edge server; the domain refuses, with the figures, a host without room. */
export function InstantiateVnfForm({
  scenarioId,
  hosts,
  manoControllers,
  onCancel,
  onDone,
}: {
  scenarioId: string;
  hosts: HostCapacity[];
  manoControllers: { id: string; name: string }[];
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const [state, formAction, pending] = useActionState(instantiateVnfAction, null);
  // Controlled, so a refused request keeps what was typed (React resets uncontrolled fields after an action).
  const [name, setName] = useState('');
  const [kind, setKind] = useState<VnfKind>('firewall');
  const [host, setHost] = useState(hosts[0]?.edgeServerId ?? '');
  const [cpuCores, setCpuCores] = useState('1');
  const [memoryMiB, setMemoryMiB] = useState('1024');
  const [controllerId, setControllerId] = useState(manoControllers.length === 1 ? manoControllers[0].id : '');
  const errors = errorsOf(state);
  // What the success notice will say, fixed when sent: the fields may change while it runs.
  const sent = useRef('');

  useEffect(() => {
    if (state?.ok) onDone(sent.current);
  }, [state, onDone]);

  return (
    <form
      action={formAction}
      onSubmit={() => (sent.current = `Instantiated ${name.trim()} on ${hosts.find((h) => h.edgeServerId === host)?.name ?? 'its edge server'}.`)}
      noValidate
    >
      <input type="hidden" name="scenarioId" value={scenarioId} />
      <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus errors={errors.name} />
      <SelectField label="Function" name="kind" value={kind} onValue={(v) => setKind(v as VnfKind)} errors={errors.kind}>
        {(Object.keys(VNF_KINDS) as VnfKind[]).map((k) => (
          <option key={k} value={k}>
            {VNF_KINDS[k]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Host edge server (free cpu and memory)"
        name="hostServerId"
        value={host}
        onValue={setHost}
        errors={errors.hostServerId}
        hint="Free is what its VNFs, controllers and the applied placement’s replicas leave."
      >
        {hosts.map((h) => (
          <option key={h.edgeServerId} value={h.edgeServerId}>
            {describeHost(h)}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-2 gap-3">
        <Field label="CPU (cores)" name="cpuCores" inputMode="decimal" value={cpuCores} onChange={(e) => setCpuCores(e.target.value)} errors={errors.cpuCores} />
        <Field label="Memory (MiB)" name="memoryMiB" inputMode="numeric" value={memoryMiB} onChange={(e) => setMemoryMiB(e.target.value)} errors={errors.memoryMiB} />
      </div>
      <SelectField label="Managed by (VNF orchestrator)" name="controllerId" value={controllerId} onValue={setControllerId} errors={errors.controllerId}>
        <option value="">No MANO controller</option>
        {manoControllers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <FieldErrors errors={errors._form} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Instantiating…' : 'Instantiate VNF'}
        </Button>
      </div>
    </form>
  );
}

/** New cpu and memory for a VNF; its host must hold the new size beside everything else. */
export function ScaleVnfForm({ vnf, host, onCancel, onDone }: { vnf: ListedVnf; host: HostCapacity | undefined; onCancel: () => void; onDone: (message: string) => void }) {
  const [state, formAction, pending] = useActionState(scaleVnfAction, null);
  const [cpuCores, setCpuCores] = useState(String(vnf.cpuCores));
  const [memoryMiB, setMemoryMiB] = useState(String(vnf.memoryMiB));
  const errors = errorsOf(state);
  const sent = useRef('');

  useEffect(() => {
    if (state?.ok) onDone(sent.current);
  }, [state, onDone]);

  // What this VNF may grow to: the host's free capacity plus what the VNF holds now.
  const room = host && `${formatCores(atLeastZero(host.free.cpuCores + vnf.cpuCores))} and ${formatMiB(atLeastZero(host.free.memoryMiB + vnf.memoryMiB))}`;
  return (
    <form action={formAction} onSubmit={() => (sent.current = `Scaled ${vnf.name} to ${formatCores(Number(cpuCores))} and ${formatMiB(Number(memoryMiB))}.`)} noValidate>
      <input type="hidden" name="vnfId" value={vnf.id} />
      <p className="mb-3 text-sm text-slate-700">
        Now {formatCores(vnf.cpuCores)} and {formatMiB(vnf.memoryMiB)} on {vnf.host}
        {room ? `; it may grow to ${room} there.` : '.'}
      </p>
      <div className="grid grid-cols-2 gap-3">
        <Field label="CPU (cores)" name="cpuCores" inputMode="decimal" value={cpuCores} onChange={(e) => setCpuCores(e.target.value)} autoFocus errors={errors.cpuCores} />
        <Field label="Memory (MiB)" name="memoryMiB" inputMode="numeric" value={memoryMiB} onChange={(e) => setMemoryMiB(e.target.value)} errors={errors.memoryMiB} />
      </div>
      <FieldErrors errors={errors._form ?? errors.vnfId} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Scaling…' : 'Scale VNF'}
        </Button>
      </div>
    </form>
  );
}

/** The confirmation before a VNF is stopped: what it frees and which chains lose it. */
export function TerminateVnf({ vnf, onCancel, onDone }: { vnf: ListedVnf; onCancel: () => void; onDone: (message: string) => void }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string[] | undefined>();
  return (
    <div>
      <p className="mb-2 text-sm text-slate-700">
        This stops {vnf.name} and frees {formatCores(vnf.cpuCores)} and {formatMiB(vnf.memoryMiB)} on {vnf.host}.
      </p>
      <p className="mb-4 text-sm text-slate-700" data-testid="terminate-chains">
        {vnf.inChains.length ? (
          <>
            It leaves the service function chain of <span className="font-medium">{vnf.inChains.join(', ')}</span>: that traffic will no longer cross it.
          </>
        ) : (
          'It is in no service function chain.'
        )}
      </p>
      <FieldErrors errors={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await terminateVnfAction(vnf.id);
              if (result.ok) onDone(result.message);
              else setError(Object.values(result.errors).flat());
            })
          }
        >
          {pending ? 'Terminating…' : 'Terminate VNF'}
        </Button>
      </div>
    </div>
  );
}
