/** IP address text to its bytes: 4 for IPv4, 16 for IPv6 (an embedded dotted IPv4 tail included). */

import { isIPv4, isIPv6 } from 'node:net';

export function ipv4Bytes(text: string): Uint8Array | null {
  if (!isIPv4(text)) return null;
  return Uint8Array.from(text.split('.').map(Number));
}

/** A zone ("fe80::1%eth0") names an interface, not another address: it is left out. */
export function ipv6Bytes(text: string): Uint8Array | null {
  const address = text.split('%')[0]!;
  if (!isIPv6(address)) return null;
  const bytes = new Uint8Array(16);
  let head = address;
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Bytes(tail);
    if (!v4) return null;
    bytes.set(v4, 12);
    // Two zero groups stand in for the dotted tail while the groups are read.
    head = `${address.slice(0, lastColon + 1)}0:0`;
  }
  const [left = '', right] = head.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const leftGroups = groups(left);
  const rightGroups = right === undefined ? [] : groups(right);
  const all = [
    ...leftGroups,
    ...new Array(8 - leftGroups.length - rightGroups.length).fill(0),
    ...rightGroups,
  ];
  all.forEach((group, i) => {
    // The dotted tail's bytes were set already; its stand-in zeros must not overwrite them.
    if (i >= 6 && tail.includes('.')) return;
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

/** Whether the first `bits` bits of `bytes` are those of `prefix`. */
export function inPrefix(bytes: Uint8Array, prefix: Uint8Array, bits: number): boolean {
  for (let i = 0; i < prefix.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i]! & mask) !== (prefix[i]! & mask)) return false;
  }
  return true;
}
