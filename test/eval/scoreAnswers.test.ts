import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCliInProcess } from '../../harness/cliInProcess.js';
import { evalCli } from '../../src/cli/evalCli.js';
import { parseQuestions } from '../../src/eval/question.js';
import { scoreAnswers } from '../../src/eval/scoreAnswers.js';

const cited = (...texts: string[]) => ({ citations: texts.map((text) => ({ text, quote: text })) });

test('a question whose reports differ counts when every side is among the first three citations', () => {
  const [question] = parseQuestions(
    '{"id":"d1","q":"How many marched?","expectAll":["12,000 marched","2,500 took part"]}',
  );
  assert.ok(question);
  const both = scoreAnswers([
    { question, answer: cited('About 12,000 marched.', 'Police: 2,500 took part.') },
  ]);
  assert.deepEqual([both.sides, both.allSidesAt3, both.hitAt1, both.misses.length], [1, 1, 1, 0]);
  const one = scoreAnswers([
    { question, answer: cited('About 12,000 marched.', 'Unrelated.', 'Also unrelated.') },
  ]);
  assert.deepEqual([one.sides, one.allSidesAt3, one.hitAt1], [1, 0, 1], 'one side is still an answer');
  assert.match(one.misses[0]?.problem ?? '', /not every side/);
  const none = scoreAnswers([{ question, answer: cited() }]);
  assert.deepEqual([none.sides, none.allSidesAt3, none.falseAbstentions], [1, 0, 1]);
});

test('a question needs "expect" or "expectAll" phrases unless it is unanswerable', () => {
  assert.throws(
    () => parseQuestions('{"id":"x","q":"?","expectAll":[]}'),
    /line 1: .*"expect" or "expectAll"/,
  );
  assert.equal(parseQuestions('{"id":"x","q":"?","answerable":false}').length, 1);
});

test('eval --with scores questions over the knowledge and extra documents together, saving nothing', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'crisis-desk-with-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const extra = join(root, 'extra');
  const data = join(root, 'data');
  await writeFile(
    join(root, 'q.jsonl'),
    '{"id":"w1","q":"Where did the Vitebsk glassworks move?","expect":["moved to Orsha"]}\n',
  );
  await mkdir(extra);
  await writeFile(
    join(extra, 'glassworks.md'),
    `---\ntitle: "Vitebsk glassworks moves"\n---\nThe Vitebsk glassworks moved to Orsha on Monday, its director told reporters after the vote.\n\n${'Its furnaces were carried east on lorries over the weekend, the director said. '.repeat(8)}\n`,
  );
  const env = { KNOWLEDGE_DIR: join(process.cwd(), 'knowledge'), DATA_DIR: data };
  const run = await runCliInProcess(
    evalCli,
    ['--json', '--with', extra, '--out', join(root, 'out.json'), join(root, 'q.jsonl')],
    { env },
  );
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.knowledge.documents, 6);
  assert.equal(report.results[0].ours.hitAt1, 1);
  const clash = await runCliInProcess(
    evalCli,
    ['--with', join(process.cwd(), 'knowledge'), join(root, 'q.jsonl')],
    { env },
  );
  assert.equal(clash.code, 2);
  assert.match(clash.stderr, /cannot add .*knowledge/);
  await assert.rejects(readdir(data), /ENOENT/, 'nothing saved');
});
