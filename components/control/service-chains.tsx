'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { FieldErrors } from '@/components/ui/field';
import { setServiceChainAction } from '@/lib/actions/control-actions';
import { formatMbps } from '@/lib/format/format-units';
import { VNF_KINDS, type VnfKind } from '@/lib/vocabulary/kinds-and-labels';

type ListedChain = {
  fromServiceId: string;
  toServiceId: string;
  from: string;
  to: string;
  version: number;
  trafficMbps: number;
  chain: { id: string; name: string }[];
};

type ChainVnf = { id: string; name: string; kind: VnfKind; host: string };

const labelOf = (d: ListedChain) => `${d.from} → ${d.to}`;

/**
 * Each service dependency with the VNFs its traffic crosses, in order; operators edit a chain
 * in a dialog with buttons to add, remove and move VNFs (no dragging needed).
 */
export function ServiceChains({ scenarioId, chains, vnfs, canOperate }: { scenarioId: string; chains: ListedChain[]; vnfs: ChainVnf[]; canOperate: boolean }) {
  const [editing, setEditing] = useState<ListedChain | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const router = useRouter();
  const close = useCallback(() => setEditing(null), []);
  const done = useCallback(
    (message: string) => {
      setEditing(null);
      setNotice(message);
      router.refresh();
    },
    [router],
  );

  const columns: Column<ListedChain>[] = [
    { header: 'Dependency', cell: (d) => <span className="font-medium">{labelOf(d)}</span> },
    { header: 'Traffic', align: 'right', cell: (d) => formatMbps(d.trafficMbps) },
    { header: 'Chain (in order)', cell: (d) => (d.chain.length ? d.chain.map((v) => v.name).join(' → ') : <span className="text-slate-500">none: straight through</span>) },
  ];
  if (canOperate) {
    columns.push({
      header: 'Actions',
      cell: (d) => (
        <Button variant="ghost" onClick={() => setEditing(d)} aria-label={`Edit chain of ${labelOf(d)}`}>
          Edit chain
        </Button>
      ),
    });
  }

  return (
    <section data-testid="chains-section">
      <h2 className="mb-1 text-sm font-semibold text-slate-700">Service function chains ({chains.length})</h2>
      <p className="mb-2 text-sm text-slate-600">
        The VNFs each dependency’s traffic must cross on its way from caller to callee, first to last; routes go through their edge servers.
      </p>
      {notice && (
        <p role="status" className="mb-2 text-sm text-green-800" data-testid="chain-notice">
          {notice}
        </p>
      )}
      {chains.length === 0 ? (
        <p className="text-sm text-slate-600">No service calls another in this scenario, so there is no chain to set.</p>
      ) : (
        <DataTable caption="Service function chains" rows={chains} rowKey={(d) => `${d.fromServiceId}:${d.toServiceId}`} columns={columns} />
      )}
      {editing && (
        <Dialog open title={`Chain of ${labelOf(editing)}`} onClose={close}>
          <ChainEditor scenarioId={scenarioId} dependency={editing} vnfs={vnfs} onCancel={close} onDone={done} />
        </Dialog>
      )}
    </section>
  );
}

function ChainEditor({
  scenarioId,
  dependency,
  vnfs,
  onCancel,
  onDone,
}: {
  scenarioId: string;
  dependency: ListedChain;
  vnfs: ChainVnf[];
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const [state, formAction, pending] = useActionState(setServiceChainAction, null);
  const [chain, setChain] = useState<string[]>(dependency.chain.map((v) => v.id));
  const byId = new Map(vnfs.map((v) => [v.id, v]));
  const available = vnfs.filter((v) => !chain.includes(v.id));
  const [toAdd, setToAdd] = useState('');
  const chosen = available.some((v) => v.id === toAdd) ? toAdd : (available[0]?.id ?? '');
  const errors = state && !state.ok ? state.errors : {};
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (state?.ok) onDone(state.message);
  }, [state, onDone]);

  const move = (index: number, by: -1 | 1) =>
    setChain((c) => {
      const next = [...c];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  const remove = (id: string) => {
    setChain((c) => c.filter((v) => v !== id));
    // The removed row's buttons are gone: keep keyboard focus in the list rather than on <body>.
    listRef.current?.focus();
  };
  const unchanged = chain.join() === dependency.chain.map((v) => v.id).join();

  return (
    <form action={formAction}>
      <input type="hidden" name="scenarioId" value={scenarioId} />
      <input type="hidden" name="fromServiceId" value={dependency.fromServiceId} />
      <input type="hidden" name="toServiceId" value={dependency.toServiceId} />
      <input type="hidden" name="version" value={dependency.version} />
      {chain.map((id) => (
        <input key={id} type="hidden" name="vnfIds" value={id} />
      ))}
      <p className="mb-2 text-sm text-slate-700">
        Traffic from <span className="font-medium">{dependency.from}</span> crosses these VNFs in order, then reaches <span className="font-medium">{dependency.to}</span>.
      </p>
      {chain.length === 0 ? (
        <p className="mb-3 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">No VNF: the traffic goes straight through.</p>
      ) : (
        <ol ref={listRef} tabIndex={-1} aria-label="Chain, first VNF first" className="mb-3 divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="chain-list">
          {chain.map((id, i) => {
            const v = byId.get(id);
            const name = v?.name ?? 'a VNF that no longer exists';
            return (
              <li key={id} className="flex items-center gap-2 px-2.5 py-1.5 text-sm">
                <span className="w-5 text-right text-slate-500 tabular-nums">{i + 1}.</span>
                <span className="flex-1">
                  <span className="font-medium">{name}</span>
                  {v && (
                    <span className="text-slate-500">
                      {' '}
                      ({VNF_KINDS[v.kind]}, on {v.host})
                    </span>
                  )}
                </span>
                <Button variant="ghost" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move ${name} up`}>
                  ↑
                </Button>
                <Button variant="ghost" onClick={() => move(i, 1)} disabled={i === chain.length - 1} aria-label={`Move ${name} down`}>
                  ↓
                </Button>
                <Button variant="ghost" className="text-red-700" onClick={() => remove(id)} aria-label={`Remove ${name}`}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      {available.length > 0 ? (
        <div className="mb-3 flex items-end gap-2">
          <div className="flex-1">
            <label htmlFor="chain-add" className="mb-1 block text-sm font-medium text-slate-700">
              Add a VNF at the end
            </label>
            <select id="chain-add" value={chosen} onChange={(e) => setToAdd(e.target.value)} className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm">
              {available.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} ({VNF_KINDS[v.kind]}, on {v.host})
                </option>
              ))}
            </select>
          </div>
          <Button onClick={() => chosen && setChain((c) => [...c, chosen])}>Add</Button>
        </div>
      ) : (
        <p className="mb-3 text-sm text-slate-500">{vnfs.length ? 'Every VNF of the scenario is in this chain.' : 'This scenario has no VNFs; instantiate one above first.'}</p>
      )}
      <FieldErrors errors={Object.values(errors).flat()} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending || unchanged}>
          {pending ? 'Saving…' : 'Save chain'}
        </Button>
      </div>
    </form>
  );
}
