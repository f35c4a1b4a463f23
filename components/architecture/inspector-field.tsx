'use client';

// One row of the inspector's form: a text or number input, a select, a checkbox, or a set of
// checkboxes, each with its label and the field's errors under it.

import { FieldErrors } from '@/components/ui/field';

export type Option = { value: string; label: string };

/** One field of the inspector's form; `N` is the attribute it edits (an entity's own key). */
export type FieldSpec<N extends string = string> =
  | { name: N; label: string; type: 'text' }
  | { name: N; label: string; type: 'number'; step?: string; nullable?: boolean; scale?: number; hint?: string }
  | { name: N; label: string; type: 'select'; options: Option[]; nullable?: string }
  | { name: N; label: string; type: 'checkbox' }
  | { name: N; label: string; type: 'multi'; options: Option[] };

/** What the form holds while it is edited: text for inputs and selects, booleans, lists. */
export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

/** A vocabulary (value → label) as select options. */
export const optionsOf = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

type FieldProps<S extends FieldSpec, V extends FormValue> = {
  spec: S;
  value: V;
  errors?: string[];
  disabled: boolean;
  onChange: (v: V) => void;
};

const inputId = (spec: FieldSpec) => `inspector-${spec.name}`;
const errorIdOf = (spec: FieldSpec) => `${inputId(spec)}-error`;

export function FormField({ spec, value, ...rest }: FieldProps<FieldSpec, FormValue>) {
  if (spec.type === 'checkbox') return <CheckboxField {...rest} spec={spec} value={value as boolean} />;
  if (spec.type === 'multi') return <MultiField {...rest} spec={spec} value={value as string[]} />;
  return <InputField {...rest} spec={spec} value={value as string} />;
}

function CheckboxField({ spec, value, errors, disabled, onChange }: FieldProps<Extract<FieldSpec, { type: 'checkbox' }>, boolean>) {
  return (
    <div className="mb-2">
      <label className="inline-flex items-center gap-2 text-sm">
        <input id={inputId(spec)} type="checkbox" checked={value} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        {spec.label}
      </label>
      <FieldErrors id={errorIdOf(spec)} errors={errors} />
    </div>
  );
}

/** Checkboxes for a set of options; the value keeps the options' order. */
function MultiField({ spec, value, errors, disabled, onChange }: FieldProps<Extract<FieldSpec, { type: 'multi' }>, string[]>) {
  const chosen = new Set(value);
  const toggle = (option: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(option);
    else next.delete(option);
    onChange(spec.options.map((x) => x.value).filter((x) => next.has(x)));
  };
  return (
    <fieldset className="mb-2">
      <legend className="mb-0.5 text-xs font-medium text-slate-700">{spec.label}</legend>
      {spec.options.map((o) => (
        <label key={o.value} className="mr-3 inline-flex items-center gap-1 text-sm">
          <input type="checkbox" disabled={disabled} checked={chosen.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          {o.label}
        </label>
      ))}
      <FieldErrors id={errorIdOf(spec)} errors={errors} />
    </fieldset>
  );
}

/** Text, number (typed as text, so a half-typed value is kept and reported) or select. */
function InputField({ spec, value, errors, disabled, onChange }: FieldProps<Extract<FieldSpec, { type: 'text' | 'number' | 'select' }>, string>) {
  const id = inputId(spec);
  const errorId = errorIdOf(spec);
  const invalid = errors?.length ? true : undefined;
  const common = {
    id,
    className: `w-full rounded-md border px-2 py-1 text-sm ${errors?.length ? 'border-red-500' : 'border-slate-300'}`,
    value,
    disabled,
    'aria-invalid': invalid,
    'aria-describedby': invalid && errorId,
  };
  return (
    <div className="mb-2">
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700">
        {spec.label}
      </label>
      {spec.type === 'select' ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {spec.nullable && <option value="">{spec.nullable}</option>}
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} name={spec.name} type="text" inputMode={spec.type === 'number' ? 'decimal' : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
