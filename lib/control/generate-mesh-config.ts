import type { ControlInput } from './control-input-schema';
import type { LatencyOracle } from './measure-latency';
import type { IstioObject, MeshConfig } from './types';

const DEFAULT_MESH_TIMEOUT = '10s';
const DEFAULT_RETRY_ATTEMPTS = 3;
const DEFAULT_PER_TRY_TIMEOUT = '3s';

export type MeshSettings = { timeout?: string; retries?: { attempts?: number; perTryTimeout?: string } };

const DURATION = /^(\d+(\.\d+)?(h|ms|m|s))+$/;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds of a Go/protobuf duration such as `1m30s` or `250ms`; null when malformed. */
function parseDurationMs(text: string): number | null {
  if (!DURATION.test(text)) return null;
  let total = 0;
  for (const [, value, , unit] of text.matchAll(/(\d+(\.\d+)?)(h|ms|m|s)/g)) total += Number(value) * UNIT_MS[unit];
  return total;
}

/** Istio's CRDs refuse durations under 1 ms (a CEL rule the JSON-schema validator cannot run). */
function checkDuration(label: string, text: string): string | null {
  const ms = parseDurationMs(text);
  if (ms === null) return `${label} "${text}" is not a duration (e.g. 10s, 250ms, 1m30s)`;
  if (ms < 1) return `${label} "${text}" is under 1ms`;
  return null;
}

/** A DNS-1123 label from a service name (`Cart Service` → `cart-service`). */
export function kubernetesName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return cleaned === '' ? 'service' : cleaned;
}

/**
 * For the services the mesh controllers manage: a DestinationRule with locality-aware load
 * balancing (failover from each region holding replicas to the nearest other such region by
 * path latency, plus the outlier detection failover needs to notice unhealthy endpoints) and a
 * VirtualService routing to the service's port with a timeout and retries.
 */
export function generateMeshConfig(input: ControlInput, latency: LatencyOracle, settings: MeshSettings = {}): MeshConfig {
  const timeout = settings.timeout ?? DEFAULT_MESH_TIMEOUT;
  const attempts = settings.retries?.attempts ?? DEFAULT_RETRY_ATTEMPTS;
  const perTryTimeout = settings.retries?.perTryTimeout ?? DEFAULT_PER_TRY_TIMEOUT;
  for (const [label, value] of [
    ['timeout', timeout],
    ['perTryTimeout', perTryTimeout],
  ] as const) {
    const problem = checkDuration(label, value);
    if (problem) throw new Error(problem);
  }

  const controllers: MeshConfig['controllers'] = [];
  const managed = new Set<string>();
  for (const c of input.controllers) {
    if (c.kind !== 'mesh') continue;
    const services = [...new Set(c.manages.services)].sort();
    controllers.push({ name: c.name, services });
    services.forEach((s) => managed.add(s));
  }

  const siteRegion = new Map(input.sites.map((s) => [s.name, s.region]));
  const serverRegion = new Map(input.edgeServers.map((e) => [e.name, e.site === null ? '' : (siteRegion.get(e.site) ?? '')]));
  const namespace = input.mesh.namespace;
  const used = new Map<string, number>();
  const objects: IstioObject[] = [];

  for (const service of input.services.filter((s) => managed.has(s.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    let name = kubernetesName(service.name);
    const count = (used.get(name) ?? 0) + 1;
    used.set(name, count);
    if (count > 1) name = `${name.slice(0, 60)}-${count}`;
    const host = `${name}.${namespace}.svc.cluster.local`;
    const metadata = { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'edgestack' } };

    const byRegion = new Map<string, string[]>();
    for (const p of input.placements) {
      if (p.service !== service.name) continue;
      const region = serverRegion.get(p.edgeServer) ?? '';
      if (region === '') continue;
      byRegion.set(region, [...(byRegion.get(region) ?? []), p.edgeServer]);
    }
    const regions = [...byRegion.keys()].sort();
    const failover: { from: string; to: string }[] = [];
    for (const from of regions) {
      let best: string | null = null;
      let bestLatency = Infinity;
      for (const to of regions) {
        if (to === from) continue;
        let l = Infinity;
        for (const a of byRegion.get(from)!) for (const b of byRegion.get(to)!) l = Math.min(l, latency(a, b));
        if (best === null || l < bestLatency) {
          best = to;
          bestLatency = l;
        }
      }
      if (best !== null) failover.push({ from, to: best });
    }

    objects.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata,
      spec: {
        host,
        trafficPolicy: {
          loadBalancer: {
            simple: 'LEAST_REQUEST',
            localityLbSetting: failover.length > 0 ? { enabled: true, failover } : { enabled: true },
          },
          outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 100 },
        },
      },
    });
    objects.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { ...metadata, labels: { ...metadata.labels } },
      spec: {
        hosts: [host],
        http: [
          {
            route: [{ destination: { host, port: { number: service.port } } }],
            timeout,
            retries: { attempts, perTryTimeout, retryOn: 'connect-failure,refused-stream,unavailable,cancelled,5xx' },
          },
        ],
      },
    });
  }
  return { controllers, objects };
}
