'use client';

// The inspector for one network link: its fields, the two ends it joins, and delete.

import { linkFields } from '@/lib/architecture/entity-schemas';
import { linkEdgeId, nodeId } from '@/lib/architecture/flow-ids';
import type { LinkEnd } from '@/lib/architecture/snapshot';
import { LINK_MEDIA } from '@/lib/vocabulary/kinds-and-labels';
import { useEditor, useEditorStore } from './editor-store';
import { optionsOf, type FieldSpec } from './inspector-field';
import { checkNameFree, DeleteButton, EditForm, schemaErrors } from './inspector-form';

const LINK_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', type: 'text' },
  { name: 'medium', label: 'Medium', type: 'select', options: optionsOf(LINK_MEDIA) },
  { name: 'bandwidthMbps', label: 'Bandwidth (Mbit/s)', type: 'number', step: '1' },
  { name: 'latencyMs', label: 'Latency (ms)', type: 'number', step: 'any' },
  { name: 'lossPercent', label: 'Loss (%)', type: 'number', step: 'any' },
];

export function LinkInspector({ linkId }: { linkId: string }) {
  const store = useEditorStore();
  const model = useEditor((s) => s.model);
  const link = model.links.get(linkId);
  if (!link) return null;
  const nameOf = (end: LinkEnd) => model.entities.get(nodeId(end.kind, end.id))?.name ?? '?';
  return (
    <EditForm
      key={`${linkEdgeId(link.id)}@${link.version}`}
      title={`Link ${link.name}`}
      fields={LINK_FIELDS}
      source={link}
      validate={(typed) => checkNameFree(schemaErrors(linkFields, typed), typed, { kind: 'link', label: 'link', selfId: link.id }, store.getState().model)}
      save={{ label: `edit link ${link.name}`, target: { type: 'link', id: link.id } }}
      footer={
        <>
          <p className="mt-2 text-xs text-slate-500">Joins {`${nameOf(link.a)} – ${nameOf(link.b)}`}.</p>
          <DeleteButton ids={[linkEdgeId(link.id)]} />
        </>
      }
    />
  );
}
