import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { BUNDLED_KNOWLEDGE } from '../../harness/tempKnowledge.js';
import { Engine } from '../../src/engine/engine.js';
import { parseQuestions } from '../../src/eval/question.js';
import { formatScores, runEval } from '../../src/eval/runEval.js';
import type { EvalScores } from '../../src/eval/scoreAnswers.js';

let engine: Engine;

before(async () => {
  engine = await Engine.open({ knowledgeDir: BUNDLED_KNOWLEDGE, dataDir: '/nonexistent', persist: false });
});

async function scores(file: string): Promise<{ s: EvalScores; report: string }> {
  const questions = parseQuestions(
    await readFile(join(import.meta.dirname, '..', '..', 'eval', file), 'utf8'),
  );
  const s = runEval(engine.knowledge, questions);
  return { s, report: formatScores(s) };
}

test('public questions: no regression (hit@1 ≥ 0.95, every unanswerable one abstained)', async () => {
  const { s, report } = await scores('questions.jsonl');
  assert.ok(s.hitAt1 >= 0.95, report);
  assert.ok(s.hitAt3 >= 0.95, report);
  assert.ok(s.quoteAt3 >= 0.9, report);
  assert.equal(s.unanswerable, 4);
  assert.equal(s.abstained, s.unanswerable, report);
  assert.equal(s.falseAbstentions, 0, report);
});

test('paraphrased questions: hit@1 ≥ 0.65, at most 5 false "not found", 8 of 10 abstained', async () => {
  const { s, report } = await scores('paraphrase.jsonl');
  assert.ok(s.hitAt1 >= 0.65, report);
  assert.ok(s.hitAt3 >= 0.75, report);
  assert.ok(s.falseAbstentions <= 5, report);
  assert.ok(s.abstained >= 8, report);
});

test('held-out questions as members type them (chat, mentions, Cyrillic names, typos) keep their bar', async () => {
  const dev = await scores('dev-questions.jsonl');
  assert.ok(dev.s.hitAt1 >= 0.8, dev.report);
  assert.ok(dev.s.hitAt3 >= 0.9, dev.report);
  assert.ok(dev.s.abstained >= 7, dev.report);
  const member = await scores('member-questions.jsonl');
  assert.ok(member.s.hitAt1 >= 0.7, member.report);
  assert.ok(member.s.hitAt3 >= 0.78, member.report);
  assert.ok(member.s.falseAbstentions <= 8, member.report);
  assert.ok(member.s.abstained >= 12, member.report);
});
