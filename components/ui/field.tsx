import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

type FieldProps = { label: string; name: string; errors?: string[]; hint?: string };

/** A labelled control with its hint, or its errors once it has some; the control is given the ids. */
function FieldShell({
  label,
  name,
  errors,
  hint,
  control,
}: FieldProps & { control: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode }) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({
        id,
        'aria-invalid': errors?.length ? true : undefined,
        'aria-describedby': errors?.length ? errorId : undefined,
        className: `w-full rounded-md border px-2.5 py-1.5 text-sm ${errors?.length ? 'border-red-500' : 'border-slate-300'}`,
      })}
      {hint && !errors?.length && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export function Field({ label, name, errors, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return <FieldShell label={label} name={name} errors={errors} hint={hint} control={(a11y) => <input {...a11y} name={name} {...input} />} />;
}

/** A labelled select; `onValue` receives the chosen option's value. */
export function SelectField({
  label,
  name,
  errors,
  hint,
  onValue,
  children,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & FieldProps & { onValue: (value: string) => void; children: ReactNode }) {
  return (
    <FieldShell
      label={label}
      name={name}
      errors={errors}
      hint={hint}
      control={(a11y) => (
        <select {...a11y} name={name} onChange={(e) => onValue(e.target.value)} {...select}>
          {children}
        </select>
      )}
    />
  );
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="mt-1 text-sm whitespace-pre-line text-red-700">
      {errors.join('\n')}
    </div>
  );
}
