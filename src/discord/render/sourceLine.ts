import { outletWithClaim } from '../../knowledge/outletClaim.js';
import { sourceDate } from '../../search/sourceDate.js';
import type { Source } from '../../types.js';
import { isHttpUrl } from '../../util/httpUrl.js';
import { escapeForDiscord } from '../send/escape.js';
import { truncateLabel } from '../send/truncate.js';

/** A URL safe to put in a masked link: http(s), no spaces or parentheses to break the markdown. */
export function linkableUrl(url: string | null): string | null {
  if (!url || !isHttpUrl(url)) return null;
  return new URL(url).href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** A URL page text supplied, as a bare address (clickable) when it is http(s) and short, else as escaped text. */
export function shownUrl(url: string, max: number): string {
  const linkable = linkableUrl(url);
  return linkable && linkable.length <= max ? linkable : escapeForDiscord(truncateLabel(url, max));
}

function sourceDetails(source: Source): string {
  const outlet = outletWithClaim(source.outlet ?? 'outlet unknown', source.outletClaim);
  return [outlet, sourceDate(source)].join(', ');
}

/**
 * `[n] Title — Outlet, date`, the title linking to the article when its URL is known; an outlet the
 * page only claimed to be follows its site as a claim ("evil.example (claims to be Reuters)").
 */
export function sourceLine(rank: number, source: Source): string {
  const title = escapeForDiscord(source.title);
  const url = linkableUrl(source.url);
  const linked = url ? `[${title}](${url})` : title;
  return `[${rank}] ${linked} — ${escapeForDiscord(sourceDetails(source))}`;
}
