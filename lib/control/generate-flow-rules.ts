import type { ControlInput } from './control-input-schema';
import { deviceIdOf } from './assign-addresses';
import type { ControlWarning, OnosCriterion, OnosFlowRule, RoutedDemand, SwitchFlows, SwitchRule } from './types';

/** Above ONOS's reactive forwarding (priority 10) and its default flows, below 65535. */
const ROUTE_PRIORITY = 40000;
/** A rule that also matches the in-port is more specific, so it wins over a plain one. */
const IN_PORT_PRIORITY = ROUTE_PRIORITY + 100;

export type FlowRulesResult = { flows: Record<string, SwitchFlows>; warnings: ControlWarning[] };

/** The switches the engine programs: SDN-managed network nodes that an SDN controller manages. */
function findProgrammableSwitches(input: ControlInput): { switches: Map<string, string[]>; warnings: ControlWarning[] } {
  const managers = new Map<string, string[]>();
  for (const c of input.controllers) {
    if (c.kind !== 'sdn') continue;
    for (const node of c.manages.networkNodes) managers.set(node, [...(managers.get(node) ?? []), c.name]);
  }
  const switches = new Map<string, string[]>();
  const warnings: ControlWarning[] = [];
  for (const n of input.networkNodes) {
    if (!n.sdnManaged) continue;
    const by = managers.get(n.name);
    if (by) switches.set(n.name, by.sort());
    else warnings.push({ code: 'sdn-switch-unmanaged', message: `network node "${n.name}" is SDN-managed but no SDN controller manages it, so it gets no flow rules` });
  }
  return { switches, warnings };
}

/**
 * One rule per (switch, source replica, destination replica, TCP port) on every routed path:
 * match the IPv4/TCP flow, output on the port of the next link. Where a chain passes a switch
 * twice and leaves by different ports, those rules also match the in-port (and outrank the plain
 * ones). If two visits arrive by the same port and must leave by different ones, no stateless rule
 * can tell them apart: the first visit's rule is kept and a warning says so.
 */
export function generateFlowRules(input: ControlInput, routed: RoutedDemand[], ports: Record<string, Record<string, number>>): FlowRulesResult {
  const { switches, warnings } = findProgrammableSwitches(input);
  const rules = new Map<string, Map<string, SwitchRule>>();
  for (const node of switches.keys()) rules.set(node, new Map());

  for (const d of routed) {
    const visits = new Map<string, { inPort: number; outPort: number; outLink: string }[]>();
    for (let i = 1; i + 1 < d.path.length; i++) {
      const node = d.path[i];
      if (!switches.has(node)) continue;
      const list = visits.get(node) ?? [];
      list.push({ inPort: ports[node][d.links[i - 1]], outPort: ports[node][d.links[i]], outLink: d.links[i] });
      visits.set(node, list);
    }
    for (const [node, list] of visits) {
      const table = rules.get(node)!;
      const needsInPort = new Set(list.map((v) => v.outPort)).size > 1;
      const seenIn = new Map<number, number>();
      for (const v of list) {
        if (needsInPort) {
          const earlier = seenIn.get(v.inPort);
          if (earlier !== undefined && earlier !== v.outPort) {
            warnings.push({
              code: 'chain-revisits-port',
              message: `demand ${d.id} enters switch "${node}" twice by port ${v.inPort} and must leave by ports ${earlier} and ${v.outPort}; only the first is programmed`,
            });
            continue;
          }
          seenIn.set(v.inPort, v.outPort);
        }
        const inPort = needsInPort ? v.inPort : null;
        const key = `${inPort ?? ''}|${d.srcAddress}|${d.dstAddress}|${d.port}`;
        const existing = table.get(key);
        if (existing) {
          if (!existing.demands.includes(d.id)) existing.demands.push(d.id);
          continue;
        }
        table.set(key, {
          node,
          priority: inPort === null ? ROUTE_PRIORITY : IN_PORT_PRIORITY,
          inPort,
          srcAddress: d.srcAddress,
          dstAddress: d.dstAddress,
          tcpDst: d.port,
          outPort: v.outPort,
          outLink: v.outLink,
          demands: [d.id],
        });
      }
    }
  }

  const flows: Record<string, SwitchFlows> = {};
  for (const node of [...switches.keys()].sort()) {
    const deviceId = deviceIdOf(node);
    const list = [...rules.get(node)!.values()].sort(compareRules);
    flows[node] = {
      node,
      deviceId,
      controllers: switches.get(node)!,
      rules: list,
      onos: { flows: list.map((r) => toOnosRule(r, deviceId, input.onos.appId)) },
      ofctl: list.map(toOfctlLine),
    };
  }
  return { flows, warnings };
}

const compareAddress = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
};

function compareRules(a: SwitchRule, b: SwitchRule): number {
  return compareAddress(a.dstAddress, b.dstAddress) || compareAddress(a.srcAddress, b.srcAddress) || a.tcpDst - b.tcpDst || (a.inPort ?? 0) - (b.inPort ?? 0);
}

/** The ONOS REST form (FlowRuleCodec; criteria per CriterionCodec; OUTPUT per the instruction codec). */
function toOnosRule(rule: SwitchRule, deviceId: string, appId: string): OnosFlowRule {
  const criteria: OnosCriterion[] = [];
  if (rule.inPort !== null) criteria.push({ type: 'IN_PORT', port: rule.inPort });
  criteria.push(
    { type: 'ETH_TYPE', ethType: '0x0800' },
    { type: 'IPV4_SRC', ip: `${rule.srcAddress}/32` },
    { type: 'IPV4_DST', ip: `${rule.dstAddress}/32` },
    { type: 'IP_PROTO', protocol: 6 },
    { type: 'TCP_DST', tcpPort: rule.tcpDst },
  );
  return {
    priority: rule.priority,
    isPermanent: true,
    deviceId,
    tableId: 0,
    appId,
    selector: { criteria },
    treatment: { instructions: [{ type: 'OUTPUT', port: String(rule.outPort) }] },
  };
}

/** One `ovs-ofctl add-flows` line (`tcp` implies dl_type=0x0800 and nw_proto=6). */
function toOfctlLine(rule: SwitchRule): string {
  const inPort = rule.inPort === null ? '' : `in_port=${rule.inPort},`;
  return `priority=${rule.priority},${inPort}tcp,nw_src=${rule.srcAddress},nw_dst=${rule.dstAddress},tp_dst=${rule.tcpDst},actions=output:${rule.outPort}`;
}
