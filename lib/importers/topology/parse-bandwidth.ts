// Link speeds as people write them in Topology Zoo `LinkLabel`s and elsewhere:
// "10 Gbps", "< 2.5 Gbps", "Peering, 4Gbps", "OC-192c", "STM-16", "1GE", "10GbE", "T1", "E3".

const SONET: Record<number, number> = { 1: 51.84, 3: 155.52, 12: 622.08, 24: 1244.16, 48: 2488.32, 96: 4976.64, 192: 9953.28, 768: 39813.12 };
const STM: Record<number, number> = { 0: 51.84, 1: 155.52, 4: 622.08, 16: 2488.32, 64: 9953.28, 256: 39813.12 };
const CARRIER: Record<string, number> = { t1: 1.544, e1: 2.048, t3: 44.736, ds3: 44.736, e3: 34.368, ds1: 1.544 };
const UNIT: Record<string, number> = { k: 1e-3, m: 1, g: 1e3, t: 1e6 };

/** Mbit/s (whole, at least 1) from a label, or null when the label names no speed. */
export function parseBandwidthMbps(label: string | null | undefined): number | null {
  if (!label) return null;
  const text = label.replace(/&lt;/g, '<').toLowerCase();
  const rate = /(\d+(?:[.,]\d+)?)\s*([kmgt])\s*(?:bit\/s|bits?\/s|b\/s|bps|bit|b)\b/.exec(text) ?? /(\d+(?:[.,]\d+)?)\s*([kmgt])bps/.exec(text);
  let mbps: number | null = null;
  if (rate) mbps = Number(rate[1].replace(',', '.')) * UNIT[rate[2]];
  else {
    const ge = /(\d+(?:\.\d+)?)\s*g(?:b?e|ige)\b/.exec(text);
    const oc = /\boc-?(\d+)c?\b/.exec(text);
    const stm = /\bstm-?(\d+)\b/.exec(text);
    const carrier = /\b(t1|e1|t3|e3|ds1|ds3)\b/.exec(text);
    if (ge) mbps = Number(ge[1]) * 1000;
    else if (oc && SONET[Number(oc[1])]) mbps = SONET[Number(oc[1])];
    else if (stm && STM[Number(stm[1])]) mbps = STM[Number(stm[1])];
    else if (carrier) mbps = CARRIER[carrier[1]];
  }
  if (mbps === null || !Number.isFinite(mbps) || mbps <= 0) return null;
  return Math.max(1, Math.round(mbps));
}
