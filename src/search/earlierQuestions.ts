/**
 * Earlier questions worth offering beside a "not found": those that share the most content words with the
 * question (at least one), most shared first, then most recent. Their answers are known to exist.
 */

import type { AliasTable } from '../text/aliases.js';
import { analyze } from '../text/analyze.js';
import { memberQuestion } from '../text/memberQuestion.js';

function termsOf(question: string, aliases: AliasTable): Set<string> {
  return new Set(analyze(memberQuestion(question), aliases).map((t) => t.term));
}

/** `earlier` most recent first; at most `limit` of them, never the question itself. */
export function relatedEarlierQuestions(
  question: string,
  earlier: readonly string[],
  aliases: AliasTable,
  limit = 3,
): string[] {
  const wanted = termsOf(question, aliases);
  if (wanted.size === 0) return [];
  const own = question.trim().toLowerCase();
  return earlier
    .map((q, recency) => {
      let shared = 0;
      for (const t of termsOf(q, aliases)) if (wanted.has(t)) shared++;
      return { q, shared, recency };
    })
    .filter((e) => e.shared > 0 && e.q.trim().toLowerCase() !== own)
    .sort((a, b) => b.shared - a.shared || a.recency - b.recency)
    .slice(0, limit)
    .map((e) => e.q);
}
