import { formatPercent } from '@/lib/format/format-units';
import type { PolicyType } from '@/lib/vocabulary/kinds-and-labels';

const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** One plain-language line per policy, as an operator would say it. */
export function describePolicy(policy: { type: PolicyType; services: string[]; edgeServers: string[]; fraction: number | null }): string {
  const who = list(policy.services);
  const where = list(policy.edgeServers);
  switch (policy.type) {
    case 'affinity':
      return `all replicas of ${who} run on the same edge server`;
    case 'anti-affinity':
      return `replicas of ${who} run on different edge servers`;
    case 'spread':
      return `replicas of ${who} run at different sites`;
    case 'pin':
      return `${who} may only run on ${where}`;
    case 'max-utilisation':
      return `CPU, memory and bandwidth stay at or below ${formatPercent(policy.fraction ?? 1, 0)} on ${policy.edgeServers.length ? where : 'every edge server'}`;
  }
}
