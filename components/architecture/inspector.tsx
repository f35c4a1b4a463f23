'use client';

// The inspector: a validated form for the selected node or edge. Invalid values are shown at
// their field and nothing is saved; a name already used is caught here and again by the
// database; a save refused because someone else changed the row shows the reload banner.

import { memo, useMemo, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import { isNameTaken } from '@/lib/architecture/working-copy';
import { ENTITY_FIELD_SCHEMAS, fieldErrors as zodFieldErrors, dependencyFields, linkFields } from '@/lib/architecture/entity-schemas';
import { nodeId, parseEdgeId, parseNodeId } from '@/lib/architecture/flow-ids';
import { EDGE_KIND_LABELS, ENTITY_KIND_LABELS, type Entity, type EntityKind } from '@/lib/architecture/snapshot';
import { formatBytes } from '@/lib/format/format-units';
import { ACCELERATORS, ARCHS, CONTROLLER_KINDS, LINK_MEDIA, NETWORK_NODE_KINDS, TIERS, VNF_KINDS } from '@/lib/vocabulary/kinds-and-labels';
import { useEditor, useEditorStore, type EditorState } from './editor-store';

type Option = { value: string; label: string };
type FieldSpec =
  | { name: string; label: string; type: 'text' }
  | { name: string; label: string; type: 'number'; step?: string; nullable?: boolean; scale?: number; hint?: string }
  | { name: string; label: string; type: 'select'; options: Option[]; nullable?: string }
  | { name: string; label: string; type: 'checkbox' }
  | { name: string; label: string; type: 'multi'; options: Option[] };

const opts = (o: Record<string, string>): Option[] => Object.entries(o).map(([value, label]) => ({ value, label }));
const GIB = 1024 ** 3;

function entityFields(kind: EntityKind, state: Pick<EditorState, 'model' | 'images'>, self: Entity): FieldSpec[] {
  const of = (k: EntityKind) =>
    [...state.model.entities.values()]
      .filter((e) => e.kind === k && e.id !== self.id)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => ({ value: e.id, label: e.name }));
  const name: FieldSpec = { name: 'name', label: 'Name', type: 'text' };
  switch (kind) {
    case 'site':
      return [
        name,
        { name: 'provider', label: 'Provider', type: 'text' },
        { name: 'region', label: 'Region', type: 'text' },
        { name: 'latitude', label: 'Latitude', type: 'number', step: 'any', nullable: true },
        { name: 'longitude', label: 'Longitude', type: 'number', step: 'any', nullable: true },
      ];
    case 'edgeServer':
      return [
        name,
        { name: 'siteId', label: 'Site', type: 'select', options: of('site'), nullable: 'no site' },
        { name: 'tier', label: 'Tier', type: 'select', options: opts(TIERS) },
        { name: 'arch', label: 'Architecture', type: 'select', options: ARCHS.map((a) => ({ value: a, label: a })) },
        { name: 'cpuCores', label: 'Cores', type: 'number', step: 'any' },
        { name: 'memoryMiB', label: 'Memory (MiB)', type: 'number', step: '1' },
        { name: 'storageBytes', label: 'Storage (GiB)', type: 'number', step: 'any', scale: GIB },
        { name: 'bandwidthMbps', label: 'Bandwidth (Mbit/s)', type: 'number', step: '1' },
        { name: 'accelerators', label: 'Accelerators', type: 'multi', options: ACCELERATORS.map((a) => ({ value: a, label: a.toUpperCase() })) },
      ];
    case 'networkNode':
      return [
        name,
        { name: 'nodeKind', label: 'Kind', type: 'select', options: opts(NETWORK_NODE_KINDS) },
        { name: 'siteId', label: 'Site', type: 'select', options: of('site'), nullable: 'no site' },
        { name: 'sdnManaged', label: 'Managed by an SDN controller', type: 'checkbox' },
        { name: 'latitude', label: 'Latitude', type: 'number', step: 'any', nullable: true },
        { name: 'longitude', label: 'Longitude', type: 'number', step: 'any', nullable: true },
      ];
    case 'vnf':
      return [
        name,
        { name: 'vnfKind', label: 'Kind', type: 'select', options: opts(VNF_KINDS) },
        { name: 'hostServerId', label: 'Runs on edge server', type: 'select', options: of('edgeServer') },
        { name: 'cpuCores', label: 'Cores', type: 'number', step: 'any' },
        { name: 'memoryMiB', label: 'Memory (MiB)', type: 'number', step: '1' },
        { name: 'nextVnfId', label: 'Next in chain', type: 'select', options: of('vnf'), nullable: 'end of chain' },
      ];
    case 'service':
      return [
        name,
        { name: 'imageRef', label: 'Image reference', type: 'text' },
        { name: 'imageId', label: 'Catalogued image', type: 'select', options: state.images.map((i) => ({ value: i.id, label: i.label })), nullable: 'not catalogued' },
        { name: 'replicas', label: 'Replicas', type: 'number', step: '1' },
        { name: 'cpuCores', label: 'Cores per replica', type: 'number', step: 'any' },
        { name: 'memoryMiB', label: 'Memory per replica (MiB)', type: 'number', step: '1' },
        { name: 'bandwidthMbps', label: 'Bandwidth (Mbit/s)', type: 'number', step: '1' },
        { name: 'arch', label: 'Architecture', type: 'select', options: ARCHS.map((a) => ({ value: a, label: a })), nullable: 'any' },
        { name: 'accelerator', label: 'Needs accelerator', type: 'select', options: ACCELERATORS.map((a) => ({ value: a, label: a.toUpperCase() })), nullable: 'none' },
      ];
    case 'controller':
      return [
        name,
        { name: 'controllerKind', label: 'Kind', type: 'select', options: opts(CONTROLLER_KINDS) },
        { name: 'product', label: 'Product and version', type: 'text' },
        { name: 'hostServerId', label: 'Runs on edge server', type: 'select', options: of('edgeServer') },
      ];
  }
}

const LINK_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', type: 'text' },
  { name: 'medium', label: 'Medium', type: 'select', options: opts(LINK_MEDIA) },
  { name: 'bandwidthMbps', label: 'Bandwidth (Mbit/s)', type: 'number', step: '1' },
  { name: 'latencyMs', label: 'Latency (ms)', type: 'number', step: 'any' },
  { name: 'lossPercent', label: 'Loss (%)', type: 'number', step: 'any' },
];
const DEPENDENCY_FIELDS: FieldSpec[] = [{ name: 'trafficMbps', label: 'Traffic (Mbit/s)', type: 'number', step: 'any' }];

type FormValues = Record<string, string | boolean | string[]>;

// Entity fields hold strings, numbers and booleans; null or anything else shows as an empty input.
const fieldText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

function toForm(fields: FieldSpec[], source: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = source[f.name];
    if (f.type === 'checkbox') out[f.name] = !!v;
    else if (f.type === 'multi') out[f.name] = [...((v as string[]) ?? [])];
    else if (f.type === 'number') out[f.name] = fieldText(f.scale && typeof v === 'number' ? Math.round((v / f.scale) * 1000) / 1000 : v);
    else out[f.name] = fieldText(v);
  }
  return out;
}

function fromForm(fields: FieldSpec[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'number') {
      const s = String(v).trim();
      if (s === '' && f.nullable) out[f.name] = null;
      else {
        const n = s === '' ? NaN : Number(s);
        out[f.name] = f.scale && Number.isFinite(n) ? Math.round(n * f.scale) : n;
      }
    } else if (f.type === 'select') out[f.name] = v === '' && f.nullable ? null : v;
    else out[f.name] = v;
  }
  return out;
}

function changedFields(next: Record<string, unknown>, current: Record<string, unknown>): { changes: Record<string, unknown>; before: Record<string, unknown> } {
  const changes: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify(v) !== JSON.stringify(current[k] ?? null)) {
      changes[k] = v;
      before[k] = current[k] ?? null;
    }
  }
  return { changes, before };
}

function FormField({
  spec,
  value,
  errors,
  disabled,
  onChange,
}: {
  spec: FieldSpec;
  value: FormValues[string];
  errors?: string[];
  disabled: boolean;
  onChange: (v: FormValues[string]) => void;
}) {
  const id = `inspector-${spec.name}`;
  const errorId = `${id}-error`;
  const invalid = errors?.length ? true : undefined;
  const cls = `w-full rounded-md border px-2 py-1 text-sm ${errors?.length ? 'border-red-500' : 'border-slate-300'}`;
  if (spec.type === 'checkbox') {
    return (
      <div className="mb-2">
        <label className="inline-flex items-center gap-2 text-sm">
          <input id={id} type="checkbox" checked={value as boolean} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
          {spec.label}
        </label>
        <FieldErrors id={errorId} errors={errors} />
      </div>
    );
  }
  if (spec.type === 'multi') {
    const set = new Set(value as string[]);
    return (
      <fieldset className="mb-2">
        <legend className="mb-0.5 text-xs font-medium text-slate-700">{spec.label}</legend>
        {spec.options.map((o) => (
          <label key={o.value} className="mr-3 inline-flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              disabled={disabled}
              checked={set.has(o.value)}
              onChange={(e) => {
                const next = new Set(set);
                if (e.target.checked) next.add(o.value);
                else next.delete(o.value);
                onChange(spec.options.map((x) => x.value).filter((x) => next.has(x)));
              }}
            />
            {o.label}
          </label>
        ))}
        <FieldErrors id={errorId} errors={errors} />
      </fieldset>
    );
  }
  return (
    <div className="mb-2">
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700">
        {spec.label}
      </label>
      {spec.type === 'select' ? (
        <select
          id={id}
          className={cls}
          value={value as string}
          disabled={disabled}
          aria-invalid={invalid}
          aria-describedby={invalid && errorId}
          onChange={(e) => onChange(e.target.value)}
        >
          {spec.nullable && <option value="">{spec.nullable}</option>}
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={spec.name}
          className={cls}
          type={spec.type === 'number' ? 'text' : 'text'}
          inputMode={spec.type === 'number' ? 'decimal' : undefined}
          value={value as string}
          disabled={disabled}
          aria-invalid={invalid}
          aria-describedby={invalid && errorId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

function EditForm({
  title,
  fields,
  source,
  validate,
  onSave,
  footer,
}: {
  title: string;
  fields: FieldSpec[];
  source: Record<string, unknown>;
  validate: (typed: Record<string, unknown>) => Record<string, string[]>;
  onSave: (changes: Record<string, unknown>, before: Record<string, unknown>) => Promise<Record<string, string[]> | null>;
  footer?: React.ReactNode;
}) {
  const locked = useEditor((s) => s.locked);
  const [values, setValues] = useState(() => toForm(fields, source));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = fromForm(fields, values);
    const problems = validate(typed);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const { changes, before } = changedFields(typed, source);
    if (!Object.keys(changes).length) return;
    setSaving(true);
    const refused = await onSave(changes, before);
    setSaving(false);
    if (refused) setErrors(refused);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {fields.map((f) => (
        <FormField key={f.name} spec={f} value={values[f.name]} errors={errors[f.name]} disabled={locked} onChange={(v) => setValues((prev) => ({ ...prev, [f.name]: v }))} />
      ))}
      <FieldErrors errors={errors._form} />
      <div className="mt-3 flex gap-2">
        <Button type="submit" variant="primary" disabled={locked || saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
        <Button
          onClick={() => {
            setValues(toForm(fields, source));
            setErrors({});
          }}
          disabled={saving}
        >
          Reset
        </Button>
      </div>
      {footer}
    </form>
  );
}

export const Inspector = memo(function Inspector() {
  const store = useEditorStore();
  const selected = useEditor((s) => s.selected);
  const model = useEditor((s) => s.model);
  const images = useEditor((s) => s.images);
  const storageUse = useEditor((s) => s.storage);
  const placement = model.placement;

  const content = useMemo(() => {
    if (selected.length === 0) {
      return <p className="text-sm text-slate-500">Select a node or an edge to inspect it. Shift-drag to select several.</p>;
    }
    if (selected.length > 1) {
      return (
        <div>
          <p className="mb-2 text-sm">{selected.length} items selected.</p>
          <div className="flex gap-2">
            <Button variant="danger" onClick={() => store.requestDelete()}>
              Delete…
            </Button>
          </div>
        </div>
      );
    }
    const id = selected[0];
    const ref = parseNodeId(id);
    if (ref) {
      const entity = model.entities.get(id);
      if (!entity) return null;
      const fields = entityFields(ref.kind, { model, images }, entity);
      const schema = ENTITY_FIELD_SCHEMAS[ref.kind];
      const storage = entity.kind === 'edgeServer' ? storageUse?.get(entity.id) : null;
      return (
        <EditForm
          key={`${id}@${entity.version}`}
          title={`${ENTITY_KIND_LABELS[ref.kind]} ${entity.name}`}
          fields={fields}
          source={entity}
          validate={(typed) => {
            const parsed = schema.safeParse(typed);
            const errs = parsed.success ? {} : zodFieldErrors(parsed.error);
            if (typeof typed.name === 'string' && isNameTaken(store.getState().model, ref.kind, typed.name, entity.id)) {
              (errs.name ??= []).push(`Another ${ENTITY_KIND_LABELS[ref.kind].toLowerCase()} is already named “${typed.name.trim()}”.`);
            }
            return errs;
          }}
          onSave={async (changes, before) => {
            const result = await store.commit({ type: 'update', label: `edit ${entity.name}`, target: { type: 'entity', kind: ref.kind, id: ref.id }, changes, before });
            return result && !result.ok && !result.conflict ? result.errors : null;
          }}
          footer={
            <>
              {storage && (
                <p className="mt-3 text-xs text-slate-600" data-testid="inspector-storage">
                  Applied placement stores {formatBytes(storage.usedBytes)} of layers here ({formatBytes(storage.capacityBytes)} disk).
                </p>
              )}
              <Button variant="danger" className="mt-3" onClick={() => store.requestDelete([id])}>
                Delete…
              </Button>
            </>
          }
        />
      );
    }
    const edge = parseEdgeId(id);
    if (!edge) return null;
    if (edge.kind === 'link') {
      const link = model.links.get(edge.id);
      if (!link) return null;
      const ends = `${model.entities.get(nodeId(link.a.kind, link.a.id))?.name ?? '?'} – ${model.entities.get(nodeId(link.b.kind, link.b.id))?.name ?? '?'}`;
      return (
        <EditForm
          key={`${id}@${link.version}`}
          title={`Link ${link.name}`}
          fields={LINK_FIELDS}
          source={link}
          validate={(typed) => {
            const parsed = linkFields.safeParse(typed);
            const errs = parsed.success ? {} : zodFieldErrors(parsed.error);
            if (typeof typed.name === 'string' && isNameTaken(store.getState().model, 'link', typed.name, link.id))
              (errs.name ??= []).push(`Another link is already named “${typed.name.trim()}”.`);
            return errs;
          }}
          onSave={async (changes, before) => {
            const result = await store.commit({ type: 'update', label: `edit link ${link.name}`, target: { type: 'link', id: link.id }, changes, before });
            return result && !result.ok && !result.conflict ? result.errors : null;
          }}
          footer={
            <>
              <p className="mt-2 text-xs text-slate-500">Joins {ends}.</p>
              <Button variant="danger" className="mt-3" onClick={() => store.requestDelete([id])}>
                Delete…
              </Button>
            </>
          }
        />
      );
    }
    if (edge.kind === 'dependency') {
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
          validate={(typed) => {
            const parsed = dependencyFields.safeParse(typed);
            return parsed.success ? {} : zodFieldErrors(parsed.error);
          }}
          onSave={async (changes, before) => {
            const result = await store.commit({ type: 'update', label: 'edit dependency', target: { type: 'dependency', fromId: dep.fromId, toId: dep.toId }, changes, before });
            return result && !result.ok && !result.conflict ? result.errors : null;
          }}
          footer={
            <Button variant="danger" className="mt-3" onClick={() => store.requestDelete([id])}>
              Delete…
            </Button>
          }
        />
      );
    }
    if (edge.kind === 'placement') {
      const rel = placement?.relations.find((p) => p.serviceId === edge.serviceId && p.edgeServerId === edge.edgeServerId);
      return (
        <div className="text-sm">
          <h2 className="mb-2 font-semibold">{EDGE_KIND_LABELS.placement}</h2>
          <p>
            {model.entities.get(nodeId('service', edge.serviceId))?.name} replicas {rel?.replicas.join(', ')} run on{' '}
            {model.entities.get(nodeId('edgeServer', edge.edgeServerId))?.name}.
          </p>
          <p className="mt-1 text-xs text-slate-500">
            From the applied placement run ({placement?.algorithm}, {placement?.status}). Change it on the Placement page.
          </p>
        </div>
      );
    }
    if (edge.kind === 'hosting') {
      const e = model.entities.get(nodeId(edge.entityKind, edge.id));
      return (
        <div className="text-sm">
          <h2 className="mb-2 font-semibold">{EDGE_KIND_LABELS.hosting}</h2>
          <p>
            {e?.name} runs on {e && 'hostServerId' in e ? model.entities.get(nodeId('edgeServer', e.hostServerId))?.name : '?'}. To move it, drag from its square host handle to
            another edge server, or pick the server in its inspector.
          </p>
        </div>
      );
    }
    const m = model.manages.get(id);
    return (
      <div className="text-sm">
        <h2 className="mb-2 font-semibold">{EDGE_KIND_LABELS.manages}</h2>
        <p>
          {model.entities.get(nodeId('controller', edge.controllerId))?.name} manages {m ? model.entities.get(nodeId(m.targetKind, m.targetId))?.name : '?'}.
        </p>
        <Button variant="danger" className="mt-3" onClick={() => store.requestDelete([id])}>
          Delete…
        </Button>
      </div>
    );
  }, [selected, model, images, storageUse, placement, store]);

  return (
    <aside aria-label="Inspector" data-testid="inspector" className="w-72 shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-3">
      {content}
    </aside>
  );
});
