import { type AliasTable, canonicalKey, EMPTY_ALIASES } from './aliases.js';
import { foldWord } from './fold.js';
import { nameKey } from './nameKey.js';
import { stem } from './stem.js';
import { isCyrillicStopWord, isStopWord } from './stopWords.js';
import { TOKEN, type Token } from './tokenize.js';
import { hasCyrillic, transliterateWord } from './transliterate.js';

/** What one word contributes to search: its stemmed term and its transliteration key. */
export interface AnalyzedToken extends Token {
  term: string;
  key: string | null;
}

const DOTTED_ACRONYM = /^(?:\p{L}\.){2,}$/u;
const ALL_CAPS = /^\p{Lu}{2,}$/u;

type WordAnalysis = { term: string; key: string | null } | null;

/** Words repeat endlessly (a few tens of thousands of forms in millions of tokens): analyse each once. */
const MEMO_LIMIT = 200_000;
const memo = new Map<string, WordAnalysis>();

export function analyzeWord(raw: string): WordAnalysis {
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const analysis = analyzeWordUncached(raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, analysis);
  return analysis;
}

function analyzeWordUncached(raw: string): WordAnalysis {
  if (/^\p{N}/u.test(raw)) return { term: raw.replace(/,/g, ''), key: null };
  if (hasCyrillic(raw)) {
    const lower = raw.toLowerCase();
    if (isCyrillicStopWord(lower)) return null;
    const latin = transliterateWord(lower);
    return hasCyrillic(latin) || latin === '' ? null : analyzeWordUncached(latin);
  }
  const acronym = DOTTED_ACRONYM.test(raw) || ALL_CAPS.test(raw);
  const folded = foldWord(acronym ? raw.replace(/\./g, '') : raw);
  if (folded.length === 0) return null;
  if (!acronym && (folded.length < 2 || isStopWord(folded))) return null;
  const term = stem(folded);
  return { term, key: acronym ? null : nameKey(term) };
}

function applyAliases(tokens: AnalyzedToken[], aliases: AliasTable): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as AnalyzedToken;
    const phrase = aliases.phrases
      .get(token.term)
      ?.find(({ terms }) => terms.every((term, k) => tokens[i + k]?.term === term));
    if (phrase) {
      const last = tokens[i + phrase.terms.length - 1] as AnalyzedToken;
      out.push({ raw: token.raw, start: token.start, end: last.end, term: phrase.canonical, key: null });
      i += phrase.terms.length - 1;
      continue;
    }
    const canonical = aliases.single.get(token.term);
    out.push(canonical ? { ...token, term: canonical, key: canonicalKey(canonical) } : token);
  }
  return out;
}

/** The one text pipeline: the index and the queries both go through it. */
export function analyze(text: string, aliases: AliasTable = EMPTY_ALIASES): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  // One pass over the words (this runs on every candidate passage of every query).
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const analyzed = analyzeWord(raw);
    if (!analyzed) continue;
    const start = match.index ?? 0;
    out.push({ raw, start, end: start + raw.length, term: analyzed.term, key: analyzed.key });
  }
  return aliases === EMPTY_ALIASES ? out : applyAliases(out, aliases);
}

/** analyze() of a text already tokenized (tokenize's tokens), for a caller that needs every token too. */
export function analyzeTokens(
  tokens: readonly Token[],
  aliases: AliasTable = EMPTY_ALIASES,
): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  for (const { raw, start, end } of tokens) {
    const analyzed = analyzeWord(raw);
    if (analyzed) out.push({ raw, start, end, term: analyzed.term, key: analyzed.key });
  }
  return aliases === EMPTY_ALIASES ? out : applyAliases(out, aliases);
}
