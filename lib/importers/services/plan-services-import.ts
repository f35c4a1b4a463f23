import { z } from 'zod';
import { MAX_REPLICAS } from '@/lib/limits/size-limits';
import { emptyPlan, type ImportPlan, type PlannedService } from '../import-plan';
import { importError, uniqueNamer } from '../import-input';
import { flag } from '../option-schemas';
import { parseComposeBytes, parseCpuCores, parseMemoryMiB } from '../quantities';
import { archOfPlatform, parseImageReference } from '../images/image-reference';
import { scalarText } from '../scalar-text';

// Kubernetes workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Job, CronJob,
// also inside a `kind: List`) and docker-compose files, as services of the catalog. One service
// per container: a single-container workload keeps the workload's name, a multi-container one
// gets `<workload>-<container>`. Compose `depends_on` becomes a dependency. A service's TCP port
// is its container's first TCP containerPort, else the target port of the Kubernetes Service
// named like the workload; in compose, the container side of its first `ports` entry, else its
// first `expose`.

export const serviceOptionsSchema = z.object({
  /** Used when a container states no request (nor limit). */
  defaultCpuCores: z.coerce.number().nonnegative().max(10_000).default(0.1),
  defaultMemoryMiB: z.coerce.number().int().nonnegative().default(128),
  /** Take limits when requests are missing. */
  limitsAsRequests: flag(true),
  /** Include init containers as services of their own. */
  initContainers: flag(false),
  namePrefix: z.string().max(40).default(''),
});
type ServiceOptions = z.output<typeof serviceOptionsSchema>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod', 'Job', 'CronJob']);
const ACCELERATOR_RESOURCES: [RegExp, string][] = [
  [/^(nvidia\.com|amd\.com|gpu\.intel\.com)\/gpu/, 'gpu'],
  [/fpga/, 'fpga'],
  [/^(habana\.ai|aws\.amazon\.com)\/(gaudi|neuron)/, 'npu'],
  [/tpu/, 'tpu'],
];

export type ServiceFileKind = 'kubernetes' | 'compose';

export function detectServiceFile(docs: unknown[]): ServiceFileKind {
  if (docs.length === 0) throw importError(null, 'the file holds no documents');
  if (docs.length === 1 && isObject(docs[0]) && isObject(docs[0].services) && !('kind' in docs[0])) return 'compose';
  if (docs.some((d) => isObject(d) && typeof d.kind === 'string')) return 'kubernetes';
  throw importError(null, 'neither Kubernetes manifests (documents with apiVersion and kind) nor a docker-compose file (a top-level "services" map)');
}

export function planServicesImport(docs: unknown[], input: Partial<z.input<typeof serviceOptionsSchema>> = {}): ImportPlan {
  const o = serviceOptionsSchema.parse(input);
  return detectServiceFile(docs) === 'compose' ? planCompose(docs[0] as Json, o) : planKubernetes(docs, o);
}

function checkImage(raw: unknown, path: string): string {
  if (typeof raw !== 'string' || !raw.trim()) throw importError(path, 'every container needs an image');
  if (!parseImageReference(raw)) throw importError(path, `"${raw}" is not an image reference`);
  return raw.trim();
}

function planKubernetes(docs: unknown[], o: ServiceOptions): ImportPlan {
  const plan = emptyPlan();
  const name = uniqueNamer(120);
  const counts: Record<string, number> = {};
  const ignored: Record<string, number> = {};
  const servicePorts = new Map<string, number>();
  const workloadOf = new Map<PlannedService, string>();
  const visit = (doc: unknown, path: string) => {
    if (!isObject(doc)) throw importError(path, 'must be a Kubernetes object');
    const kind = doc.kind;
    if (kind === 'List' || (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(doc.items))) {
      (doc.items as unknown[]).forEach((item, i) => visit(item, `${path}.items[${i}]`));
      return;
    }
    if (typeof kind !== 'string') throw importError(`${path}.kind`, 'missing');
    if (kind === 'Service') {
      const port = kubernetesServicePort(doc);
      const svcName = isObject(doc.metadata) ? doc.metadata.name : undefined;
      if (port !== null && typeof svcName === 'string') servicePorts.set(svcName, port);
    }
    if (!WORKLOADS.has(kind)) {
      ignored[kind] = (ignored[kind] ?? 0) + 1;
      return;
    }
    counts[kind] = (counts[kind] ?? 0) + 1;
    const meta = isObject(doc.metadata) ? doc.metadata : {};
    if (typeof meta.name !== 'string' || !meta.name) throw importError(`${path}.metadata.name`, 'missing');
    const spec = isObject(doc.spec) ? doc.spec : {};
    let podSpecPath: string;
    let podSpec: unknown;
    let replicas = 1;
    if (kind === 'Pod') {
      podSpec = doc.spec;
      podSpecPath = `${path}.spec`;
    } else if (kind === 'CronJob') {
      const jobSpec = isObject(spec.jobTemplate) && isObject(spec.jobTemplate.spec) ? spec.jobTemplate.spec : {};
      podSpec = isObject(jobSpec.template) ? jobSpec.template.spec : undefined;
      podSpecPath = `${path}.spec.jobTemplate.spec.template.spec`;
    } else {
      podSpec = isObject(spec.template) ? spec.template.spec : undefined;
      podSpecPath = `${path}.spec.template.spec`;
      if (kind === 'Job') replicas = numberOr(spec.parallelism, 1, `${path}.spec.parallelism`);
      else if (kind !== 'DaemonSet') replicas = numberOr(spec.replicas, 1, `${path}.spec.replicas`);
    }
    if (!isObject(podSpec)) throw importError(podSpecPath, 'missing: a workload needs a pod template');
    if (kind === 'DaemonSet') plan.notes.push(`DaemonSet ${meta.name}: one replica per node in Kubernetes; imported with 1 replica`);
    const nodeSelector = isObject(podSpec.nodeSelector) ? podSpec.nodeSelector : {};
    const archLabel = nodeSelector['kubernetes.io/arch'] ?? nodeSelector['beta.kubernetes.io/arch'];
    const arch = typeof archLabel === 'string' ? archOfPlatform(`linux/${archLabel}`).arch : null;
    const groups: [string, unknown][] = [['containers', podSpec.containers]];
    if (o.initContainers) groups.push(['initContainers', podSpec.initContainers]);
    const containers: { c: Json; path: string }[] = [];
    for (const [field, list] of groups) {
      if (list === undefined && field === 'initContainers') continue;
      if (!Array.isArray(list) || (field === 'containers' && list.length === 0)) throw importError(`${podSpecPath}.${field}`, 'must be a non-empty list of containers');
      list.forEach((c, i) => {
        if (!isObject(c)) throw importError(`${podSpecPath}.${field}[${i}]`, 'must be a container');
        containers.push({ c, path: `${podSpecPath}.${field}[${i}]` });
      });
    }
    for (const { c, path: cPath } of containers) {
      const resources = isObject(c.resources) ? c.resources : {};
      const requests = isObject(resources.requests) ? resources.requests : {};
      const limits = isObject(resources.limits) ? resources.limits : {};
      const pick = (key: string, parse: (v: unknown) => number | null, fallback: number) => {
        for (const [source, where] of [
          [requests, 'requests'],
          [o.limitsAsRequests ? limits : {}, 'limits'],
        ] as const) {
          if (source[key] === undefined) continue;
          const v = parse(source[key]);
          if (v === null)
            throw importError(
              `${cPath}.resources.${where}.${key}`,
              `"${scalarText(source[key])}" is not a ${key === 'cpu' ? 'CPU' : 'memory'} quantity (e.g. ${key === 'cpu' ? '100m or 0.5' : '64Mi or 1Gi'})`,
            );
          return v;
        }
        return fallback;
      };
      let accelerator: string | null = null;
      for (const key of Object.keys({ ...requests, ...limits })) {
        const match = ACCELERATOR_RESOURCES.find(([re]) => re.test(key));
        if (match) accelerator = match[1];
      }
      const containerName = typeof c.name === 'string' ? c.name : '';
      const serviceName = containers.length === 1 || containerName === meta.name || !containerName ? String(meta.name) : `${meta.name}-${containerName}`;
      const planned: PlannedService = {
        name: name(`${o.namePrefix}${serviceName}`),
        imageRef: checkImage(c.image, `${cPath}.image`),
        replicas,
        cpuCores: pick('cpu', parseCpuCores, o.defaultCpuCores),
        memoryMiB: pick('memory', parseMemoryMiB, o.defaultMemoryMiB),
        arch,
        accelerator,
        port: containerPort(c),
      };
      plan.services.push(planned);
      workloadOf.set(planned, String(meta.name));
    }
  };
  docs.forEach((d, i) => visit(d, docs.length > 1 ? `documents[${i}]` : 'document'));
  // A Service may come before or after its workload in the file.
  for (const service of plan.services) if (service.port === null) service.port = servicePorts.get(workloadOf.get(service)!) ?? null;
  if (plan.services.length === 0) throw importError(null, 'no Deployment, StatefulSet, DaemonSet or Pod found');
  plan.stats = {
    workloads: Object.values(counts).reduce((a, b) => a + b, 0),
    containers: plan.services.length,
    ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [`kind${k}`, v])),
  };
  const ignoredKinds = Object.entries(ignored);
  if (ignoredKinds.length) plan.notes.push(`ignored ${ignoredKinds.map(([k, n]) => `${n} ${k}`).join(', ')} (not workloads)`);
  return plan;
}

const isPort = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;

/** The first TCP port a container declares (protocol defaults to TCP in Kubernetes). */
function containerPort(c: Json): number | null {
  const ports: unknown[] = Array.isArray(c.ports) ? c.ports : [];
  const tcp = ports.find((p) => isObject(p) && isPort(p.containerPort) && (p.protocol === undefined || p.protocol === 'TCP'));
  return tcp ? ((tcp as Json).containerPort as number) : null;
}

/** The port a Kubernetes Service forwards to: its first TCP port's numeric targetPort, else the port. */
function kubernetesServicePort(doc: Json): number | null {
  const spec = isObject(doc.spec) ? doc.spec : {};
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  const first = ports.find((p) => isObject(p) && (p.protocol === undefined || p.protocol === 'TCP')) as Json | undefined;
  if (!first) return null;
  if (isPort(first.targetPort)) return first.targetPort;
  if (typeof first.targetPort === 'string' && /^\d+$/.test(first.targetPort) && isPort(Number(first.targetPort))) return Number(first.targetPort);
  return isPort(first.port) ? first.port : null;
}

/** Compose: the container side of the first `ports` entry ("8080:80", "127.0.0.1:8080:80/tcp", {target: 80}), else the first `expose`. */
function composePort(raw: Json): number | null {
  const ports = Array.isArray(raw.ports) ? raw.ports : [];
  for (const p of ports) {
    if (isObject(p)) {
      if ((p.protocol === undefined || p.protocol === 'tcp') && isPort(Number(p.target))) return Number(p.target);
      continue;
    }
    const text = String(p);
    if (/\/udp$/.test(text)) continue;
    const target = text
      .replace(/\/tcp$/, '')
      .split(':')
      .pop()!;
    // A range ("3000-3005") names its first port.
    const first = Number(target.split('-')[0]);
    if (isPort(first)) return first;
  }
  const expose = Array.isArray(raw.expose) ? raw.expose : [];
  for (const e of expose) {
    const first = Number(
      String(e)
        .replace(/\/tcp$/, '')
        .split('-')[0],
    );
    if (isPort(first)) return first;
  }
  return null;
}

function numberOr(raw: unknown, fallback: number, path: string): number {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > MAX_REPLICAS) throw importError(path, `must be a whole number between 0 and ${MAX_REPLICAS}`);
  return raw;
}

function planCompose(doc: Json, o: ServiceOptions): ImportPlan {
  const plan = emptyPlan();
  const services = doc.services as Json;
  const names = new Map<string, string>();
  const name = uniqueNamer(120);
  for (const key of Object.keys(services)) names.set(key, name(`${o.namePrefix}${key}`));
  for (const [key, raw] of Object.entries(services)) {
    const path = `services.${key}`;
    if (!isObject(raw)) throw importError(path, 'must be a map');
    let imageRef: string;
    if (raw.image !== undefined) imageRef = checkImage(raw.image, `${path}.image`);
    else if (raw.build !== undefined) {
      imageRef = `${key}:latest`;
      plan.notes.push(`${key} is built locally (no image); recorded as image "${imageRef}"`);
    } else throw importError(`${path}.image`, 'a service needs an image or a build');
    const deploy = isObject(raw.deploy) ? raw.deploy : {};
    const resources = isObject(deploy.resources) ? deploy.resources : {};
    const reservations = isObject(resources.reservations) ? resources.reservations : {};
    const limits = isObject(resources.limits) ? resources.limits : {};
    const cpuRaw = reservations.cpus ?? (o.limitsAsRequests ? (limits.cpus ?? raw.cpus) : undefined);
    const memRaw = reservations.memory ?? raw.mem_reservation ?? (o.limitsAsRequests ? (limits.memory ?? raw.mem_limit) : undefined);
    let cpuCores = o.defaultCpuCores;
    if (cpuRaw !== undefined) {
      const v = Number(cpuRaw);
      if (!Number.isFinite(v) || v < 0) throw importError(`${path}.deploy.resources.reservations.cpus`, `"${scalarText(cpuRaw)}" is not a number of CPUs`);
      cpuCores = v;
    }
    let memoryMiB = o.defaultMemoryMiB;
    if (memRaw !== undefined) {
      const bytes = parseComposeBytes(memRaw);
      if (bytes === null) throw importError(`${path}.deploy.resources.reservations.memory`, `"${scalarText(memRaw)}" is not a memory size (e.g. 512m, 1g)`);
      memoryMiB = Math.ceil(bytes / 2 ** 20 - 1e-9);
    }
    let replicas = 1;
    if (deploy.replicas !== undefined) replicas = numberOr(deploy.replicas, 1, `${path}.deploy.replicas`);
    else if (raw.scale !== undefined) replicas = numberOr(raw.scale, 1, `${path}.scale`);
    const arch = typeof raw.platform === 'string' ? archOfPlatform(raw.platform).arch : null;
    const devices = isObject(reservations.devices) || Array.isArray(reservations.devices) ? (reservations.devices as unknown[]) : [];
    const wantsGpu = devices.some((d) => isObject(d) && Array.isArray(d.capabilities) && d.capabilities.includes('gpu'));
    const service: PlannedService = { name: names.get(key)!, imageRef, replicas, cpuCores, memoryMiB, arch, accelerator: wantsGpu ? 'gpu' : null, port: composePort(raw) };
    plan.services.push(service);
    const deps = Array.isArray(raw.depends_on) ? raw.depends_on : isObject(raw.depends_on) ? Object.keys(raw.depends_on) : [];
    deps.forEach((d, i) => {
      if (typeof d !== 'string' || !names.has(d)) throw importError(`${path}.depends_on[${i}]`, `unknown service "${String(d)}"`);
      if (d !== key) plan.dependencies.push({ from: service.name, to: names.get(d)! });
    });
  }
  plan.stats = { composeServices: plan.services.length, dependencies: plan.dependencies.length };
  return plan;
}
