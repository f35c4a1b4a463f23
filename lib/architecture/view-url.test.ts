import { describe, expect, test } from 'vitest';
import { DEFAULT_VIEW } from './flow-graph';
import { parseScope, parseViewParams, scopeToParam, viewToParams } from './view-url';
import type { ViewScope } from './view-scope';

describe('view in the URL', () => {
  test('a view survives the round trip through its query string', () => {
    const view = {
      ...DEFAULT_VIEW,
      scope: { type: 'neighbourhood', nodeId: 'networkNode:3f2a', hops: 2 } as ViewScope,
      expanded: new Set(['region:r1', 'site:abc']),
      hiddenLayers: new Set(['control'] as const),
      hiddenEdgeKinds: new Set(['manages', 'hosting'] as const),
      arch: 'arm64',
      accelerator: 'gpu',
      groupBySite: true,
      collapsedSites: new Set(['s1']),
      highlightService: 'api',
    };
    const query = viewToParams({ view, selected: ['edgeServer:1', 'link:2'], viewport: { x: -120.4, y: 33, zoom: 0.4567 } }).toString();
    const back = parseViewParams(new URLSearchParams(query));
    expect(back.problems).toEqual([]);
    expect(back.view).toEqual(view);
    expect(back.selected).toEqual(['edgeServer:1', 'link:2']);
    expect(back.viewport).toEqual({ x: -120, y: 33, zoom: 0.457 });
  });

  test('the default view is an empty query, and an empty query the default view', () => {
    expect(viewToParams({ view: DEFAULT_VIEW, selected: [], viewport: null }).toString()).toBe('');
    const back = parseViewParams({});
    expect(back.view).toEqual(DEFAULT_VIEW);
    expect(back.viewport).toBeNull();
  });

  test('every kind of scope has a parameter that parses back', () => {
    const scopes: ViewScope[] = [
      { type: 'site', siteId: 'a-b' },
      { type: 'region', region: 'eu west' },
      { type: 'region', region: '' },
      { type: 'layer', layer: 'network' },
      { type: 'neighbourhood', nodeId: 'service:x:y', hops: 4 },
    ];
    for (const s of scopes) expect(parseScope(scopeToParam(s)!)).toEqual(s);
  });

  test('parts that do not parse are left out and named', () => {
    const back = parseViewParams({ scope: 'near:9:service:x', hideLayer: 'control,bogus', v: '1,2,zoom', hideEdge: 'link' });
    expect(back.view.scope).toEqual({ type: 'all' });
    expect([...back.view.hiddenLayers]).toEqual(['control']);
    expect([...back.view.hiddenEdgeKinds]).toEqual(['link']);
    expect(back.viewport).toBeNull();
    expect(back.problems).toHaveLength(3);
    expect(back.problems.join(' ')).toMatch(/scope .*near:9/);
    expect(back.problems.join(' ')).toMatch(/bogus/);
  });
});
