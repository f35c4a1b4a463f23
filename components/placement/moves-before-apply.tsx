// What a re-plan moves, and what that costs, shown above the rest of its run page so that it is
// read before Apply.

import { formatBytes } from '@/lib/format/format-units';
import type { MovesReport } from '@/lib/placement-runs/describe-moves';

export function MovesBeforeApply({ report, movesWeight, applied }: { report: MovesReport; movesWeight: number; applied: boolean }) {
  const { moves, placedAnew, kept, moveBytes, movePenaltyBytes, term } = report;
  return (
    <section className="mb-8 rounded-lg border border-violet-200 bg-white p-4" aria-labelledby="moves-heading" data-testid="replan-moves">
      <h2 id="moves-heading" className="text-sm font-semibold text-slate-700">
        {applied ? 'What this re-plan moved' : 'What applying this re-plan moves'}
      </h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="moves-summary">
        {moves.length === 0 ? 'No replica moves' : `${moves.length} replica${moves.length === 1 ? '' : 's'} move${moves.length === 1 ? 's' : ''}`}, {kept} stay
        {kept === 1 ? 's' : ''} where {kept === 1 ? 'it is' : 'they are'}
        {placedAnew.length > 0 ? `, ${placedAnew.length} new (${placedAnew.join(', ')}) placed for the first time` : ''}. The moves pull {formatBytes(moveBytes)}; with{' '}
        {formatBytes(movePenaltyBytes)} per move on top, the moves term is {formatBytes(term)}
        {movesWeight !== 1 ? `, weighted ×${movesWeight}: ${formatBytes(term * movesWeight)}` : ''}.
      </p>
      {moves.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
              <tr>
                <th className="px-3 py-2">Replica</th>
                <th className="px-3 py-2">From</th>
                <th className="px-3 py-2">To</th>
                <th className="px-3 py-2 text-right">Bytes pulled</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {moves.map((m) => (
                <tr key={m.container} data-testid="move-row">
                  <td className="px-3 py-2 font-medium">{m.container}</td>
                  <td className="px-3 py-2">
                    {m.from}
                    {m.fromRemoved && <span className="ml-1 text-xs text-amber-800">(removed from the scenario)</span>}
                  </td>
                  <td className="px-3 py-2">{m.to}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatBytes(m.pulledBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
