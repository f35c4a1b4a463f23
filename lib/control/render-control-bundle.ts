import { stringify } from 'yaml';
import type { ControlBundle, ControlBundleFile, ControlPlan } from './types';

/**
 * A node name as a file name: kept as it is when it is plain (letters, digits, space and
 * `._()+,-`), otherwise every other character is percent-encoded as UTF-8, so `a/b` cannot
 * escape the flows directory and two names never map to one file.
 */
function nodeFileName(node: string): string {
  if (node === '.' || node === '..') return node.replace(/\./g, '%2E');
  return [...node]
    .map((ch) => (/^[A-Za-z0-9 ._()+,-]$/.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join('');
}

const csvField = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function formatSummaryLine(plan: ControlPlan): string {
  return `${plan.summary.routed} demands routed, ${plan.summary.unroutable} unroutable, ${plan.summary.linksOverCapacity} links over capacity`;
}

/** The files `npx edgestack control compile` writes, paths relative to its output directory. */
export function renderControlBundle(plan: ControlPlan): ControlBundle {
  const files: ControlBundleFile[] = [];
  files.push({
    path: 'routes.json',
    content: json({
      demands: plan.demands.map((d) => ({ from: d.from, to: d.to, mbps: d.mbps, path: d.path, links: d.links, latencyMs: d.latencyMs })),
      unroutable: plan.unroutable.map((d) => ({ from: d.from, to: d.to, mbps: d.mbps, reason: d.reason })),
    }),
  });
  const rows = plan.links.map((l) => [l.link, l.from, l.to, l.capacityMbps, l.loadMbps, l.utilisationPct].map(csvField).join(','));
  files.push({ path: 'link-load.csv', content: ['link,from,to,capacity_mbps,load_mbps,utilisation_pct', ...rows].join('\n') + '\n' });
  for (const [node, flows] of Object.entries(plan.flows)) {
    const name = nodeFileName(node);
    files.push({ path: `flows/${name}.json`, content: json(flows.onos) });
    files.push({ path: `flows/${name}.ofctl`, content: flows.ofctl.map((line) => `${line}\n`).join('') });
  }
  files.push({ path: 'ports.json', content: json(plan.ports) });
  files.push({ path: 'addresses.json', content: json(plan.addresses) });
  const mesh = plan.mesh.objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
  files.push({ path: 'mesh.yaml', content: mesh === '' ? '# no service is managed by a mesh controller\n' : mesh });
  return { files, summaryLine: formatSummaryLine(plan) };
}
