type Ipv4Cidr = {
  /** network address as an unsigned 32-bit integer */
  network: number;
  prefix: number;
  /** host addresses, network and broadcast excluded (both kept for /31 and /32 too) */
  usable: number;
};

export type ParseIpv4CidrResult = ({ ok: true } & Ipv4Cidr) | { ok: false; message: string };

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Reads `a.b.c.d/p`; the host bits must be zero, so a typo such as 10.64.1.0/16 is caught. */
export function parseIpv4Cidr(text: string): ParseIpv4CidrResult {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(text.trim());
  if (!match || !match.slice(1, 5).every((o) => OCTET.test(o)) || !/^(3[0-2]|[12]?\d)$/.test(match[5]))
    return { ok: false, message: `"${text}" is not an IPv4 subnet in CIDR form (e.g. 10.64.0.0/16)` };
  const network = match.slice(1, 5).reduce((acc, o) => acc * 256 + Number(o), 0);
  const prefix = Number(match[5]);
  const size = 2 ** (32 - prefix);
  if (network % size !== 0) return { ok: false, message: `${text} has host bits set; the network address of a /${prefix} there is ${formatIpv4(network - (network % size))}` };
  const usable = prefix >= 31 ? size : size - 2;
  return { ok: true, network, prefix, usable };
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
