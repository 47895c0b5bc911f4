/**
 * RSS 2.0 (and RSS 1.0 / RDF) and Atom to one shape: the feed's title and its items' guid, link, title
 * and date. fast-xml-parser reads the XML (checked well-formed first, entity expansion bounded); the
 * mapping of the two formats is ours. Anything that is not one of them is refused with what it is.
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isHttpUrl } from '../util/httpUrl.js';
import { FeedError } from './errors.js';

export interface FeedItem {
  /** RSS guid or Atom id; null when the item has none. */
  guid: string | null;
  /** The article's absolute http(s) address; null when the item has none usable. */
  link: string | null;
  title: string | null;
  published: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom';
  title: string | null;
  items: FeedItem[];
}

/** Items past this many are ignored: a feed is the latest news, not an archive. */
export const MAX_FEED_ITEMS = 200;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  processEntities: { maxEntityCount: 100, maxTotalExpansions: 10_000, maxExpandedLength: 1_000_000 },
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text of an element whether it came as a string or as `{ '#text', @_attributes }`. */
function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (isNode(value)) return text(value['#text']);
  return null;
}

function absoluteLink(href: string | null, base: string): string | null {
  if (!href || !URL.canParse(href, base)) return null;
  const { href: url } = new URL(href, base);
  return isHttpUrl(url) ? url : null;
}

function rssItem(item: Node, base: string): FeedItem {
  const links = Array.isArray(item.link) ? item.link : [];
  // An RSS <link> is text; an <atom:link href> inside an RSS item (namespace removed) has an href.
  const href = links
    .map((l) => (isNode(l) && typeof l['@_href'] === 'string' ? l['@_href'] : text(l)))
    .find(Boolean);
  const guid = text(item.guid);
  // RSS: a guid is a permalink unless it says isPermaLink="false".
  const permalink = !(isNode(item.guid) && item.guid['@_isPermaLink'] === 'false');
  const link = absoluteLink(href ?? null, base) ?? (guid && permalink ? absoluteLink(guid, base) : null);
  return { guid, link, title: text(item.title), published: text(item.pubDate) ?? text(item.date) };
}

function atomLink(entry: Node, base: string): string | null {
  const links = (Array.isArray(entry.link) ? entry.link : []).filter(isNode);
  const alternate =
    links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? links[0] ?? null;
  const href = alternate && typeof alternate['@_href'] === 'string' ? alternate['@_href'] : null;
  return absoluteLink(href, base);
}

function atomItem(entry: Node, base: string): FeedItem {
  return {
    guid: text(entry.id),
    link: atomLink(entry, base),
    title: text(entry.title),
    published: text(entry.published) ?? text(entry.updated),
  };
}

function nodes(value: unknown): Node[] {
  return (Array.isArray(value) ? value : []).filter(isNode).slice(0, MAX_FEED_ITEMS);
}

function rootName(doc: Node): string {
  return Object.keys(doc).find((key) => !key.startsWith('?') && !key.startsWith('#')) ?? '';
}

/** `url` is where the feed was found: relative links are resolved against it. */
export function parseFeed(xml: string, url: string): ParsedFeed {
  if (/^\s*(<!doctype\s+html|<html[\s>])/i.test(xml.slice(0, 1024)))
    throw new FeedError('the address sends a web page, not an RSS or Atom feed');
  const checked = XMLValidator.validate(xml);
  if (checked !== true)
    throw new FeedError(
      `the feed is not well-formed XML (line ${checked.err.line}: ${checked.err.msg.replace(/\.$/, '')})`,
    );
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new FeedError(`the feed could not be read: ${(error as Error).message.replace(/\.$/, '')}`);
  }
  const root = rootName(doc);
  const top = doc[root];
  if (root === 'rss' && isNode(top) && isNode(top.channel)) {
    const channel = top.channel;
    return {
      format: 'rss',
      title: text(channel.title),
      items: nodes(channel.item).map((i) => rssItem(i, url)),
    };
  }
  if (root === 'RDF' && isNode(top)) {
    const title = isNode(top.channel) ? text(top.channel.title) : null;
    return { format: 'rss', title, items: nodes(top.item).map((i) => rssItem(i, url)) };
  }
  if (root === 'feed' && isNode(top))
    return { format: 'atom', title: text(top.title), items: nodes(top.entry).map((e) => atomItem(e, url)) };
  if (root === '') throw new FeedError('the address sends no XML document: it is not an RSS or Atom feed');
  const what = root.toLowerCase() === 'html' ? 'a web page' : `an XML document of <${root}>`;
  throw new FeedError(`the address sends ${what}, not an RSS or Atom feed`);
}
