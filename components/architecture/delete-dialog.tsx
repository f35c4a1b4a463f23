'use client';

// The delete confirmation: everything the delete takes, listed before it goes.

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { nodeId } from '@/lib/architecture/flow-ids';
import type { DeletePlan } from '@/lib/architecture/plan-delete';
import { ENTITY_KIND_LABELS, type EntityKind } from '@/lib/architecture/snapshot';
import { useEditor, useEditorStore } from './editor-store';

/** Longer lists show their first names and how many more. */
const SHOWN = 50;

export function DeleteDialog() {
  const store = useEditorStore();
  const plan = useEditor((s) => s.deleteRequest);
  return (
    <Dialog open={!!plan} title="Delete from the scenario?" onClose={() => store.cancelDelete()}>
      {plan && (
        <div data-testid="delete-confirmation">
          <PlanLists plan={plan} />
          {plan.placedReplicas > 0 && <p className="mb-2 text-sm">{plan.placedReplicas} placed replicas of the applied placement go too.</p>}
          <p className="mb-4 text-xs text-slate-500">Undo (Ctrl+Z) puts everything back.</p>
          <div className="flex justify-end gap-2">
            <Button onClick={() => store.cancelDelete()}>Cancel</Button>
            <Button variant="danger" onClick={() => void store.confirmDelete()} autoFocus>
              Delete
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

function PlanLists({ plan }: { plan: DeletePlan }) {
  const store = useEditorStore();
  const model = store.getState().model;
  const nameOf = (kind: EntityKind, id: string) => model.entities.get(nodeId(kind, id))?.name ?? id;
  return (
    <>
      <NameList title="Deleting" names={plan.entities.map((e) => `${ENTITY_KIND_LABELS[e.kind]} ${e.name}`)} />
      <NameList title="Hosted on a deleted edge server, deleted with it" names={plan.hosted.map((e) => `${ENTITY_KIND_LABELS[e.kind]} ${e.name}`)} />
      <NameList
        title={plan.entities.length ? 'Links that go with it' : 'Links'}
        names={plan.links.map((l) => `${l.name} (${nameOf(l.a.kind, l.a.id)} – ${nameOf(l.b.kind, l.b.id)})`)}
      />
      <NameList title="Dependencies" names={plan.dependencies.map((d) => `${nameOf('service', d.fromId)} → ${nameOf('service', d.toId)}`)} />
      <NameList title="“Manages” relations" names={plan.manages.map((m) => `${nameOf('controller', m.controllerId)} manages ${nameOf(m.targetKind, m.targetId)}`)} />
      <NameList title="Lose their site (they stay)" names={plan.unsited.map((e) => e.name)} />
      <NameList title="Registries left unattached (they stay)" names={plan.detached.map((e) => e.name)} />
    </>
  );
}

function NameList({ title, names }: { title: string; names: string[] }) {
  if (!names.length) return null;
  return (
    <div className="mb-2">
      <div className="text-sm font-medium">{title}</div>
      <ul className="ml-5 max-h-32 list-disc overflow-auto text-sm text-slate-700">
        {names.slice(0, SHOWN).map((n, i) => (
          <li key={i}>{n}</li>
        ))}
        {names.length > SHOWN && <li>…and {names.length - SHOWN} more</li>}
      </ul>
    </div>
  );
}
