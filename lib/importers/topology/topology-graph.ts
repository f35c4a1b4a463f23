/** A topology as read from GraphML or GML, before anything is decided about what it becomes. */
export type TopologyGraph = {
  format: 'graphml' | 'gml';
  /** The network's name (Topology Zoo `Network` or `label`), when the file gives one. */
  name: string | null;
  attributes: Record<string, string>;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
};

export type TopologyNode = {
  id: string;
  label: string;
  latitude: number | null;
  longitude: number | null;
  attributes: Record<string, string>;
};

export type TopologyEdge = {
  source: string;
  target: string;
  /** Topology Zoo `LinkLabel` (often the speed: "10 Gbps", "OC-192", "< 155 Mbps"). */
  label: string | null;
  attributes: Record<string, string>;
};

/** Latitude/longitude when both are present and in range. */
export function coordinates(attributes: Record<string, string>): { latitude: number | null; longitude: number | null } {
  const pick = (...keys: string[]) => {
    for (const k of keys) {
      const raw = attributes[k];
      if (raw !== undefined && raw.trim() !== '') {
        const v = Number(raw);
        if (Number.isFinite(v)) return v;
      }
    }
    return null;
  };
  const latitude = pick('Latitude', 'latitude', 'lat', 'y_geo');
  const longitude = pick('Longitude', 'longitude', 'lon', 'lng', 'x_geo');
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return { latitude: null, longitude: null };
  return { latitude, longitude };
}
