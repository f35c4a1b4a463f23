'use client';

// The inspector's edit form, shared by entities, links and dependencies: the values as typed,
// checked before anything is sent, only the changed fields saved as one undoable update, and
// the errors of a refused save shown at their fields. Reset puts the saved values back.

import { useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import { fieldErrors } from '@/lib/architecture/entity-schemas';
import { isNameTaken, type WorkingCopy } from '@/lib/architecture/working-copy';
import type { EntityKind } from '@/lib/architecture/snapshot';
import { useEditor, useEditorStore, type UpdateTarget } from './editor-store';
import { FormField, type FieldSpec, type FormValues } from './inspector-field';

type Values = Record<string, unknown>;
export type FieldErrorMap = Record<string, string[]>;

// Entity fields hold strings, numbers and booleans; null or anything else shows as an empty input.
const fieldText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** The saved values as the form shows them (a scaled number in its unit, rounded to 3 places). */
function toForm(fields: FieldSpec[], source: Values): FormValues {
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

/** The form's text typed back: numbers (NaN when not one, for the schema to report), nulls. */
function fromForm(fields: FieldSpec[], values: FormValues): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'number') out[f.name] = numberFromForm(f, String(v).trim());
    else if (f.type === 'select') out[f.name] = v === '' && f.nullable ? null : v;
    else out[f.name] = v;
  }
  return out;
}

function numberFromForm(f: Extract<FieldSpec, { type: 'number' }>, text: string): number | null {
  if (text === '' && f.nullable) return null;
  const n = text === '' ? NaN : Number(text);
  return f.scale && Number.isFinite(n) ? Math.round(n * f.scale) : n;
}

/** The fields that differ from the saved values, with what they were (for undo). */
function changedFields(next: Values, current: Values): { changes: Values; before: Values } {
  const changes: Values = {};
  const before: Values = {};
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify(v) !== JSON.stringify(current[k] ?? null)) {
      changes[k] = v;
      before[k] = current[k] ?? null;
    }
  }
  return { changes, before };
}

/** The schema's errors by field. */
export function schemaErrors(schema: z.ZodType, typed: Values): FieldErrorMap {
  const parsed = schema.safeParse(typed);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

/** Adds an error at the name when another entity of the kind (or another link) has it. */
export function checkNameFree(errors: FieldErrorMap, typed: Values, taken: { kind: EntityKind | 'link'; label: string; selfId: string }, model: WorkingCopy) {
  if (typeof typed.name !== 'string' || !isNameTaken(model, taken.kind, typed.name, taken.selfId)) return errors;
  (errors.name ??= []).push(`Another ${taken.label} is already named “${typed.name.trim()}”.`);
  return errors;
}

export function EditForm({
  title,
  fields,
  source,
  validate,
  save,
  footer,
}: {
  title: string;
  fields: FieldSpec[];
  source: Values;
  validate: (typed: Values) => FieldErrorMap;
  /** The update a save makes, and its name in the undo history. */
  save: { label: string; target: UpdateTarget };
  footer?: ReactNode;
}) {
  const store = useEditorStore();
  const locked = useEditor((s) => s.locked);
  const [values, setValues] = useState(() => toForm(fields, source));
  const [errors, setErrors] = useState<FieldErrorMap>({});
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
    const result = await store.commit({ type: 'update', label: save.label, target: save.target, changes, before });
    setSaving(false);
    // A conflict shows the reload banner instead.
    if (result && !result.ok && !result.conflict) setErrors(result.errors);
  };
  const reset = () => {
    setValues(toForm(fields, source));
    setErrors({});
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
        <Button onClick={reset} disabled={saving}>
          Reset
        </Button>
      </div>
      {footer}
    </form>
  );
}

/** Asks to delete what the inspector shows (the confirmation lists what goes with it). */
export function DeleteButton({ ids, className = 'mt-3' }: { ids?: readonly string[]; className?: string }) {
  const store = useEditorStore();
  return (
    <Button variant="danger" className={className} onClick={() => store.requestDelete(ids)}>
      Delete…
    </Button>
  );
}
