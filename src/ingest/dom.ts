/**
 * A page parsed into a DOM by linkedom (a fast, standards-minded DOM without a browser; jsdom would be
 * 6–10× slower here). The project has no DOM typings (it is a Node program), so the little of the DOM
 * the ingest code reads is typed here.
 */

import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export function parsePage(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** An attribute's value trimmed, or null when it is missing or blank. */
export function attribute(element: DomElement | null, name: string): string | null {
  const value = element?.getAttribute(name)?.trim();
  return value ? value : null;
}
