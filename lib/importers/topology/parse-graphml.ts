import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { importError } from '../import-input';
import { coordinates, type TopologyEdge, type TopologyGraph, type TopologyNode } from './topology-graph';

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined XML entities and character references, decoded by hand: the parser
 * itself never processes entities, so nothing a file declares can expand. */
function decodeXmlText(text: string): string {
  return text.replace(ENTITY, (whole: string, dec?: string, hex?: string, named?: string) => {
    if (named) return NAMED[named];
    const code = dec ? Number(dec) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Refuses any document type declaration outright: no real GraphML file has one, and it is
 * the door to entity expansion and external entities. */
function refuseDoctype(text: string): void {
  const match = /<!DOCTYPE/i.exec(text);
  if (match) {
    const line = text.slice(0, match.index).split('\n').length;
    throw importError(`line ${line}`, 'the file has a DOCTYPE declaration; XML with a DOCTYPE is refused (entities are never expanded)');
  }
  if (/<!ENTITY/i.test(text)) throw importError(null, 'the file declares XML entities; they are refused');
}

type XmlNode = Record<string, unknown>;
// The parser leaves every attribute and text a string (parseTagValue and parseAttributeValue are off).
const xmlText = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function parseGraphml(text: string): TopologyGraph {
  refuseDoctype(text);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) throw importError(`line ${valid.err.line}, column ${valid.err.col}`, `malformed XML: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    removeNSPrefix: true,
    textNodeName: '#text',
    // Elements only: <data> also has an attribute named "key", which must stay a string.
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'graph', 'node', 'edge', 'data'].includes(name),
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch (error) {
    throw importError(null, `malformed XML: ${(error as Error).message}`);
  }
  const root = doc.graphml as XmlNode | undefined;
  if (!root || typeof root !== 'object') throw importError(null, 'not a GraphML file: the root element must be <graphml>');
  const keys = new Map<string, { name: string; for: string }>();
  for (const k of asArray(root.key as XmlNode[])) {
    const id = xmlText(k.id);
    if (id) keys.set(id, { name: xmlText(k['attr.name'], id), for: xmlText(k.for, 'all') });
  }
  const graph = asArray(root.graph as XmlNode[])[0];
  if (!graph) throw importError('graphml', 'the file has no <graph> element');

  const dataOf = (element: XmlNode): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const d of asArray(element.data as XmlNode[])) {
      const key = xmlText(d.key);
      const value: unknown = typeof d === 'object' ? d['#text'] : d;
      out[keys.get(key)?.name ?? key] = decodeXmlText(xmlText(value));
    }
    return out;
  };

  const attributes = dataOf(graph);
  const nodes: TopologyNode[] = [];
  const ids = new Set<string>();
  asArray(graph.node as XmlNode[]).forEach((n, i) => {
    const id = decodeXmlText(xmlText(n.id));
    if (!id) throw importError(`graph.node[${i}]`, 'a node has no id');
    if (ids.has(id)) throw importError(`graph.node[${i}]`, `duplicate node id "${id}"`);
    ids.add(id);
    const attrs = dataOf(n);
    nodes.push({ id, label: attrs.label?.trim() || attrs.name?.trim() || id, ...coordinates(attrs), attributes: attrs });
  });
  const edges: TopologyEdge[] = asArray(graph.edge as XmlNode[]).map((e, i) => {
    const source = decodeXmlText(xmlText(e.source));
    const target = decodeXmlText(xmlText(e.target));
    if (!source || !target) throw importError(`graph.edge[${i}]`, 'an edge needs a source and a target');
    for (const end of [source, target]) if (!ids.has(end)) throw importError(`graph.edge[${i}]`, `unknown node "${end}"`);
    const attrs = dataOf(e);
    return { source, target, label: attrs.LinkLabel?.trim() || null, attributes: attrs };
  });
  const name = attributes.Network?.trim() || attributes.label?.trim() || null;
  return { format: 'graphml', name, attributes, nodes, edges };
}
