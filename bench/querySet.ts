import { readFile } from 'node:fs/promises';
import { parseQuestions } from '../src/eval/question.js';
import { Rng } from '../src/util/prng.js';
import { keywordVariant, typoVariant } from './queryVariants.js';

export type QueryKind = 'question' | 'typo' | 'keywords' | 'keywords+typo';

export interface BenchQuery {
  query: string;
  kind: QueryKind;
}

/**
 * `count` queries: the questions themselves, then typo, keyword and keyword-with-typo variants of
 * them in turn. Deterministic for a seed; variants repeat only when no new one turns up.
 */
export function buildQuerySet(questions: readonly string[], count: number, seed: number): BenchQuery[] {
  if (questions.length === 0) throw new Error('no questions to vary');
  const rng = new Rng(seed).fork('queries');
  const out: BenchQuery[] = questions.slice(0, count).map((query) => ({ query, kind: 'question' }));
  const seen = new Set(out.map((q) => q.query));
  const kinds = ['typo', 'keywords', 'keywords+typo'] as const;
  for (let i = 0; out.length < count; i++) {
    const base = questions[i % questions.length]!;
    const kind = kinds[Math.floor(i / questions.length) % kinds.length]!;
    let query = '';
    // A few tries for a variant not yet in the set; a repeat is kept rather than looping on.
    for (let attempt = 0; attempt < 5; attempt++) {
      query =
        kind === 'typo'
          ? typoVariant(base, rng).query
          : kind === 'keywords'
            ? keywordVariant(base, rng)
            : typoVariant(keywordVariant(base, rng), rng).query;
      if (!seen.has(query)) break;
    }
    seen.add(query);
    out.push({ query, kind });
  }
  return out;
}

/** The question texts of an eval questions file. */
export async function readQuestions(file: string): Promise<string[]> {
  return parseQuestions(await readFile(file, 'utf8')).map((q) => q.q);
}
