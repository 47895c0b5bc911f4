import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../src/engine/engine.js';
import { parseQuestions } from '../src/eval/question.js';
import { formatScores, runEval } from '../src/eval/runEval.js';
import { BUNDLED_KNOWLEDGE } from './helpers/tempKnowledge.js';

test('the bundled knowledge meets the quality bar on the public questions', async () => {
  const questions = parseQuestions(
    await readFile(join(import.meta.dirname, '..', 'eval', 'questions.jsonl'), 'utf8'),
  );
  const engine = await Engine.open({
    knowledgeDir: BUNDLED_KNOWLEDGE,
    dataDir: '/nonexistent',
    persist: false,
  });
  const scores = runEval(engine, questions);
  const report = formatScores(scores);
  assert.ok(scores.hitAt1 >= 0.9, report);
  assert.ok(scores.hitAt3 >= 0.95, report);
  assert.ok(scores.mrrAt5 >= 0.92, report);
  assert.ok(scores.quoteAt3 >= 0.9, report);
  assert.equal(scores.abstained, scores.unanswerable, report);
  assert.equal(scores.unanswerable, 4);
  assert.equal(scores.falseAbstentions, 0, report);
});
