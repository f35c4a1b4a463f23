import type { ReactNode } from 'react';

export function PageHeader({ title, layer, children }: { title: string; layer?: string; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        {layer && <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{layer}</p>}
        <h1 className="text-2xl font-semibold">{title}</h1>
      </div>
      {children && <div className="flex gap-2">{children}</div>}
    </div>
  );
}
