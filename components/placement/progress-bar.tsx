/** A determinate bar (elapsed over the time limit); accessible as a progressbar. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={Math.round(max)} aria-valuenow={Math.round(value)} className="h-2 w-full rounded bg-slate-200">
      <div className="h-2 rounded bg-blue-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
    </div>
  );
}
