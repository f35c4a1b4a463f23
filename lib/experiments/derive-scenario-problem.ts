import type { PlacementProblem } from '@/lib/placement/types';

/**
 * Instances drawn from a scenario for the figures: `containers` replicas taken round-robin over
 * the scenario's containers (copies beyond the scenario's own count get new ids), on its edge
 * servers with every capacity multiplied by `capacityScale`. Only utilisation caps survive:
 * the other policies name the scenario's own replicas.
 */
export function deriveScenarioProblem(base: PlacementProblem, point: { containers: number; capacityScale: number }): PlacementProblem {
  const containers = Array.from({ length: point.containers }, (_, i) => {
    const source = base.containers[i % base.containers.length];
    const copy = Math.floor(i / base.containers.length);
    return { ...source, id: copy === 0 ? source.id : `${source.id}~${copy}` };
  });
  const scale = (value: number) => value * point.capacityScale;
  return {
    ...base,
    containers,
    servers: base.servers.map((s) => ({ ...s, cpu: scale(s.cpu), memory: scale(s.memory), bandwidth: scale(s.bandwidth), storage: Math.round(scale(s.storage)) })),
    policies: base.policies.filter((p) => p.type === 'max-utilisation'),
  };
}
