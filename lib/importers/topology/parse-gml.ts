import { importError } from '../import-input';
import { coordinates, type TopologyEdge, type TopologyGraph, type TopologyNode } from './topology-graph';

// GML (Graph Modelling Language) as the Internet Topology Zoo writes it:
//   graph [ directed 0  Network "Abilene"  node [ id 0 label "NY" Latitude 40.7 ]  edge [ source 0 target 1 ] ]
// A list is `[ key value … ]`; a value is a number, a "string" (HTML entities such as &quot;
// allowed) or a nested list. `#` starts a comment line.

type Token = { kind: 'key' | 'number' | 'string' | 'open' | 'close'; text: string; line: number };
type GmlValue = string | number | GmlList;
type GmlList = { entries: [string, GmlValue, number][] };

const MAX_DEPTH = 32;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === ']') {
      tokens.push({ kind: c === '[' ? 'open' : 'close', text: c, line });
      i++;
    } else if (c === '"') {
      const start = line;
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\n') line++;
        j++;
      }
      if (j >= text.length) throw importError(`line ${start}`, 'a string is never closed');
      tokens.push({ kind: 'string', text: decodeEntities(text.slice(i + 1, j)), line: start });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s[\]"]/.test(text[j])) j++;
      const word = text.slice(i, j);
      if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(word)) tokens.push({ kind: 'number', text: word, line });
      else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(word)) tokens.push({ kind: 'key', text: word, line });
      else throw importError(`line ${line}`, `unexpected "${word.slice(0, 40)}"`);
      i = j;
    }
  }
  return tokens;
}

function decodeEntities(s: string): string {
  return s.replace(/&(quot|amp|lt|gt|apos|#\d+);/g, (_, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[e],
  );
}

function parseList(tokens: Token[], at: { i: number }, depth: number, closing: boolean): GmlList {
  if (depth > MAX_DEPTH) throw importError(`line ${tokens[at.i]?.line ?? '?'}`, 'lists are nested too deeply');
  const list: GmlList = { entries: [] };
  while (at.i < tokens.length) {
    const t = tokens[at.i];
    if (t.kind === 'close') {
      if (!closing) throw importError(`line ${t.line}`, 'unexpected "]"');
      at.i++;
      return list;
    }
    if (t.kind !== 'key') throw importError(`line ${t.line}`, `expected a key, found ${t.kind === 'open' ? '"["' : `"${t.text}"`}`);
    const v = tokens[at.i + 1];
    if (!v) throw importError(`line ${t.line}`, `"${t.text}" has no value`);
    at.i += 2;
    if (v.kind === 'open') list.entries.push([t.text, parseList(tokens, at, depth + 1, true), t.line]);
    else if (v.kind === 'number') list.entries.push([t.text, Number(v.text), t.line]);
    else if (v.kind === 'string') list.entries.push([t.text, v.text, t.line]);
    else throw importError(`line ${v.line}`, `"${t.text}" has no value`);
  }
  if (closing) throw importError(`line ${tokens[tokens.length - 1]?.line ?? 1}`, 'a "[" is never closed');
  return list;
}

const scalars = (list: GmlList): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of list.entries) if (typeof v !== 'object') out[k] = String(v);
  return out;
};

export function parseGml(text: string): TopologyGraph {
  const tokens = tokenize(text);
  const top = parseList(tokens, { i: 0 }, 0, false);
  const graphEntry = top.entries.find(([k, v]) => k === 'graph' && typeof v === 'object');
  if (!graphEntry) throw importError(null, 'not a GML graph: no "graph [ … ]" found');
  const graph = graphEntry[1] as GmlList;
  const attributes = scalars(graph);
  const nodes: TopologyNode[] = [];
  const ids = new Set<string>();
  const edges: TopologyEdge[] = [];
  for (const [key, value, line] of graph.entries) {
    if (typeof value !== 'object') continue;
    const attrs = scalars(value);
    if (key === 'node') {
      const id = attrs.id;
      if (id === undefined) throw importError(`line ${line}`, 'a node has no id');
      if (ids.has(id)) throw importError(`line ${line}`, `duplicate node id ${id}`);
      ids.add(id);
      nodes.push({ id, label: attrs.label?.trim() || attrs.name?.trim() || id, ...coordinates(attrs), attributes: attrs });
    } else if (key === 'edge') {
      const { source, target } = attrs;
      if (source === undefined || target === undefined) throw importError(`line ${line}`, 'an edge needs a source and a target');
      edges.push({ source, target, label: attrs.LinkLabel?.trim() || null, attributes: attrs });
      (edges[edges.length - 1] as TopologyEdge & { line?: number }).line = line;
    }
  }
  for (const e of edges as (TopologyEdge & { line?: number })[]) {
    for (const end of [e.source, e.target]) if (!ids.has(end)) throw importError(`line ${e.line}`, `edge refers to unknown node ${end}`);
    delete e.line;
  }
  const name = attributes.Network?.trim() || attributes.label?.trim() || null;
  return { format: 'gml', name, attributes, nodes, edges };
}
