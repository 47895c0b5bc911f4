export type EvalQuestion =
  | { id: string; q: string; expect: string[]; answerable?: true }
  /** Reports that differ: a right answer cites every side (each phrase) among its first three citations. */
  | { id: string; q: string; expectAll: string[]; answerable?: true }
  | { id: string; q: string; answerable: false };

export type AnswerableQuestion = Exclude<EvalQuestion, { answerable: false }>;

export function isAnswerable(q: EvalQuestion): q is AnswerableQuestion {
  return q.answerable !== false && ('expect' in q || 'expectAll' in q);
}

/** The phrases any of which makes a citation an answer. */
export function answerPhrases(q: AnswerableQuestion): string[] {
  return 'expectAll' in q ? q.expectAll : q.expect;
}

const isPhrases = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((e) => typeof e === 'string');

/** Parses a questions file (JSON lines), naming the line of any malformed entry. */
export function parseQuestions(source: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  source.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not JSON`);
    }
    const q = value as {
      id?: unknown;
      q?: unknown;
      answerable?: unknown;
      expect?: unknown;
      expectAll?: unknown;
    };
    if (typeof q.id !== 'string' || typeof q.q !== 'string')
      throw new Error(`line ${i + 1}: needs "id" and "q"`);
    const answerable = q.answerable !== false;
    if (answerable && !isPhrases(q.expect) && !isPhrases(q.expectAll))
      throw new Error(`line ${i + 1}: an answerable question needs "expect" or "expectAll": [phrases]`);
    questions.push(q as EvalQuestion);
  });
  return questions;
}
