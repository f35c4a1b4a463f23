// The editor's view in the page URL, so that a view can be shared: scope, expanded groups,
// filters, site grouping, selection and viewport. Parsing never throws: a part that does not
// parse is left out and named in `problems`, which the editor shows. Pure.

import { z } from 'zod';
import { LAYERS, type LayerName } from '@/lib/vocabulary/kinds-and-labels';
import { DEFAULT_VIEW, type ViewOptions } from './flow-graph';
import { EDGE_KINDS, type EdgeKind } from './snapshot';
import { ALL_SCOPE, MAX_HOPS, type ViewScope } from './view-scope';

export type Viewport = { x: number; y: number; zoom: number };
export type UrlView = { view: ViewOptions; selected: string[]; viewport: Viewport | null };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

const MAX_VALUES = 200;
const idText = z.string().min(1).max(200);

function all(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const v = params[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const layerSchema = z.enum(Object.keys(LAYERS) as [LayerName, ...LayerName[]]);
const edgeKindSchema = z.enum(EDGE_KINDS as unknown as [EdgeKind, ...EdgeKind[]]);
const viewportSchema = z.tuple([z.number().finite(), z.number().finite(), z.number().min(0.01).max(4)]);

export function scopeToParam(scope: ViewScope): string | null {
  switch (scope.type) {
    case 'all':
      return null;
    case 'site':
      return `site:${scope.siteId}`;
    case 'region':
      return `region:${scope.region}`;
    case 'layer':
      return `layer:${scope.layer}`;
    case 'neighbourhood':
      return `near:${scope.hops}:${scope.nodeId}`;
  }
}

export function parseScope(raw: string): ViewScope | null {
  const colon = raw.indexOf(':');
  if (colon < 0) return raw === 'all' ? ALL_SCOPE : null;
  const type = raw.slice(0, colon);
  const rest = raw.slice(colon + 1);
  if (type === 'site' && idText.safeParse(rest).success) return { type: 'site', siteId: rest };
  if (type === 'region' && rest.length <= 120) return { type: 'region', region: rest };
  if (type === 'layer') {
    const layer = layerSchema.safeParse(rest);
    return layer.success ? { type: 'layer', layer: layer.data } : null;
  }
  if (type === 'near') {
    const m = /^(\d+):(.+)$/.exec(rest);
    if (!m || !idText.safeParse(m[2]).success) return null;
    const hops = Number(m[1]);
    return hops >= 1 && hops <= MAX_HOPS ? { type: 'neighbourhood', nodeId: m[2], hops } : null;
  }
  return null;
}

export function parseViewParams(params: Params): UrlView & { problems: string[] } {
  const problems: string[] = [];
  const view: ViewOptions = { ...DEFAULT_VIEW };
  const scopeRaw = all(params, 'scope')[0];
  if (scopeRaw !== undefined) {
    const scope = parseScope(scopeRaw);
    if (scope) view.scope = scope;
    else problems.push(`scope “${scopeRaw.slice(0, 60)}” is not a site, region, layer or neighbourhood`);
  }
  const list = (key: string) =>
    all(params, key)
      .flatMap((v) => v.split(','))
      .filter(Boolean)
      .slice(0, MAX_VALUES);
  const layers = list('hideLayer').filter((l) => layerSchema.safeParse(l).success || (problems.push(`unknown layer “${l.slice(0, 40)}”`), false));
  view.hiddenLayers = new Set(layers as LayerName[]);
  const edgeKinds = list('hideEdge').filter((k) => edgeKindSchema.safeParse(k).success || (problems.push(`unknown edge kind “${k.slice(0, 40)}”`), false));
  view.hiddenEdgeKinds = new Set(edgeKinds as EdgeKind[]);
  const arch = all(params, 'arch')[0];
  if (arch && arch.length <= 40) view.arch = arch;
  const accelerator = all(params, 'acc')[0];
  if (accelerator && accelerator.length <= 40) view.accelerator = accelerator;
  view.groupBySite = all(params, 'group')[0] === 'site';
  view.collapsedSites = new Set(
    all(params, 'fold')
      .filter((s) => idText.safeParse(s).success)
      .slice(0, MAX_VALUES),
  );
  view.expanded = new Set(
    all(params, 'open')
      .filter((s) => idText.safeParse(s).success)
      .slice(0, MAX_VALUES),
  );
  const service = all(params, 'svc')[0];
  if (service && service.length <= 200) view.highlightService = service;
  const selected = all(params, 'sel')
    .filter((s) => idText.safeParse(s).success)
    .slice(0, MAX_VALUES);
  let viewport: Viewport | null = null;
  const v = all(params, 'v')[0];
  if (v !== undefined) {
    const parsed = viewportSchema.safeParse(v.split(',').map(Number));
    if (parsed.success) viewport = { x: parsed.data[0], y: parsed.data[1], zoom: parsed.data[2] };
    else problems.push(`viewport “${v.slice(0, 60)}” is not x,y,zoom`);
  }
  return { view, selected, viewport, problems };
}

/** The query string for a view (without `?`); defaults are left out. */
export function viewToParams({ view, selected, viewport }: UrlView): URLSearchParams {
  const p = new URLSearchParams();
  const scope = scopeToParam(view.scope);
  if (scope) p.set('scope', scope);
  for (const k of [...view.expanded].sort()) p.append('open', k);
  if (view.hiddenLayers.size) p.set('hideLayer', [...view.hiddenLayers].sort().join(','));
  if (view.hiddenEdgeKinds.size) p.set('hideEdge', [...view.hiddenEdgeKinds].sort().join(','));
  if (view.arch) p.set('arch', view.arch);
  if (view.accelerator) p.set('acc', view.accelerator);
  if (view.groupBySite) p.set('group', 'site');
  for (const s of [...view.collapsedSites].sort()) p.append('fold', s);
  if (view.highlightService) p.set('svc', view.highlightService);
  for (const s of selected.slice(0, MAX_VALUES)) p.append('sel', s);
  if (viewport) p.set('v', [Math.round(viewport.x), Math.round(viewport.y), Math.round(viewport.zoom * 1000) / 1000].join(','));
  return p;
}
