import type { InputHTMLAttributes } from 'react';

export function Field({ label, name, errors, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className={`w-full rounded-md border px-2.5 py-1.5 text-sm ${errors?.length ? 'border-red-500' : 'border-slate-300'}`}
        {...input}
      />
      {hint && !errors?.length && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldErrors id={errorId} errors={errors} />
    </div>
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
