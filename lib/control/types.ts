// Shapes of the control engine's output (ControlPlan v1). The input is ControlInput, defined by
// its zod schema in control-input-schema.ts. Every node, link, service and VNF is named as in
// the input; replicas are named `<service>-<index>` (0-based), as in routes.json.

export const CONTROL_PLAN_FORMAT = 'edgestack.control-plan';

/** `<service>-<replica index>`, e.g. `cart-0`. */
type ReplicaName = string;

export type RoutingMode = 'greedy' | 'optimal';

/** One replica-to-replica flow derived from a service dependency. */
export type Demand = {
  /** `<from>-><to>`, unique in a plan (a dependency is unique per service pair). */
  id: string;
  from: ReplicaName;
  to: ReplicaName;
  fromService: string;
  toService: string;
  fromReplica: number;
  toReplica: number;
  /** edge servers the two replicas run on */
  fromEdgeServer: string;
  toEdgeServer: string;
  /** Mbit/s */
  mbps: number;
  /** VNF names the traffic traverses, in order (empty: direct) */
  chain: string[];
  /** the callee's TCP port (TCP_DST of the flow rules) */
  port: number;
  srcAddress: string;
  dstAddress: string;
};

export type RoutedDemand = Demand & {
  /**
   * Node names from the caller's edge server to the callee's; a chain's path passes through the
   * VNF hosts and may visit a node more than once. One node when both replicas share an edge server.
   */
  path: string[];
  /** link names in path order (path.length - 1 of them) */
  links: string[];
  /** sum of the links' latencies, ms */
  latencyMs: number;
  /** for a chain: the index in `path` of each VNF host, in chain order */
  waypoints: number[];
};

export type UnroutableReason = 'no-path' | 'insufficient-bandwidth';

export type UnroutableDemand = Demand & {
  reason: UnroutableReason;
  /** a sentence for people: which leg failed and why */
  detail: string;
};

export type LinkLoadStatus = 'ok' | 'warning' | 'error';

export type LinkLoad = {
  link: string;
  /** names of the two ends, as in the input (a, then b) */
  from: string;
  to: string;
  capacityMbps: number;
  /** routed Mbit/s, both directions together (a link's capacity is shared by its two directions) */
  loadMbps: number;
  /** loadMbps / capacityMbps × 100 */
  utilisationPct: number;
  /** ids of the routed demands crossing the link (a chain crossing it twice is listed once) */
  demands: string[];
  /** warning at ≥ 80 %, error above 100 % */
  status: LinkLoadStatus;
};

// ---- ONOS REST flow rules (FlowRuleCodec / CriterionCodec / DecodeInstructionCodecHelper)

export type OnosCriterion =
  | { type: 'IN_PORT'; port: number }
  | { type: 'ETH_TYPE'; ethType: string }
  | { type: 'IPV4_SRC'; ip: string }
  | { type: 'IPV4_DST'; ip: string }
  | { type: 'IP_PROTO'; protocol: number }
  | { type: 'TCP_DST'; tcpPort: number };

type OnosInstruction = { type: 'OUTPUT'; port: string };

export type OnosFlowRule = {
  priority: number;
  isPermanent: true;
  /** `of:` + 16 lowercase hex digits, stable per node name */
  deviceId: string;
  tableId: 0;
  appId: string;
  selector: { criteria: OnosCriterion[] };
  treatment: { instructions: OnosInstruction[] };
};

/** A rule in the engine's own terms, from which both the ONOS JSON and the ovs-ofctl line come. */
export type SwitchRule = {
  node: string;
  priority: number;
  /** set only where a switch must tell two visits of one chain apart */
  inPort: number | null;
  srcAddress: string;
  dstAddress: string;
  tcpDst: number;
  outPort: number;
  /** the link the packet leaves by */
  outLink: string;
  /** demand ids this rule serves */
  demands: string[];
};

export type SwitchFlows = {
  node: string;
  deviceId: string;
  /** the SDN controllers that manage this switch */
  controllers: string[];
  rules: SwitchRule[];
  /** ONOS batch body: POST /onos/v1/flows */
  onos: { flows: OnosFlowRule[] };
  /** `ovs-ofctl add-flows` lines, one rule each */
  ofctl: string[];
};

// ---- Istio (networking.istio.io/v1)

export type IstioObject = {
  apiVersion: 'networking.istio.io/v1';
  kind: 'DestinationRule' | 'VirtualService';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
};

export type MeshConfig = {
  /** the mesh controllers and the services each configures */
  controllers: { name: string; services: string[] }[];
  objects: IstioObject[];
};

// ---- diagnostics

type ControlWarningCode = 'link-near-capacity' | 'dependency-unplaced' | 'replica-unplaced' | 'sdn-switch-unmanaged' | 'chain-revisits-port' | 'optimal-fallback';

export type ControlWarning = {
  code: ControlWarningCode;
  message: string;
  link?: string;
  utilisationPct?: number;
};

export type ControlError = {
  code: 'link-over-capacity';
  message: string;
  link: string;
  utilisationPct: number;
};

type ControlSummary = {
  demands: number;
  routed: number;
  unroutable: number;
  linksOverCapacity: number;
  linksNearCapacity: number;
  /** the highest link utilisation, % (0 when nothing is routed) */
  maxUtilisationPct: number;
  /** Σ mbps × latency over routed demands / Σ mbps: the traffic-weighted mean latency, ms */
  meanLatencyMs: number;
  switches: number;
  flowRules: number;
  meshObjects: number;
};

type OptimalStatus = 'optimal' | 'time-limit' | 'cancelled' | 'error' | 'not-needed';

export type OptimalReport = {
  status: OptimalStatus;
  /** candidate paths per demand that were offered to the LP */
  k: number;
  /** the LP's max utilisation, % (a lower bound for any single-path routing over those candidates) */
  lpMaxUtilisationPct: number | null;
  /** the greedy router's max utilisation on the same demands, % */
  greedyMaxUtilisationPct: number;
  elapsedMs: number;
  message?: string;
};

export type ControlPlan = {
  format: typeof CONTROL_PLAN_FORMAT;
  version: 1;
  source: { scenario: string | null; placementRunId: string | null };
  mode: RoutingMode;
  demands: RoutedDemand[];
  unroutable: UnroutableDemand[];
  links: LinkLoad[];
  /** node name → link name → port number of that link's end on the node */
  ports: Record<string, Record<string, number>>;
  addresses: { replicas: Record<ReplicaName, string>; ports: Record<string, number> };
  /** node name → flows, for every sdnManaged node an SDN controller manages */
  flows: Record<string, SwitchFlows>;
  mesh: MeshConfig;
  warnings: ControlWarning[];
  errors: ControlError[];
  summary: ControlSummary;
  /** present in optimal mode */
  optimal?: OptimalReport;
  elapsedMs: number;
};

export type ControlOptions = {
  /** route with the path LP on HiGHS instead of the greedy router */
  optimal?: boolean;
  /** candidate paths per demand for the LP (default 4) */
  k?: number;
  /** wall-clock budget for the LP, seconds (default 60); on expiry the greedy routes stand */
  timeLimitSec?: number;
  signal?: AbortSignal;
  /** utilisation at or above which a link is warned about, % (default 80) */
  warnAtPct?: number;
  /** Istio VirtualService timeout and retries (defaults 10s, 3 attempts of 3s) */
  mesh?: { timeout?: string; retries?: { attempts?: number; perTryTimeout?: string } };
};

/** A file of the compiled bundle, path relative to the output directory (`flows/s1.json`). */
export type ControlBundleFile = { path: string; content: string };

export type ControlBundle = {
  files: ControlBundleFile[];
  /** `N demands routed, U unroutable, O links over capacity` (no newline) */
  summaryLine: string;
};
