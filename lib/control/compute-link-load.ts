import type { ControlInput } from './control-input-schema';
import type { ControlError, ControlWarning, LinkLoad, RoutedDemand } from './types';

const DEFAULT_WARN_AT_PCT = 80;

export type LinkLoadReport = { links: LinkLoad[]; warnings: ControlWarning[]; errors: ControlError[] };

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Load per link from the routed demands (a chain crossing a link twice loads it twice), in the
 * input's link order. At or above `warnAtPct` a link is warned about; above 100 % it is an error.
 */
export function computeLinkLoad(input: ControlInput, routed: RoutedDemand[], warnAtPct = DEFAULT_WARN_AT_PCT): LinkLoadReport {
  const load = new Map<string, number>();
  const crossing = new Map<string, Set<string>>();
  for (const d of routed) {
    for (const link of d.links) {
      load.set(link, (load.get(link) ?? 0) + d.mbps);
      const set = crossing.get(link) ?? new Set<string>();
      set.add(d.id);
      crossing.set(link, set);
    }
  }
  const links: LinkLoad[] = [];
  const warnings: ControlWarning[] = [];
  const errors: ControlError[] = [];
  for (const link of input.links) {
    const loadMbps = load.get(link.name) ?? 0;
    const utilisationPct = (loadMbps / link.bandwidthMbps) * 100;
    // Compared before rounding, so 100.0004 % is an error even though it prints as 100 %.
    const status = utilisationPct > 100 + 1e-9 ? 'error' : utilisationPct >= warnAtPct - 1e-9 && loadMbps > 0 ? 'warning' : 'ok';
    links.push({
      link: link.name,
      from: link.a.name,
      to: link.b.name,
      capacityMbps: link.bandwidthMbps,
      loadMbps: round(loadMbps),
      utilisationPct: round(utilisationPct, 2),
      demands: [...(crossing.get(link.name) ?? [])].sort(),
      status,
    });
    const pct = round(utilisationPct, 1);
    if (status === 'error')
      errors.push({
        code: 'link-over-capacity',
        link: link.name,
        utilisationPct: pct,
        message: `link "${link.name}" carries ${round(loadMbps, 1)} of ${link.bandwidthMbps} Mbit/s (${pct} %), over its capacity`,
      });
    else if (status === 'warning')
      warnings.push({
        code: 'link-near-capacity',
        link: link.name,
        utilisationPct: pct,
        message: `link "${link.name}" carries ${round(loadMbps, 1)} of ${link.bandwidthMbps} Mbit/s (${pct} %)`,
      });
  }
  return { links, warnings, errors };
}
