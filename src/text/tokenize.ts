/** A word of the original text with its place, before any folding. */
export interface Token {
  raw: string;
  start: number;
  end: number;
}

// Dotted acronyms (U.S., E.U.), words with inner apostrophes (Lukashenka's), numbers with
// thousands separators or decimals (150,000, 80.1).
export const TOKEN = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['\u2019\u02bc]\p{L}+)*|\p{N}+(?:[.,]\p{N}+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    tokens.push({ raw: match[0], start, end: start + match[0].length });
  }
  return tokens;
}
