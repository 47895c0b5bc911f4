/**
 * Which addresses a fetch may connect to. A URL given by a moderator (or a feed) must not reach the
 * bot's own machine, its network or the cloud's metadata service: every address a host resolves to is
 * checked against the special-purpose ranges (RFC 6890 and its IPv6 peers), and an IPv6 address that
 * carries an IPv4 one (mapped, compatible, NAT64, 6to4) is judged by the IPv4 address it carries.
 */

import { inPrefix, ipv4Bytes, ipv6Bytes } from './ipBytes.js';

export interface AddressClass {
  /** What the range is, for the refusal: "a loopback address". */
  label: string;
  /** Opened by FETCH_ALLOW_PRIVATE (loopback, private networks); the rest is never fetched. */
  privateNetwork: boolean;
}

interface Range {
  prefix: string;
  bits: number;
  kind: AddressClass;
}

const LOOPBACK: AddressClass = { label: 'a loopback address (this machine)', privateNetwork: true };
const PRIVATE: AddressClass = { label: 'a private network address', privateNetwork: true };
const LINK_LOCAL: AddressClass = { label: 'a link-local address', privateNetwork: true };
const SHARED: AddressClass = { label: 'a carrier-grade NAT (shared) address', privateNetwork: true };
const METADATA: AddressClass = { label: 'a cloud metadata service address', privateNetwork: false };
const UNSPECIFIED: AddressClass = { label: 'the unspecified address', privateNetwork: false };
const MULTICAST: AddressClass = { label: 'a multicast address', privateNetwork: false };
const BROADCAST: AddressClass = { label: 'the broadcast address', privateNetwork: false };
const RESERVED: AddressClass = {
  label: 'a reserved address (not on the public internet)',
  privateNetwork: false,
};

/** Most specific first: the first range an address falls in names it. */
const IPV4_RANGES: readonly Range[] = [
  // AWS, GCP, Azure, OpenStack, DigitalOcean; AWS ECS task metadata; Alibaba; Oracle.
  { prefix: '169.254.169.254', bits: 32, kind: METADATA },
  { prefix: '169.254.170.2', bits: 32, kind: METADATA },
  { prefix: '100.100.100.200', bits: 32, kind: METADATA },
  { prefix: '192.0.0.192', bits: 32, kind: METADATA },
  { prefix: '255.255.255.255', bits: 32, kind: BROADCAST },
  { prefix: '0.0.0.0', bits: 8, kind: UNSPECIFIED },
  { prefix: '10.0.0.0', bits: 8, kind: PRIVATE },
  { prefix: '100.64.0.0', bits: 10, kind: SHARED },
  { prefix: '127.0.0.0', bits: 8, kind: LOOPBACK },
  { prefix: '169.254.0.0', bits: 16, kind: LINK_LOCAL },
  { prefix: '172.16.0.0', bits: 12, kind: PRIVATE },
  { prefix: '192.0.0.0', bits: 24, kind: RESERVED },
  { prefix: '192.0.2.0', bits: 24, kind: RESERVED },
  { prefix: '192.88.99.0', bits: 24, kind: RESERVED },
  { prefix: '192.168.0.0', bits: 16, kind: PRIVATE },
  { prefix: '198.18.0.0', bits: 15, kind: RESERVED },
  { prefix: '198.51.100.0', bits: 24, kind: RESERVED },
  { prefix: '203.0.113.0', bits: 24, kind: RESERVED },
  { prefix: '224.0.0.0', bits: 4, kind: MULTICAST },
  { prefix: '240.0.0.0', bits: 4, kind: RESERVED },
];

const IPV6_RANGES: readonly Range[] = [
  // AWS's instance metadata service over IPv6, and GCP's.
  { prefix: 'fd00:ec2::254', bits: 128, kind: METADATA },
  { prefix: 'fd20:ce::254', bits: 128, kind: METADATA },
  { prefix: '::', bits: 128, kind: UNSPECIFIED },
  { prefix: '::1', bits: 128, kind: LOOPBACK },
  { prefix: '64:ff9b:1::', bits: 48, kind: PRIVATE },
  { prefix: '100::', bits: 64, kind: RESERVED },
  // IETF protocol assignments, Teredo included (its IPv4 address is obfuscated), and documentation.
  { prefix: '2001::', bits: 23, kind: RESERVED },
  { prefix: '2001:db8::', bits: 32, kind: RESERVED },
  { prefix: 'fc00::', bits: 7, kind: PRIVATE },
  { prefix: 'fe80::', bits: 10, kind: LINK_LOCAL },
  { prefix: 'fec0::', bits: 10, kind: PRIVATE },
  { prefix: 'ff00::', bits: 8, kind: MULTICAST },
];

/** IPv6 ranges whose addresses carry an IPv4 one: its prefix, and the byte where the IPv4 address starts. */
const IPV4_CARRIERS: readonly { prefix: string; bits: number; at: number }[] = [
  { prefix: '::ffff:0:0', bits: 96, at: 12 }, // IPv4-mapped
  { prefix: '::', bits: 96, at: 12 }, // IPv4-compatible (deprecated)
  { prefix: '64:ff9b::', bits: 96, at: 12 }, // NAT64
  { prefix: '2002::', bits: 16, at: 2 }, // 6to4
];

const parsed = (ranges: readonly Range[], parse: (text: string) => Uint8Array | null) =>
  ranges.map((range) => ({ ...range, bytes: parse(range.prefix)! }));
const V4 = parsed(IPV4_RANGES, ipv4Bytes);
const V6 = parsed(IPV6_RANGES, ipv6Bytes);
const CARRIERS = IPV4_CARRIERS.map((c) => ({ ...c, bytes: ipv6Bytes(c.prefix)! }));

/** The special range `address` is in; null for a public address, and for text that is no IP address. */
export function classifyAddress(address: string): AddressClass | null {
  const v4 = ipv4Bytes(address);
  if (v4) return V4.find((r) => inPrefix(v4, r.bytes, r.bits))?.kind ?? null;
  const v6 = ipv6Bytes(address);
  if (!v6) return null;
  const special = V6.find((r) => inPrefix(v6, r.bytes, r.bits));
  if (special) return special.kind;
  const carrier = CARRIERS.find((c) => inPrefix(v6, c.bytes, c.bits));
  if (!carrier) return null;
  const inner = Array.from(v6.subarray(carrier.at, carrier.at + 4)).join('.');
  return classifyAddress(inner);
}

/** Why `address` may not be fetched ("a loopback address (this machine)"), or null when it may. */
export function addressProblem(address: string, allowPrivate = false): string | null {
  const kind = classifyAddress(address);
  if (!kind || (allowPrivate && kind.privateNetwork)) return null;
  return kind.label;
}
