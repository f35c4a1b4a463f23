import type { ControlInput } from './control-input-schema';
import { assignLinkPorts, assignReplicaAddresses, collectServicePorts } from './assign-addresses';
import { buildNetworkGraph, type NetworkGraph } from './build-network-graph';
import { deriveDemands } from './derive-demands';
import { createLatencyOracle, type LatencyOracle } from './measure-latency';
import type { ControlWarning, Demand } from './types';

/** What both routers start from: the graph, the numbering and the demands. */
export type PreparedControl = {
  input: ControlInput;
  network: NetworkGraph;
  latency: LatencyOracle;
  addresses: Record<string, string>;
  servicePorts: Record<string, number>;
  ports: Record<string, Record<string, number>>;
  vnfHost: Map<string, string>;
  demands: Demand[];
  warnings: ControlWarning[];
};

export function prepareControl(input: ControlInput): PreparedControl {
  const network = buildNetworkGraph(input);
  const latency = createLatencyOracle(network);
  const addresses = assignReplicaAddresses(input);
  const { demands, warnings } = deriveDemands(input, addresses, latency);
  return {
    input,
    network,
    latency,
    addresses,
    servicePorts: collectServicePorts(input),
    ports: assignLinkPorts(input),
    vnfHost: new Map(input.vnfs.map((v) => [v.name, v.host])),
    demands,
    warnings,
  };
}
