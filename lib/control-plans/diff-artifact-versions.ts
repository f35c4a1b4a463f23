import { diffLines } from 'diff';
import type { ArtifactKind } from './artifact-kinds';
import type { FlowsContent, LinkLoadContent, MeshContent, RoutesContent } from './plan-artifacts';

/**
 * An artifact as lines a person can compare: one line per demand, link or flow rule (sorted,
 * so a diff shows what changed and not where it moved), the YAML for the mesh.
 */
export function artifactText(kind: ArtifactKind, content: unknown): string {
  const lines: string[] = [];
  switch (kind) {
    case 'routes': {
      const c = content as RoutesContent;
      for (const d of c.demands) lines.push(`${d.from} → ${d.to}  ${d.mbps} Mbit/s  ${d.latencyMs} ms  via ${d.path.join(' › ')}`);
      for (const u of c.unroutable) lines.push(`${u.from} → ${u.to}  ${u.mbps} Mbit/s  UNROUTABLE (${u.reason})`);
      break;
    }
    case 'link-load': {
      const c = content as LinkLoadContent;
      for (const l of c.links) if (l.loadMbps > 0) lines.push(`${l.link}  ${l.loadMbps} of ${l.capacityMbps} Mbit/s  ${l.utilisationPct} %  ${l.status}`);
      break;
    }
    case 'flows': {
      const c = content as FlowsContent;
      for (const s of c.switches) {
        for (const r of s.rules) {
          lines.push(
            `${s.node}  priority ${r.priority}  ${r.inPort === null ? '' : `in_port ${r.inPort}  `}${r.srcAddress} → ${r.dstAddress}:${r.tcpDst}  output ${r.outPort} (${r.outLink})`,
          );
        }
      }
      break;
    }
    case 'mesh':
      return (content as MeshContent).yaml;
  }
  return lines.sort().join('\n') + (lines.length ? '\n' : '');
}

export type DiffLine = { type: 'added' | 'removed' | 'same'; text: string };

/** Line diff of two versions; long unchanged stretches are cut to `context` lines around changes. */
export function diffArtifactVersions(kind: ArtifactKind, before: unknown, after: unknown, context = 3): { lines: DiffLine[]; added: number; removed: number } {
  const parts = diffLines(before === null ? '' : artifactText(kind, before), artifactText(kind, after));
  const all: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    const type = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const texts = part.value.replace(/\n$/, '').split('\n');
    if (type === 'added') added += texts.length;
    if (type === 'removed') removed += texts.length;
    for (const text of texts) all.push({ type, text });
  }
  const keep = all.map(() => false);
  all.forEach((l, i) => {
    if (l.type === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(all.length - 1, i + context); k++) keep[k] = true;
  });
  const lines: DiffLine[] = [];
  let skipped = 0;
  all.forEach((l, i) => {
    if (keep[i]) {
      if (skipped) lines.push({ type: 'same', text: `… ${skipped} unchanged line${skipped === 1 ? '' : 's'} …` });
      skipped = 0;
      lines.push(l);
    } else skipped += 1;
  });
  if (skipped) lines.push({ type: 'same', text: `… ${skipped} unchanged line${skipped === 1 ? '' : 's'} …` });
  return { lines, added, removed };
}
