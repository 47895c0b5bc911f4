/**
 * What the learned rerank and the answerability model see of a question and a candidate passage. Every
 * feature is a share or a ratio that keeps its meaning across corpus sizes (raw BM25 and idf do not).
 */

import type { AliasTable } from '../text/aliases.js';
import { analyze } from '../text/analyze.js';
import { vectorCosine, wordSimilarity } from '../text/vectors/wordSimilarity.js';
import { wordNet } from '../text/wordnet/wordnet.js';
import type { Passage } from '../types.js';
import { type PassageMatch, TYPO_MATCH } from './matchPassage.js';
import type { QueryPlan } from './queryPlan.js';
import type { IndexedDocument, SearchState } from './searchState.js';
import { subjectsOutOfContext } from './subjects.js';

export const CANDIDATE_FEATURES = [
  /** Weighted share of the question's terms the passage holds, as written or as a spelling of them. */
  'coverage',
  /** The share matched only through a related word (WordNet). */
  'softCoverage',
  /** The same two within the best sentence or pair of sentences. */
  'window',
  'softWindow',
  /** minisearch's BM25 over the question's summed term weights, and over the best candidate's. */
  'bm25PerWeight',
  'bm25Relative',
  /** Weighted share of the question's names the passage lacks entirely. */
  'missingNames',
  /** Weighted share of the question's terms in the document's title. */
  'title',
  /** Share of the question's adjacent term pairs found next to each other. */
  'bigrams',
  /** The question asks for a kind of answer (number, date, person, place) and the best sentences hold one / do not. */
  'typeMatch',
  'typeMissing',
  /**
   * Weighted share of the question's words with no lexical match that a passage word stands close to in
   * word-vector space (cosine above a floor, scaled), in the passage and in the best sentences.
   */
  'vectorCoverage',
  'vectorWindow',
  /** Whether the question's most telling (highest-weight) term is in the passage as written or spelt. */
  'keyTerm',
  /** Lexical coverage of the best window over its length in words: matches packed close together. */
  'density',
  /** log of the passage's length in words: long passages cover more words by chance. */
  'length',
  /** Cosine between the summed word vectors of the question and of the best sentences: their topics agree. */
  'centroid',
  /**
   * Share of the question the passage lacks, each word weighted by how rare it is in English at large (how
   * seldom WordNet's corpus tagged it; a word WordNet lacks, such as a name, weighs most): unlike idf, it
   * means the same in a handful of documents and in thousands ("mushroom" weighs more than "happened").
   */
  'rareMissing',
  /**
   * Weighted share of the question's subjects (its names) that neither the passage nor what it refers back
   * to holds (the passage before it, its document's title and first passage): see subjects.ts.
   */
  'subjectContext',
] as const;

export type CandidateFeature = (typeof CANDIDATE_FEATURES)[number];
export type CandidateFeatures = Record<CandidateFeature, number>;

const titleTermsCache = new WeakMap<IndexedDocument, Set<string>>();

function titleTerms(document: IndexedDocument, aliases: AliasTable): Set<string> {
  let terms = titleTermsCache.get(document);
  if (!terms) {
    terms = new Set(analyze(document.meta.title, aliases).map((t) => t.term));
    titleTermsCache.set(document, terms);
  }
  return terms;
}

function shares(plan: QueryPlan, strengths: number[]): { lexical: number; soft: number } {
  let total = 0;
  let lexical = 0;
  let soft = 0;
  plan.terms.forEach((term, i) => {
    const s = strengths[i] ?? 0;
    total += term.weight;
    if (s >= TYPO_MATCH) lexical += term.weight * s;
    else soft += term.weight * s;
  });
  return total > 0 ? { lexical: lexical / total, soft: soft / total } : { lexical: 0, soft: 0 };
}

function bigramShare(plan: QueryPlan, match: PassageMatch): number {
  const pairs = plan.terms.length - 1;
  if (pairs <= 0) return 0;
  const found = new Set<number>();
  for (let k = 0; k + 1 < match.hits.length; k++) {
    const a = match.hits[k]!;
    const b = match.hits[k + 1]!;
    if (b.termIndex === a.termIndex + 1 && a.strength >= TYPO_MATCH && b.strength >= TYPO_MATCH)
      found.add(a.termIndex);
  }
  return found.size / pairs;
}

/** A window shorter than this many words counts as this long: a very short one says little about closeness. */
const DENSITY_FLOOR = 12;

/** Cosines below this say nothing: unrelated words of one language sit around 0.1–0.3. */
const COSINE_FLOOR = 0.35;

/**
 * For each question term not matched lexically (and not a name or a number), how close the nearest passage
 * word comes, scaled from the floor to 1; per term, over the passage and over the best window.
 */
function vectorShares(
  context: CandidateContext,
  match: PassageMatch,
  { from, to }: TextWindow,
): { whole: number; window: number } {
  const { plan } = context;
  const needed = context.rows.some((row, i) => row >= 0 && (match.strengths[i] ?? 0) < TYPO_MATCH);
  if (!needed) return { whole: 0, window: 0 };
  const vectors = wordSimilarity();
  const { tokens, rows: tokenRows } = match.analysis;
  // Each distinct passage word once, and whether it stands in the best window.
  const rows = new Map<number, boolean>();
  for (let k = 0; k < tokens.length; k++) {
    const row = tokenRows[k]!;
    if (row < 0) continue;
    const inWindow = tokens[k]!.start >= from && tokens[k]!.end <= to;
    rows.set(row, rows.get(row) === true || inWindow);
  }
  let whole = 0;
  let window = 0;
  plan.terms.forEach((term, i) => {
    const row = context.rows[i] ?? -1;
    if (row < 0 || (match.strengths[i] ?? 0) >= TYPO_MATCH) return;
    let best = 0;
    let bestInWindow = 0;
    for (const [other, inWindow] of rows) {
      const cosine = vectors.cosine(row, other);
      if (cosine > best) best = cosine;
      if (inWindow && cosine > bestInWindow) bestInWindow = cosine;
    }
    const scaled = (c: number) => Math.max(0, (c - COSINE_FLOOR) / (1 - COSINE_FLOOR));
    whole += term.weight * scaled(best);
    window += term.weight * scaled(bestInWindow);
  });
  return { whole, window };
}

function windowCentroidCosine(
  context: CandidateContext,
  match: PassageMatch,
  { from, to }: TextWindow,
): number {
  if (!context.centroid) return 0;
  const { tokens, rows } = match.analysis;
  const inWindow: number[] = [];
  for (let k = 0; k < tokens.length; k++)
    if (rows[k]! >= 0 && tokens[k]!.start >= from && tokens[k]!.end <= to) inWindow.push(rows[k]!);
  const window = wordSimilarity().centroid(inWindow);
  return window ? vectorCosine(context.centroid, window) : 0;
}

export interface CandidateContext {
  plan: QueryPlan;
  state: SearchState;
  aliases: AliasTable;
  weightSum: number;
  topBm25: number;
  /** Each query term's row in the word vectors (-1: none). */
  rows: number[];
  /** The question's summed word vectors (null when none of its words has one). */
  centroid: Float32Array | null;
  /** The question's most telling (highest-weight) term, the first on a tie; -1 when it has none. */
  keyIndex: number;
  /** Each query term's weight by its rarity in English (englishWeights). */
  englishWeights: number[];
}

/** Each query term's weight by its rarity in English: 1 for a word never tagged, less the more it was. */
export function englishWeights(plan: QueryPlan): number[] {
  return plan.terms.map((t) => 1 / (1 + Math.log1p(wordNet().lookUp(t.word).tagged)));
}

function rareMissingShare(weights: readonly number[], strengths: readonly number[]): number {
  let total = 0;
  let missing = 0;
  weights.forEach((w, i) => {
    total += w;
    if ((strengths[i] ?? 0) < TYPO_MATCH) missing += w;
  });
  return total > 0 ? missing / total : 0;
}

/** The index of the question's highest-weight term, the first on a tie; -1 for a question with no terms. */
export function keyTermIndex(plan: QueryPlan): number {
  let keyIndex = -1;
  plan.terms.forEach((t, i) => {
    if (keyIndex < 0 || t.weight > plan.terms[keyIndex]!.weight) keyIndex = i;
  });
  return keyIndex;
}

/** The best sentences' stretch of the passage text (the whole text when the passage has no sentences). */
interface TextWindow {
  from: number;
  to: number;
}

/** Each question term's row in the word vectors: -1 for names and numbers, which only match as written. */
export function questionRows(plan: QueryPlan): number[] {
  const vectors = wordSimilarity();
  return plan.terms.map((t) => (t.name || /^\p{N}/u.test(t.word) ? -1 : vectors.indexOf(t.word)));
}

export function candidateFeatures(
  context: CandidateContext,
  passage: Passage,
  document: IndexedDocument,
  match: PassageMatch,
  bm25: number,
): CandidateFeatures {
  const { plan } = context;
  const whole = shares(plan, match.strengths);
  const window = shares(plan, match.best.strengths);
  let missingNameWeight = 0;
  let titleWeight = 0;
  const inTitle = titleTerms(document, context.aliases);
  plan.terms.forEach((term, i) => {
    if (term.name && (match.strengths[i] ?? 0) === 0) missingNameWeight += term.weight;
    if (inTitle.has(term.term)) titleWeight += term.weight;
  });
  const typeMatch = plan.asked && match.holdsAnswer ? 1 : 0;
  const typeMissing = plan.asked && !match.holdsAnswer ? 1 : 0;
  const weightSum = context.weightSum || 1;
  const first = passage.sentences[match.best.from];
  const last = passage.sentences[match.best.to];
  const span: TextWindow = { from: first?.start ?? 0, to: last?.end ?? passage.text.length };
  const vectorShare = vectorShares(context, match, span);
  const { keyIndex } = context;
  let windowWords = 0;
  if (first && last)
    for (const t of match.analysis.tokens) if (t.start >= span.from && t.end <= span.to) windowWords++;
  return {
    coverage: whole.lexical,
    softCoverage: whole.soft,
    window: window.lexical,
    softWindow: window.soft,
    bm25PerWeight: bm25 / weightSum,
    bm25Relative: context.topBm25 > 0 ? bm25 / context.topBm25 : 0,
    missingNames: missingNameWeight / weightSum,
    title: titleWeight / weightSum,
    bigrams: bigramShare(plan, match),
    typeMatch,
    typeMissing,
    vectorCoverage: vectorShare.whole / weightSum,
    vectorWindow: vectorShare.window / weightSum,
    keyTerm: keyIndex >= 0 && (match.strengths[keyIndex] ?? 0) >= TYPO_MATCH ? 1 : 0,
    density: (window.lexical * plan.terms.length) / Math.max(windowWords, DENSITY_FLOOR),
    length: Math.log1p(match.analysis.tokens.length),
    centroid: windowCentroidCosine(context, match, span),
    rareMissing: rareMissingShare(context.englishWeights, match.strengths),
    subjectContext: subjectsOutOfContext(
      plan,
      { passage, document, strengths: match.strengths },
      context.state,
    ),
  };
}
