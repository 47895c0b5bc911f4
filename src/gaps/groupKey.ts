import { askedType } from '../search/answerType.js';
import { BUILT_IN_ALIASES } from '../text/aliasTable.js';
import { analyze } from '../text/analyze.js';
import { foldText } from '../text/fold.js';
import { memberQuestion } from '../text/memberQuestion.js';
import { nameKey } from '../text/nameKey.js';

/**
 * What groups near-duplicate unanswered questions: the question through the search pipeline
 * (mentions and chat filler out, folding, stop words, stemming, Cyrillic transliterated, one
 * skeleton for a name's spellings,
 * whatever its case), its terms once each in sorted order, so case, punctuation,
 * word order and plurals do not split a group. The kind of answer asked (a date, a number, a name)
 * stays in the key: "when" and "how many" about one topic are different questions.
 * Built-in aliases only: a moderator's aliases.txt changes, and keys must not.
 */
export function gapGroupKey(question: string): string {
  const plain = memberQuestion(question);
  const terms = new Set(analyze(plain, BUILT_IN_ALIASES).map((t) => nameKey(t.term) ?? t.term));
  const kind = askedType(plain) ?? 'any';
  if (terms.size === 0)
    return `${kind}:~${foldText(plain)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()}`;
  return `${kind}:${[...terms].sort().join(' ')}`;
}
