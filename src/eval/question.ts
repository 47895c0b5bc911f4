export type EvalQuestion =
  | { id: string; q: string; expect: string[]; answerable?: true }
  | { id: string; q: string; answerable: false };

export function isAnswerable(q: EvalQuestion): q is Extract<EvalQuestion, { expect: string[] }> {
  return q.answerable !== false && 'expect' in q;
}

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
    const q = value as Partial<EvalQuestion> & { expect?: unknown };
    if (typeof q.id !== 'string' || typeof q.q !== 'string')
      throw new Error(`line ${i + 1}: needs "id" and "q"`);
    const answerable = q.answerable !== false;
    if (
      answerable &&
      !(Array.isArray(q.expect) && q.expect.every((e) => typeof e === 'string') && q.expect.length > 0)
    )
      throw new Error(`line ${i + 1}: an answerable question needs "expect": [phrases]`);
    questions.push(q as EvalQuestion);
  });
  return questions;
}
