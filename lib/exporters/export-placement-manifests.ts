import { createHash } from 'node:crypto';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { stringify } from 'yaml';
import { DomainError } from '@/lib/errors';
import type { PlacementRunWithAssignments } from './find-placement-run';

// A placement as Kubernetes manifests: one Deployment per service and placement group (the
// replicas a run put on one edge server), pinned there with required node affinity on
// kubernetes.io/hostname. There is no API server here, so every object is validated against
// the Kubernetes OpenAPI schemas (kubernetes-models) and DNS-1123 names are checked too.

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A DNS-1123 label (≤ 63 chars) from any name; a short hash keeps truncated names distinct. */
export function dnsLabel(raw: string, max = 63): string {
  let s = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!s) s = 'x';
  if (s.length > max || s !== raw) {
    const hash = createHash('sha256').update(raw).digest('hex').slice(0, 6);
    if (s.length > max - 7 || s !== raw.toLowerCase()) s = `${s.slice(0, max - 7).replace(/-+$/, '')}-${hash}`;
  }
  return s;
}

/** A label value (≤ 63 chars of [A-Za-z0-9-_.]) from a node name; node names usually already are. */
function hostnameLabel(raw: string): string {
  if (raw.length <= 63 && LABEL_VALUE.test(raw)) return raw;
  return dnsLabel(raw);
}

const cpuQuantity = (cores: number) => `${Math.max(0, Math.round(cores * 1000))}m`;
const memoryQuantity = (mib: number) => `${Math.max(0, Math.round(mib))}Mi`;

type ManifestGroup = { service: string; edgeServer: string; hostname: string; replicas: number; deployment: string };

function buildPlacementDeployments(run: PlacementRunWithAssignments): { objects: Deployment[]; groups: ManifestGroup[] } {
  const groups = new Map<string, { assignments: PlacementRunWithAssignments['assignments'] }>();
  for (const a of run.assignments) {
    const key = `${a.serviceId}\u0000${a.edgeServerId}`;
    (groups.get(key) ?? groups.set(key, { assignments: [] }).get(key)!).assignments.push(a);
  }
  const objects: Deployment[] = [];
  const summary: ManifestGroup[] = [];
  const usedNames = new Set<string>();
  const ordered = [...groups.values()].sort((x, y) => {
    const a = x.assignments[0];
    const b = y.assignments[0];
    return a.service.name.localeCompare(b.service.name) || a.edgeServer.name.localeCompare(b.edgeServer.name);
  });
  for (const { assignments } of ordered) {
    const { service, edgeServer } = assignments[0];
    let name = dnsLabel(`${service.name}-${edgeServer.name}`);
    for (let n = 2; usedNames.has(name); n++) name = dnsLabel(`${service.name}-${edgeServer.name}-${n}`);
    usedNames.add(name);
    const hostname = hostnameLabel(edgeServer.name);
    const app = dnsLabel(service.name);
    const labels = { 'app.kubernetes.io/name': app, 'app.kubernetes.io/managed-by': 'edgestack', 'edgestack.io/placement-group': name };
    const resources: { requests: Record<string, string>; limits?: Record<string, string | number> } = {
      requests: { cpu: cpuQuantity(service.cpuCores), memory: memoryQuantity(service.memoryMiB) },
    };
    if (service.accelerator === 'gpu') resources.limits = { 'nvidia.com/gpu': 1 };
    const matchExpressions: { key: string; operator: 'In'; values: string[] }[] = [{ key: 'kubernetes.io/hostname', operator: 'In', values: [hostname] }];
    if (service.arch) matchExpressions.push({ key: 'kubernetes.io/arch', operator: 'In', values: [service.arch] });
    const deployment = new Deployment({
      metadata: {
        name,
        labels,
        annotations: {
          'edgestack.io/service': service.name,
          'edgestack.io/edge-server': edgeServer.name,
          'edgestack.io/placement-run': run.id,
          'edgestack.io/replicas': assignments
            .map((a) => a.replica)
            .sort((p, q) => p - q)
            .join(','),
        },
      },
      spec: {
        replicas: assignments.length,
        selector: { matchLabels: { 'app.kubernetes.io/name': app, 'edgestack.io/placement-group': name } },
        template: {
          metadata: { labels },
          spec: {
            affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } } },
            containers: [{ name: app, image: service.imageRef, resources }],
          },
        },
      },
    });
    validateDeployment(deployment);
    objects.push(deployment);
    summary.push({ service: service.name, edgeServer: edgeServer.name, hostname, replicas: assignments.length, deployment: name });
  }
  return { objects, groups: summary };
}

function validateDeployment(deployment: Deployment): void {
  try {
    deployment.validate();
  } catch (error) {
    throw new DomainError('INVALID_INPUT', `Deployment ${deployment.metadata?.name}: ${(error as Error).message}`);
  }
  const name = deployment.metadata?.name ?? '';
  if (name.length > 63 || !DNS_1123_LABEL.test(name)) throw new DomainError('INVALID_INPUT', `Deployment name "${name}" is not a DNS-1123 label`);
  for (const [k, v] of Object.entries(deployment.metadata?.labels ?? {})) {
    if (!LABEL_VALUE.test(v) || v.length > 63) throw new DomainError('INVALID_INPUT', `label ${k}="${v}" is not a valid label value`);
  }
}

/** Multi-document YAML, one Deployment per document. */
export function exportPlacementManifests(run: PlacementRunWithAssignments): string {
  const { objects } = buildPlacementDeployments(run);
  const header = `# edgestack placement run ${run.id} (${run.algorithm}, ${run.status}): ${objects.length} Deployments, ${run.assignments.length} replicas\n`;
  return header + objects.map((d) => `---\n${stringify(d.toJSON(), { lineWidth: 0 })}`).join('');
}
