/**
 * A host's addresses, every one checked before anything connects: one bad address refuses the host,
 * since a client may try any of them (and DNS may rotate them).
 */

import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { addressProblem } from './addressPolicy.js';
import { IngestError } from './errors.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses (dns.lookup, as a connection would; replaced in tests). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) => {
  const found = await lookup(host, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

const DNS_MISSES = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_NODATA']);

export async function vetHost(
  host: string,
  { allowPrivate, resolve = systemResolver }: { allowPrivate: boolean; resolve?: Resolver | undefined },
): Promise<ResolvedAddress[]> {
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (DNS_MISSES.has(code))
        throw new IngestError('unknown-host', `the host name ${host} does not exist`, { cause: error });
      throw new IngestError('network', `the host name ${host} could not be looked up (${code || error})`, {
        cause: error,
      });
    }
  }
  if (addresses.length === 0) throw new IngestError('unknown-host', `the host name ${host} has no address`);
  for (const { address } of addresses) {
    const problem = addressProblem(address, allowPrivate);
    if (!problem) continue;
    const what = literal ? `${address} is ${problem}` : `${host} resolves to ${address}, ${problem}`;
    throw new IngestError('blocked-address', `${what}, which is never fetched`);
  }
  return addresses;
}
