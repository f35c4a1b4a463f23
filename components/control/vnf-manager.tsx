'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { formatCores, formatMiB } from '@/lib/format/format-units';
import type { HostCapacity } from '@/lib/mano/load-host-capacity';
import { VNF_KINDS } from '@/lib/vocabulary/kinds-and-labels';
import { InstantiateVnfForm, ScaleVnfForm, TerminateVnf, type ListedVnf } from './vnf-forms';

type ManagedVnf = ListedVnf & { hostServerId: string; next: string | null };

type Mode = { kind: 'instantiate' } | { kind: 'scale' | 'terminate'; vnf: ManagedVnf } | null;

/**
 * The VNFs of the scenario and, for operators, their lifecycle: instantiate on an edge server
 * with room, scale, terminate. Other roles see the list only (the actions refuse them anyway).
 */
export function VnfManager({
  scenarioId,
  vnfs,
  hosts,
  manoControllers,
  canOperate,
}: {
  scenarioId: string;
  vnfs: ManagedVnf[];
  hosts: HostCapacity[];
  manoControllers: { id: string; name: string }[];
  canOperate: boolean;
}) {
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const router = useRouter();
  const close = useCallback(() => setMode(null), []);
  const done = useCallback(
    (message: string) => {
      setMode(null);
      setNotice(message);
      router.refresh();
    },
    [router],
  );

  const columns: Column<ManagedVnf>[] = [
    { header: 'Name', cell: (v) => <span className="font-medium">{v.name}</span> },
    { header: 'Function', cell: (v) => VNF_KINDS[v.kind] },
    { header: 'Runs on', cell: (v) => v.host },
    { header: 'Managed by', cell: (v) => v.managedBy.join(', ') || '—' },
    { header: 'Chained to', cell: (v) => v.next ?? '—' },
    { header: 'In service chains', cell: (v) => v.inChains.join(', ') || '—' },
    { header: 'CPU', align: 'right', cell: (v) => formatCores(v.cpuCores) },
    { header: 'Memory', align: 'right', cell: (v) => formatMiB(v.memoryMiB) },
  ];
  if (canOperate) {
    columns.push({
      header: 'Actions',
      cell: (v) => (
        <div className="flex gap-1">
          <Button variant="ghost" onClick={() => setMode({ kind: 'scale', vnf: v })} aria-label={`Scale ${v.name}`}>
            Scale
          </Button>
          <Button variant="ghost" className="text-red-700" onClick={() => setMode({ kind: 'terminate', vnf: v })} aria-label={`Terminate ${v.name}`}>
            Terminate
          </Button>
        </div>
      ),
    });
  }

  return (
    <section data-testid="vnf-section">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 className="text-sm font-semibold text-slate-700">Virtual network functions ({vnfs.length})</h2>
        {canOperate && (
          <Button
            variant="primary"
            onClick={() => setMode({ kind: 'instantiate' })}
            disabled={hosts.length === 0}
            title={hosts.length === 0 ? 'Add an edge server first' : undefined}
          >
            Instantiate VNF
          </Button>
        )}
      </div>
      {notice && (
        <p role="status" className="mb-2 text-sm text-green-800" data-testid="vnf-notice">
          {notice}
        </p>
      )}
      {vnfs.length === 0 ? (
        <p className="text-sm text-slate-600">No VNFs run in this scenario. {canOperate ? 'Instantiate one to put a firewall, NAT or other function on an edge server.' : ''}</p>
      ) : (
        <DataTable caption="Virtual network functions" rows={vnfs} rowKey={(v) => v.id} columns={columns} />
      )}

      <Dialog open={mode?.kind === 'instantiate'} title="Instantiate a VNF" onClose={close}>
        {mode?.kind === 'instantiate' && <InstantiateVnfForm scenarioId={scenarioId} hosts={hosts} manoControllers={manoControllers} onCancel={close} onDone={done} />}
      </Dialog>
      {mode?.kind === 'scale' && (
        <Dialog open title={`Scale “${mode.vnf.name}”`} onClose={close}>
          <ScaleVnfForm vnf={mode.vnf} host={hosts.find((h) => h.edgeServerId === mode.vnf.hostServerId)} onCancel={close} onDone={done} />
        </Dialog>
      )}
      {mode?.kind === 'terminate' && (
        <Dialog open title={`Terminate “${mode.vnf.name}”?`} onClose={close}>
          <TerminateVnf vnf={mode.vnf} onCancel={close} onDone={done} />
        </Dialog>
      )}
    </section>
  );
}
