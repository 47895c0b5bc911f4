import { analyze, analyzeWord } from '../text/analyze.js';
import { memberQuestion } from '../text/memberQuestion.js';
import { hasCyrillic } from '../text/transliterate.js';
import { wordSimilarity } from '../text/vectors/wordSimilarity.js';
import { wordNet } from '../text/wordnet/wordnet.js';
import { type AnswerType, askedType } from './answerType.js';
import { correctionsFor } from './corrections.js';
import { requiredNames } from './questionSubjects.js';
import { type QuestionTime, questionTime } from './questionTime.js';
import type { SearchState } from './searchState.js';
import { idf } from './termStats.js';
import { typoAllowance } from './typoAllowance.js';

export interface QueryTerm {
  term: string;
  /** The word as the question spells it, lower case (for word vectors). */
  word: string;
  /** The word as the question writes it. */
  written: string;
  key: string | null;
  /** idf-based weight in coverage. */
  weight: number;
  /** Whether the minisearch probe looks this term up (very common terms only count in the rerank). */
  probe: boolean;
  /** Whether the transliteration key is looked up too (some passage spells the name differently). */
  probeKey: boolean;
  /** For a word no passage holds: the known words it is probably a typo of. */
  corrections: string[];
  /** For a name no passage spells this way: known keys within one edit (Tikhanovskaya → Tsikhanouskaya). */
  keyCorrections: string[];
  /** Capitalised past the question's first word (or an acronym): a name, which only its own spellings match. */
  name: boolean;
  /**
   * What the question is about, which an answer must be about too: a name, or a word neither the knowledge
   * nor the dictionary knows and no typo explains (a name typed in lower case: "baranavichy").
   */
  subject: boolean;
  /** No passage holds the word or a spelling of it (a correction may still stand for it). */
  unknown: boolean;
  /** Known words WordNet relates to it (synonyms; for verbs one level broader or narrower), with strengths. */
  related: RelatedTerm[];
}

export interface RelatedTerm {
  term: string;
  strength: number;
}

export interface QueryPlan {
  terms: QueryTerm[];
  /** The weight a word no passage holds would have before capping (see capUnknownWeights). */
  unknownWeight: number;
  /** The kind of answer the question asks for, if any ("how many …" a number, "when …" a date, "who …" a name). */
  asked: AnswerType | null;
  /** The question's own words, lower case: an answer is something else. */
  questionWords: Set<string>;
  /** No word is rare enough to probe: every known word is very common. */
  common: boolean;
  /** The days the question names, and whether it asks about the present or the latest. */
  time: QuestionTime;
}

/** Beyond this many passages a term is too common to be worth scoring every posting of. */
export function commonTermCap(passages: number): number {
  return Math.max(1000, Math.ceil(passages * 0.01));
}

const FUZZY_KEY_MIN = 5;
/** How far a lower-case word may be from every known one and still be read as a name, not a typo. */
const NEAR_TYPO = 2;
const UNKNOWN_FLOOR = 0.5;
/** A related word matches below a spelling variant: it may mean something else in the passage. */
const SYNONYM_MATCH = 0.6;
const BROADER_NARROWER_MATCH = 0.45;
const MAX_RELATED = 12;
const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}[\p{Lu}.]+$/u;
const FIRST_WORD = /[\p{L}\p{N}]/u;
const NUMBER = /^\p{N}/u;
/** A possessive or a contraction: "envoy's", "there'd" are the words before it. */
const CLITIC = /['’](?:s|d|ll|re|ve|m|t)$/u;

/** The known index terms WordNet relates to a question word, strongest first. */
function relatedTerms(raw: string, term: string, state: SearchState, cap: number): RelatedTerm[] {
  const out = new Map<string, number>();
  for (const { lemma, relation } of wordNet().related(raw.toLowerCase())) {
    const analyzed = analyzeWord(lemma);
    if (!analyzed || analyzed.term === term || out.has(analyzed.term)) continue;
    const df = state.stats.text.get(analyzed.term) ?? 0;
    if (df === 0 || df > cap) continue;
    out.set(analyzed.term, relation === 'synonym' ? SYNONYM_MATCH : BROADER_NARROWER_MATCH);
    if (out.size >= MAX_RELATED) break;
  }
  return [...out].map(([t, strength]) => ({ term: t, strength }));
}

/**
 * A word no passage contains (after name-variant matching) may be a paraphrase ("travel" for
 * "visit") or the sign of another topic ("Australia"). It weighs as much as the average word of
 * the question that the knowledge does hold: so one missing word among several does not sink an
 * answer, while a question whose half is missing still falls below the abstention bar. A name no passage
 * holds, nor anything within a typo of it, keeps its full weight: no paraphrase stands in for a name, and
 * a name the knowledge never mentions ("China", "Japan") is the surest sign of another topic.
 */
function capUnknownWeights(terms: QueryTerm[], known: (t: QueryTerm) => boolean, unseen: number): void {
  const knownWeights = terms.filter(known).map((t) => t.weight);
  if (knownWeights.length === 0) return;
  // Never below half an unseen word's weight: beside only very common words ("… of Belarus"), the unknown
  // word is what the question is about.
  const cap = Math.max(knownWeights.reduce((a, b) => a + b, 0) / knownWeights.length, unseen * UNKNOWN_FLOOR);
  for (const t of terms)
    if (!known(t) && !(t.name && t.corrections.length === 0)) t.weight = Math.min(t.weight, cap);
}

export function planQuery(query: string, state: SearchState): QueryPlan {
  const { stats, mini } = state;
  const seen = new Set<string>();
  const cap = commonTermCap(stats.passages);
  const passages = Math.max(stats.passages, 1);
  const terms: QueryTerm[] = [];
  const question = memberQuestion(query);
  const tokens = analyze(question, state.aliases);
  // The question's first word is capitalised whatever it is, stop word or not.
  const first = question.search(FIRST_WORD);
  const read = tokens.map((token) => {
    const word = token.raw.toLowerCase().replace(CLITIC, '');
    const senses = NUMBER.test(token.raw) ? null : wordNet().lookUp(word);
    const commonNoun = !!senses?.known && !senses.properNoun;
    // An acronym the dictionary has as a common word ("TV") is no name.
    const name =
      (token.start > first && CAPITALISED.test(token.raw) && !ACRONYM.test(token.raw)) ||
      (ACRONYM.test(token.raw) && !commonNoun) ||
      !!senses?.properNoun;
    return { token, word, senses, name, commonNoun };
  });
  const names = requiredNames(question, read);
  for (const { token, word, senses, name } of read) {
    if (seen.has(token.term)) continue;
    seen.add(token.term);
    const df = stats.text.get(token.term) ?? 0;
    const keyDf = token.key ? (stats.keys.get(token.key) ?? 0) : 0;
    const unknown = df === 0 && keyDf === 0;
    const corrections = unknown
      ? correctionsFor(mini, token.term, typoAllowance(token.term), stats.text)
      : [];
    const keyCorrections =
      unknown && token.key !== null && token.key.length >= FUZZY_KEY_MIN
        ? correctionsFor(mini, token.key, 1, stats.keys)
        : [];
    // A typo takes the weight of the word it stands for; an unseen spelling of a name, the name's.
    const effectiveDf =
      df || keyDf || (corrections[0]?.documentFrequency ?? keyCorrections[0]?.documentFrequency ?? 0);
    terms.push({
      term: token.term,
      word: token.raw.toLowerCase(),
      written: token.raw,
      key: token.key,
      weight: idf(effectiveDf, passages),
      probe: df > 0 && df <= cap,
      probeKey: token.key !== null && keyDf > df && keyDf <= cap,
      corrections: corrections.filter((c) => c.documentFrequency <= cap).map((c) => c.term),
      keyCorrections: keyCorrections.filter((c) => c.documentFrequency <= cap).map((c) => c.term),
      name,
      subject:
        names.has(token.term) ||
        (unknown &&
          senses !== null &&
          !senses.known &&
          !hasCyrillic(token.raw) &&
          wordSimilarity().indexOf(word) < 0 &&
          corrections.length === 0 &&
          keyCorrections.length === 0 &&
          // Nothing the knowledge holds is within two typing errors of it either.
          correctionsFor(mini, token.term, NEAR_TYPO, stats.text).length === 0),
      unknown,
      related: name || NUMBER.test(token.raw) ? [] : relatedTerms(token.raw, token.term, state, cap),
    });
  }
  // A related word that is itself one of the question's words matches as that word, not as a stand-in.
  for (const t of terms) t.related = t.related.filter((r) => !seen.has(r.term));
  // A word correction is a guess ("enter" may be meant, not "center"): it keeps an unknown word's weight.
  const known = (t: QueryTerm) => !t.unknown || t.keyCorrections.length > 0;
  const unknownWeight = idf(0, passages);
  capUnknownWeights(terms, known, unknownWeight);
  const probed = terms.some(
    (t) => t.probe || t.probeKey || t.corrections.length > 0 || t.keyCorrections.length > 0,
  );
  // Every known word is very common: candidates come from their intersection (conjunctiveProbe).
  const common = !probed && terms.some((t) => (stats.text.get(t.term) ?? 0) > 0);
  return {
    terms,
    unknownWeight,
    asked: askedType(question),
    questionWords: new Set(question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
    common,
    time: questionTime(question),
  };
}
