/**
 * The paragraphs of a DOM subtree as a reader sees them: each block element (p, li, blockquote, h2…)
 * is a paragraph of its own, so "…the election.</p><p>“We…" stays two paragraphs (a node's textContent
 * would glue them: "election.“We"). The words are the page's own; only whitespace is normalised, within
 * a paragraph: runs of spaces and line breaks become one space, and a <br> starts a new line.
 */

import { countAlphanumericTokens } from '../knowledge/clean.js';
import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE } from './dom.js';

export interface BlockParagraph {
  text: string;
  words: number;
  /** Share of the paragraph's characters (spaces aside) inside links. */
  linkShare: number;
}

export interface BlockText {
  paragraphs: BlockParagraph[];
  /** Characters (spaces aside) in all paragraphs, and inside links. */
  chars: number;
  linkChars: number;
}

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose text a reader never sees as article text. */
const SKIPPED = new Set([
  'audio',
  'button',
  'canvas',
  'embed',
  'head',
  'iframe',
  'input',
  'math',
  'noscript',
  'object',
  'option',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

/** A page's chrome around its article: skipped when the article is read from the page's own markup. */
const CHROME = new Set([...SKIPPED, 'aside', 'footer', 'form', 'header', 'nav']);

/** A soft hyphen is invisible: "elec\u00ADtion" reads, and must match, as "election". */
const SOFT_HYPHEN = /\u00ad/g;
const SPACES = /\s+/g;

class ParagraphBuilder {
  readonly paragraphs: BlockParagraph[] = [];
  chars = 0;
  linkChars = 0;
  private lines: string[] = [];
  private line: string[] = [];
  private paragraphChars = 0;
  private paragraphLinkChars = 0;

  text(data: string, inLink: boolean): void {
    this.line.push(data);
    const visible = countVisible(data);
    this.paragraphChars += visible;
    if (inLink) this.paragraphLinkChars += visible;
  }

  lineBreak(): void {
    this.lines.push(this.line.join(''));
    this.line = [];
  }

  end(): void {
    this.lineBreak();
    const lines = this.lines
      .map((line) => line.replace(SOFT_HYPHEN, '').replace(SPACES, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length > 0) {
      const text = lines.join('\n');
      const linkShare = this.paragraphChars === 0 ? 0 : this.paragraphLinkChars / this.paragraphChars;
      this.paragraphs.push({ text, words: countAlphanumericTokens(text), linkShare });
      this.chars += this.paragraphChars;
      this.linkChars += this.paragraphLinkChars;
    }
    this.lines = [];
    this.paragraphChars = 0;
    this.paragraphLinkChars = 0;
  }
}

function countVisible(data: string): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0xad) n++;
  }
  return n;
}

/**
 * Walks with an explicit stack: a deeply nested page cannot overflow the call stack. `withoutChrome`
 * leaves out headers, footers, navigation, asides and forms too.
 */
export function blockParagraphs(root: DomNode, { withoutChrome = false } = {}): BlockText {
  const skipped = withoutChrome ? CHROME : SKIPPED;
  const out = new ParagraphBuilder();
  const stack: { node: DomNode; leaving: boolean }[] = [{ node: root, leaving: false }];
  let linkDepth = 0;
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      out.text(node.textContent ?? '', linkDepth > 0);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = (node as DomElement).localName.toLowerCase();
    if (leaving) {
      if (name === 'a') linkDepth--;
      if (BLOCKS.has(name)) out.end();
      continue;
    }
    if (skipped.has(name)) continue;
    if (name === 'br') {
      out.lineBreak();
      continue;
    }
    if (BLOCKS.has(name)) out.end();
    if (name === 'a') linkDepth++;
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  out.end();
  return { paragraphs: out.paragraphs, chars: out.chars, linkChars: out.linkChars };
}
