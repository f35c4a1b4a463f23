'use client';

// The inspector for one dependency (a service calling another): its traffic, and delete.

import { dependencyFields } from '@/lib/architecture/entity-schemas';
import { dependencyEdgeId, nodeId } from '@/lib/architecture/flow-ids';
import { useEditor } from './editor-store';
import type { FieldSpec } from './inspector-field';
import { DeleteButton, EditForm, schemaErrors } from './inspector-form';

const DEPENDENCY_FIELDS: FieldSpec[] = [{ name: 'trafficMbps', label: 'Traffic (Mbit/s)', type: 'number', step: 'any' }];

export function DependencyInspector({ fromId, toId }: { fromId: string; toId: string }) {
  const model = useEditor((s) => s.model);
  const id = dependencyEdgeId({ fromId, toId });
  const dep = model.dependencies.get(id);
  if (!dep) return null;
  const from = model.entities.get(nodeId('service', dep.fromId))?.name;
  const to = model.entities.get(nodeId('service', dep.toId))?.name;
  return (
    <EditForm
      key={`${id}@${dep.version}`}
      title={`${from} calls ${to}`}
      fields={DEPENDENCY_FIELDS}
      source={dep}
      validate={(typed) => schemaErrors(dependencyFields, typed)}
      save={{ label: 'edit dependency', target: { type: 'dependency', fromId: dep.fromId, toId: dep.toId } }}
      footer={<DeleteButton ids={[id]} />}
    />
  );
}
