import type { NetworkGraph } from './build-network-graph';

const EPSILON = 1e-9;

/**
 * The links that still have room for a demand of a given size. Graphology's shortest-path search
 * treats an Infinity weight as a long edge, not a missing one, so links without enough free
 * bandwidth are taken out of a working copy of the graph before each search and put back when
 * a smaller demand may use them again.
 */
export class ResidualNetwork {
  readonly graph: NetworkGraph['graph'];
  private readonly residual = new Map<string, number>();
  private readonly removed = new Set<string>();
  private readonly changed = new Set<string>();
  private threshold = 0;

  constructor(private readonly network: NetworkGraph) {
    this.graph = network.graph.copy();
    for (const [name, link] of network.links) this.residual.set(name, link.bandwidthMbps);
  }

  residualOf(link: string): number {
    return this.residual.get(link)!;
  }

  /** Leaves in `graph` exactly the links with at least `mbps` free. */
  admit(mbps: number): void {
    const candidates = mbps > this.threshold ? [...this.network.links.keys()] : [...this.removed, ...this.changed];
    this.threshold = mbps;
    this.changed.clear();
    for (const link of candidates) {
      const fits = this.residual.get(link)! + EPSILON >= mbps;
      if (fits && this.removed.has(link)) this.restore(link);
      else if (!fits && !this.removed.has(link)) this.remove(link);
    }
  }

  /** Takes `mbps` on each link of the list (a link listed twice is charged twice). */
  reserve(links: string[], mbps: number): void {
    for (const link of links) {
      this.residual.set(link, this.residual.get(link)! - mbps);
      this.changed.add(link);
    }
  }

  release(links: string[], mbps: number): void {
    for (const link of links) {
      this.residual.set(link, this.residual.get(link)! + mbps);
      this.changed.add(link);
    }
  }

  private remove(link: string): void {
    for (const arc of this.network.arcs.get(link)!) this.graph.dropEdge(arc);
    this.removed.add(link);
  }

  private restore(link: string): void {
    const full = this.network.graph;
    for (const arc of this.network.arcs.get(link)!) this.graph.addDirectedEdgeWithKey(arc, full.source(arc), full.target(arc), { ...full.getEdgeAttributes(arc) });
    this.removed.delete(link);
  }
}
