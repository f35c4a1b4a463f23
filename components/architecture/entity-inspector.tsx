'use client';

// The inspector for one node: its fields, what the applied placement stores on an edge server,
// and delete.

import { attachmentErrors, ENTITY_FIELD_SCHEMAS } from '@/lib/architecture/entity-schemas';
import { ENTITY_KIND_LABELS } from '@/lib/architecture/snapshot';
import type { StorageUse } from '@/lib/architecture/storage-use';
import { formatBytes } from '@/lib/format/format-units';
import { useEditor, useEditorStore } from './editor-store';
import { entityFields } from './entity-fields';
import { checkNameFree, DeleteButton, EditForm, schemaErrors } from './inspector-form';

export function EntityInspector({ id }: { id: string }) {
  const store = useEditorStore();
  const model = useEditor((s) => s.model);
  const images = useEditor((s) => s.images);
  const storageUse = useEditor((s) => s.storage);
  const entity = model.entities.get(id);
  if (!entity) return null;
  const label = ENTITY_KIND_LABELS[entity.kind];
  return (
    <EditForm
      key={`${id}@${entity.version}`}
      title={`${label} ${entity.name}`}
      fields={entityFields(entity, model, images)}
      source={entity}
      validate={(typed) =>
        checkNameFree(
          { ...schemaErrors(ENTITY_FIELD_SCHEMAS[entity.kind], typed), ...(entity.kind === 'registry' ? attachmentErrors(typed) : {}) },
          typed,
          { kind: entity.kind, label: label.toLowerCase(), selfId: entity.id },
          store.getState().model,
        )
      }
      save={{ label: `edit ${entity.name}`, target: { type: 'entity', kind: entity.kind, id: entity.id } }}
      footer={
        <>
          <StorageNote storage={entity.kind === 'edgeServer' ? storageUse?.get(entity.id) : undefined} />
          <DeleteButton ids={[id]} />
        </>
      }
    />
  );
}

function StorageNote({ storage }: { storage: StorageUse | undefined }) {
  if (!storage) return null;
  return (
    <p className="mt-3 text-xs text-slate-600" data-testid="inspector-storage">
      Applied placement stores {formatBytes(storage.usedBytes)} of layers here ({formatBytes(storage.capacityBytes)} disk).
    </p>
  );
}
