/**
 * The outlet a page is credited with. What a page says it is (og:site_name, its JSON-LD publisher,
 * application-name) anyone can write, so a claim is taken only when it names the page's own site;
 * otherwise the site is the outlet, and the claim is kept as a claim, to be shown as one.
 */

import { foldText } from '../text/fold.js';
import type { Sourced } from './pageMetadata.js';
import { type Site, siteOf } from './site.js';

export interface PageOutlet {
  outlet: Sourced;
  /** The page's own name for itself when it was not taken; null when taken, or when it gave none. */
  claim: string | null;
}

/** Longer than this, a claim is a sentence, not a name: it names no site. */
const MAX_CLAIM_WORDS = 12;
/** A claim is shown beside every citation of the page: kept to a name's length. */
const MAX_CLAIM_CHARS = 100;

/** `claims` most specific first; the first that names the site is the outlet, else the site is. */
export function pageOutlet(claims: readonly Sourced[], finalUrl: string): PageOutlet {
  const site = siteOf(finalUrl);
  const taken = claims.find((claim) => namesSite(claim.value, site));
  if (taken) return { outlet: taken, claim: null };
  const claim = claims[0] ? shortened(claims[0].value) : null;
  const sameAsSite = claim !== null && foldText(claim) === foldText(site.domain);
  return { outlet: { value: site.domain, from: 'host' }, claim: sameAsSite ? null : claim };
}

function shortened(claim: string): string {
  const chars = [...claim.replace(/\s+/g, ' ').trim()];
  if (chars.length <= MAX_CLAIM_CHARS) return chars.join('');
  return `${chars
    .slice(0, MAX_CLAIM_CHARS - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * Whether `claim` names `site`: the site's name (its domain without the suffix, letters and digits)
 * is spelled by the claim's first words, in order, each whole or by its first letter, a leading "The"
 * optional — "Reuters" names reuters.com, "BBC News" bbc.co.uk, "RFE/RL" and "Radio Free Europe/Radio
 * Liberty" rferl.org, "The Guardian" theguardian.com, "The New York Times" nytimes.com. A later word
 * alone names nothing ("BBC News" does not name news.example), nor does one initial ("Reuters" r.com).
 */
export function namesSite(claim: string, site: Pick<Site, 'name'>): boolean {
  const name = site.name?.replace(/[^a-z0-9]/g, '') ?? '';
  const words = foldText(claim)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (name === '' || words.length === 0 || words.length > MAX_CLAIM_WORDS) return false;
  if (name.length === 1 && words[0] !== name) return false;
  return spells(name, words) || (words[0] === 'the' && spells(name, words.slice(1)));
}

/** Whether `words`, from the first, each whole or by its initial, spell `name` from `at` to its end. */
function spells(name: string, words: readonly string[], at = 0, word = 0): boolean {
  if (at === name.length) return word > 0;
  const next = words[word];
  if (next === undefined) return false;
  if (name.startsWith(next, at) && spells(name, words, at + next.length, word + 1)) return true;
  return name[at] === next[0] && spells(name, words, at + 1, word + 1);
}
