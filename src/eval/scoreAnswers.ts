import { answerPhrases, type EvalQuestion, isAnswerable } from './question.js';

export interface Miss {
  id: string;
  q: string;
  problem: string;
}

export interface EvalScores {
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  hitAt3: number;
  mrrAt5: number;
  quoteAt3: number;
  abstained: number;
  falseAbstentions: number;
  /** Answerable questions answered with citations of which none of the first three holds the answer. */
  wrongAnswers: number;
  /** Questions whose reports differ (expectAll), and of those, the ones with every side in the first three. */
  sides: number;
  allSidesAt3: number;
  misses: Miss[];
}

/** What scoring needs of an answer: its citations in rank order, each with its passage and displayed quote. */
export interface ScoredAnswer {
  citations: readonly { text: string; quote: string }[];
}

/** Lower case, straight quotes, single spaces: how eval/README.md compares phrases. */
export function normalizeForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function containsAny(text: string, phrases: string[]): boolean {
  const haystack = normalizeForMatch(text);
  return phrases.some((p) => haystack.includes(normalizeForMatch(p)));
}

/** n as a share of `of`, to three decimals (0 of nothing is 0). */
export function shareOf(n: number, of: number): number {
  return of === 0 ? 0 : Math.round((n / of) * 1000) / 1000;
}

/** Scores answers (with at least 5 citations asked for) as eval/README.md defines. */
export function scoreAnswers(items: { question: EvalQuestion; answer: ScoredAnswer }[]): EvalScores {
  let answerable = 0;
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  let quote3 = 0;
  let unanswerable = 0;
  let abstained = 0;
  let falseAbstentions = 0;
  let wrongAnswers = 0;
  let sides = 0;
  let allSidesAt3 = 0;
  const misses: Miss[] = [];
  for (const { question, answer } of items) {
    const citations = answer.citations;
    if (!isAnswerable(question)) {
      unanswerable++;
      if (citations.length === 0) abstained++;
      else
        misses.push({
          id: question.id,
          q: question.q,
          problem: `cited ${citations.length} passage(s) for an unanswerable question`,
        });
      continue;
    }
    answerable++;
    if (citations.length === 0) {
      if ('expectAll' in question) sides++;
      falseAbstentions++;
      misses.push({ id: question.id, q: question.q, problem: 'abstained' });
      continue;
    }
    const expect = answerPhrases(question);
    if ('expectAll' in question) {
      sides++;
      const top = citations.slice(0, 3);
      if (expect.every((phrase) => top.some((c) => containsAny(c.text, [phrase])))) allSidesAt3++;
      else misses.push({ id: question.id, q: question.q, problem: 'not every side in the first three' });
    }
    const rank = citations.slice(0, 5).findIndex((c) => containsAny(c.text, expect)) + 1;
    if (rank === 1) hit1++;
    if (rank >= 1 && rank <= 3) hit3++;
    if (rank >= 1) rr += 1 / rank;
    if (rank === 0 || rank > 3) wrongAnswers++;
    const quoted = citations.slice(0, 3).some((c) => containsAny(c.quote, expect));
    if (quoted) quote3++;
    if (rank !== 1)
      misses.push({
        id: question.id,
        q: question.q,
        problem: rank === 0 ? 'no answering passage in the top 5' : `first answering passage at rank ${rank}`,
      });
    else if (!quoted)
      misses.push({
        id: question.id,
        q: question.q,
        problem: 'the answering phrase is not in the displayed quote',
      });
  }
  const share = (n: number) => shareOf(n, answerable);
  return {
    answerable,
    unanswerable,
    hitAt1: share(hit1),
    hitAt3: share(hit3),
    mrrAt5: share(rr),
    quoteAt3: share(quote3),
    abstained,
    falseAbstentions,
    wrongAnswers,
    sides,
    allSidesAt3,
    misses,
  };
}
