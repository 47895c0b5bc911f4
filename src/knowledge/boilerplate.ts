/**
 * Known boilerplate lines of news pages: banners, footers, reuse notices, section labels.
 * Each pattern must match a whole (trimmed) line; text inside article paragraphs is never touched.
 *
 * "With reporting by …" is deliberately absent: it is the article's own attribution.
 */

export interface BoilerplatePattern {
  name: string;
  pattern: RegExp;
  /** The line introduces a list of links (related stories, site sections): that list goes too. */
  leadsLinkList?: boolean;
}

export const BOILERPLATE: readonly BoilerplatePattern[] = [
  { name: 'donation-banner', pattern: /^UNITED24\s*[-–—:|]/i },
  {
    name: 'donation-banner',
    pattern: /^(please\s+)?(make|send) a (charitable |one-off )?donation\b[^.]{0,80}!?$/i,
  },
  {
    name: 'mailing-list',
    pattern:
      /^(join|subscribe to|sign up (for|to))\s+(the |our )?[\w.&' -]{0,40}\b(mailing list|newsletter)s?[.!]?$/i,
  },
  { name: 'copyright', pattern: /^(?:[Cc]opyright\s*)?(?:\([cC]\)|©)\s*(?:\d{4}|[A-Z])/ },
  { name: 'copyright', pattern: /^copyright\s+\d{4}\b/i },
  { name: 'copyright', pattern: /^all rights reserved\.?$/i },
  {
    name: 'reprint-notice',
    pattern: /^(reprinted|republished|reproduced) (with|by) (the )?(kind )?permission\b.*$/i,
  },
  {
    name: 'reuse-notice',
    pattern:
      /^it is (strictly )?(forbidden|prohibited|not allowed) to (use|copy|reproduce|republish|distribute)\b.{0,60}\b(information|material|content|articles?|texts?)\b.*$/i,
  },
  {
    name: 'trust-project',
    pattern: /^(according to|in accordance with) the criteria of the trust project\.?$/i,
  },
  {
    name: 'link-list-heading',
    pattern:
      /^(know more|read more|more on this( topic)?|related( articles| stories| news| topics)?|see also|(see )?links of interest|more news|most read|recommended)[:.]?$/i,
    leadsLinkList: true,
  },
  // A related story named on the line of its label ("Related: Strikers hold out (Aug. 28)"): a link, not prose.
  { name: 'related-link', pattern: /^(related|read more|read also|also read|see also)\s*:\s+\S.{0,200}$/i },
  {
    name: 'section-label',
    pattern:
      /^(weapons of mass destruction|homeland security|military|intelligence|space|nuclear weapons) \([A-Z]{2,6}\)$/i,
  },
  {
    name: 'bracketed-banner',
    pattern: /^\[\s*[^[\]]{0,60}\b(banner|advert(isement)?|ad|promo|sponsored)\s*\]$/i,
  },
  { name: 'advertisement-label', pattern: /^(advertisement|sponsored content|sponsored|ad)$/i },
];

/** Boilerplate lines are short; a longer line is article prose. */
const MAX_BOILERPLATE_LENGTH = 500;

/**
 * Every pattern of the table in one case-insensitive alternation: most lines match none, and one regex call
 * tells so much faster than a call per pattern. It may match more than the table (the `i` flag widens the
 * case-sensitive patterns), never less, so a line it matches is then tried pattern by pattern. Patterns
 * therefore use no flag but `i`, and no numbered back-references.
 */
const ANY_BOILERPLATE = new RegExp(BOILERPLATE.map(({ pattern }) => `(?:${pattern.source})`).join('|'), 'i');

export function matchBoilerplate(line: string): BoilerplatePattern | undefined {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > MAX_BOILERPLATE_LENGTH) return undefined;
  if (!ANY_BOILERPLATE.test(trimmed)) return undefined;
  return BOILERPLATE.find((entry) => entry.pattern.test(trimmed));
}
