/**
 * The outlet a page claimed to be when its own site did not bear the claim out (src/ingest/pageOutlet.ts):
 * kept in front matter as `outlet_claim:`, and shown beside the outlet as a claim, never as the outlet.
 */

import type { FrontMatterData } from './frontMatter.js';

export const OUTLET_CLAIM_KEY = 'outlet_claim';

/** The front matter's claim as DocumentMeta carries it: present only when there is one. */
export function outletClaimOf(front: FrontMatterData): { outletClaim?: string } {
  const claim = front[OUTLET_CLAIM_KEY]?.trim();
  return claim ? { outletClaim: claim } : {};
}

/** "evil.example (claims to be Reuters)", or the outlet alone; plain text, for the caller to escape. */
export function outletWithClaim(outlet: string, claim: string | null | undefined): string {
  return claim ? `${outlet} (claims to be ${claim})` : outlet;
}
