import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { built } from '../../harness/built.js';
import { runCliInProcess } from '../../harness/cliInProcess.js';
import { ROOT } from '../../harness/runCliScript.js';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { askCli } from '../../src/cli/askCli.js';
import { evalCli } from '../../src/cli/evalCli.js';
import { reindexCli } from '../../src/cli/reindexCli.js';
import { Engine } from '../../src/engine/engine.js';
import { INDEX_LOCK } from '../../src/engine/indexLock.js';
import { readPointer } from '../../src/indexStore/indexPointer.js';
import { acquireLock } from '../../src/indexStore/processLock.js';
import { cliScripts, everyCli, runEveryCli } from '../helpers/allClis.js';
import { CRASH_DOCUMENT } from '../helpers/crashWorkspace.js';

let env: Record<string, string>;
let cleanup: () => Promise<void>;

before(async () => {
  const ws = await tempWorkspace();
  env = { KNOWLEDGE_DIR: ws.knowledgeDir, DATA_DIR: ws.dataDir };
  cleanup = ws.cleanup;
});
after(() => cleanup());

test('ask --json prints the contract: query, answered, outlets, ranked citations with sources', async () => {
  const { code, stdout } = await runCliInProcess(
    askCli,
    ['--json', 'Did Russia offer Lukashenko military help?'],
    { env },
  );
  assert.equal(code, 0);
  const answer = JSON.parse(stdout);
  assert.equal(answer.query, 'Did Russia offer Lukashenko military help?');
  assert.equal(answer.answered, true);
  assert.ok(answer.outlets >= 1);
  assert.ok(answer.citations.length >= 1 && answer.citations.length <= 3);
  answer.citations.forEach((c: Record<string, unknown>, i: number) => {
    assert.deepEqual(Object.keys(c).sort(), [
      'documentId',
      'passageId',
      'quote',
      'rank',
      'score',
      'source',
      'text',
    ]);
    assert.equal(c.rank, i + 1);
    assert.deepEqual(Object.keys(c.source as object).sort(), [
      'author',
      'outlet',
      'published',
      'publishedInferred',
      'title',
      'url',
    ]);
    const quote = String(c.quote).replace(/^… |\s…$/g, '');
    assert.ok(String(c.text).includes(quote), 'the quote is verbatim from the passage');
  });
});

test('ask without --json prints a readable answer with its source', async () => {
  const { code, stdout } = await runCliInProcess(askCli, ['What did the OSCE chair offer?'], { env });
  assert.equal(code, 0);
  assert.match(stdout, /\[1\] “/);
  assert.match(stdout, /OSCE chair's offer to facilitate dialogue/);
  assert.match(stdout, /— .*GlobalSecurity/);
});

test('ask --json reads one question a line from stdin and answers each on its own line', async () => {
  const input = 'What did the OSCE chair offer?\n\nrecipe for chocolate chip cookies\n';
  const { code, stdout } = await runCliInProcess(askCli, ['--json', '--limit', '5'], { env, input });
  assert.equal(code, 0);
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].answered, true);
  assert.equal(lines[1].answered, false);
  assert.deepEqual(lines[1].citations, []);
  // Nothing in the knowledge shares a word with cookies: no topic is offered as if it were close.
  assert.deepEqual(lines[1].suggestions, []);
});

test('usage errors exit 2 with a clear message', async () => {
  const empty = await runCliInProcess(askCli, ['   '], { env });
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /question is empty/);
  const badLimit = await runCliInProcess(askCli, ['--limit', '50', 'Belarus'], { env });
  assert.equal(badLimit.code, 2);
  assert.match(badLimit.stderr, /--limit takes a whole number from 1 to 10/);
  const noInput = await runCliInProcess(askCli, ['--json'], { env, input: '' });
  assert.equal(noInput.code, 2);
});

test('ask --timeline lists the dated passages on a topic oldest first, a page at a time, as text and JSON', async () => {
  const first = await runCliInProcess(askCli, ['--timeline', '--json', '--limit', '4', 'Lukashenko'], {
    env,
  });
  assert.equal(first.code, 0, first.stderr);
  const page = JSON.parse(first.stdout);
  assert.deepEqual(Object.keys(page).sort(), ['items', 'offset', 'topic', 'total']);
  assert.equal(page.topic, 'Lukashenko');
  assert.equal(page.offset, 0);
  assert.ok(page.total > 4, `more than one page: ${page.total}`);
  assert.equal(page.items.length, 4);
  const second = JSON.parse(
    (
      await runCliInProcess(askCli, ['--timeline', '--json', '--limit', '4', '--page', '2', 'Lukashenko'], {
        env,
      })
    ).stdout,
  );
  assert.equal(second.offset, 4);
  const items = [...page.items, ...second.items];
  assert.deepEqual(
    items.map((c: { rank: number }) => c.rank),
    items.map((_: unknown, i: number) => i + 1),
  );
  const dates = items.map((c: { source: { published: string | null } }) => c.source.published);
  for (const d of dates) assert.match(d ?? '', /^\d{4}-\d{2}-\d{2}$/, 'every item is dated');
  assert.deepEqual(dates, [...dates].sort(), 'oldest first');
  assert.equal(new Set(items.map((c: { passageId: string }) => c.passageId)).size, items.length);

  const text = await runCliInProcess(askCli, ['--timeline', '--limit', '4', 'Lukashenko'], { env });
  assert.equal(text.code, 0);
  const pages = Math.ceil(page.total / 4);
  assert.match(
    text.stdout,
    new RegExp(
      `^Timeline of "Lukashenko": ${page.total} dated passage\\(s\\), oldest first, page 1 of ${pages}`,
    ),
  );
  assert.match(text.stdout, /\(next: --page 2\)/);
  const past = await runCliInProcess(
    askCli,
    ['--timeline', '--limit', '4', '--page', String(pages + 1), 'Lukashenko'],
    { env },
  );
  assert.equal(past.code, 2);
  assert.match(past.stderr, new RegExp(`the timeline has ${pages} page`));

  const none = await runCliInProcess(askCli, ['--timeline', 'Warsaw zoo'], { env });
  assert.equal(none.code, 0);
  assert.match(none.stdout, /^No dated passage in the knowledge is about "Warsaw zoo"/);
  const noTopic = await runCliInProcess(askCli, ['--timeline'], { env, input: 'Lukashenko\n' });
  assert.equal(noTopic.code, 2);
  assert.match(noTopic.stderr, /give a topic for --timeline/);
  const stray = await runCliInProcess(askCli, ['--page', '2', 'Lukashenko'], { env });
  assert.equal(stray.code, 2);
  assert.match(stray.stderr, /--page goes with --timeline/);
});

test('a question over 1000 characters is cut with a notice', async () => {
  const long = `Who is going to visit Russia and Lithuania? ${'belarus '.repeat(200)}`;
  const { code, stdout, stderr } = await runCliInProcess(askCli, ['--json', long], { env });
  assert.equal(code, 0);
  assert.match(stderr, /cut to its first 1000 characters/);
  const answer = JSON.parse(stdout);
  assert.equal(answer.truncated, true);
  assert.equal(answer.query.length, 1000);
});

test('a wrong LOG_LEVEL is a configuration error naming the variable', async () => {
  const { code, stderr } = await runCliInProcess(askCli, ['Belarus'], {
    env: { ...env, LOG_LEVEL: 'loud' },
  });
  assert.equal(code, 2);
  assert.match(stderr, /LOG_LEVEL must be one of/);
});

test('reindex reports what changed and eval prints the scores', async () => {
  const reindex = await runCliInProcess(reindexCli, ['--full'], { env });
  assert.equal(reindex.code, 0, reindex.stderr);
  assert.match(reindex.stdout, /full reindex in \d+ ms: 5 documents, passages \d+ → \d+/);
  const out = join(env.DATA_DIR ?? '', 'eval.json');
  const evaluation = await runCliInProcess(
    evalCli,
    ['eval/questions.jsonl', 'eval/paraphrase.jsonl', '--json', '--out', out],
    { env },
  );
  assert.equal(evaluation.code, 0, evaluation.stderr);
  const report = JSON.parse(evaluation.stdout);
  assert.deepEqual(
    report.results.map((r: { file: string }) => r.file),
    ['eval/questions.jsonl', 'eval/paraphrase.jsonl'],
  );
  const [publicSet, paraphrase] = report.results;
  assert.equal(publicSet.ours.answerable + publicSet.ours.unanswerable, 24);
  assert.equal(paraphrase.baseline.answerable + paraphrase.baseline.unanswerable, 46);
  // The baseline never abstains on a question that shares a word with some passage.
  assert.equal(paraphrase.baseline.falseAbstentions, 0);
  assert.deepEqual(JSON.parse(await readFile(out, 'utf8')), report);
});

test('reindex and rollback while another process writes the index: one clear line, exit 1, nothing changed', async () => {
  const pointer = await readPointer(env.DATA_DIR ?? '');
  const held = await acquireLock(join(env.DATA_DIR ?? '', INDEX_LOCK), 'reindex');
  try {
    for (const args of [['--full'], ['--rollback']]) {
      const result = await runCliInProcess(reindexCli, args, { env });
      assert.equal(result.code, 1, result.stderr);
      assert.equal(
        result.stderr.trim(),
        `error: another process is writing the index (pid ${process.pid}, reindex, since ${held.holder.since}); nothing was changed`,
      );
    }
  } finally {
    await held.release();
  }
  assert.deepEqual(await readPointer(env.DATA_DIR ?? ''), pointer);
});

test('rollback with no earlier index says so and exits 1; usage errors exit 2', async () => {
  const fresh = await tempWorkspace();
  try {
    const freshEnv = { KNOWLEDGE_DIR: fresh.knowledgeDir, DATA_DIR: fresh.dataDir };
    const result = await runCliInProcess(reindexCli, ['--rollback'], { env: freshEnv });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: there is no previous index to go back to; nothing was changed$/m);
    const both = await runCliInProcess(reindexCli, ['--full', '--rollback'], { env: freshEnv });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--full and --rollback cannot go together/);
  } finally {
    await fresh.cleanup();
  }
});

test('a missing knowledge folder is one line and exit 2: reindex, and ask with no saved index', async (t) => {
  const fresh = await tempWorkspace();
  t.after(() => fresh.cleanup());
  const missingEnv = { KNOWLEDGE_DIR: join(fresh.root, 'unmounted'), DATA_DIR: fresh.dataDir };
  for (const [script, args] of [
    [reindexCli, []],
    [askCli, ['Belarus']],
  ] as const) {
    const result = await runCliInProcess(script, [...args], { env: missingEnv });
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(
      result.stderr,
      /^error: knowledge folder .*unmounted does not exist \(ENOENT\); set KNOWLEDGE_DIR/,
    );
  }
});

test('ask reads the saved index: nothing written, and one line on stderr when the folder changed since', async () => {
  const dataDir = env.DATA_DIR ?? '';
  const knowledgeDir = env.KNOWLEDGE_DIR ?? '';
  await Engine.open({ knowledgeDir, dataDir });
  const added = join(knowledgeDir, 'turnips.md');
  await writeFile(added, CRASH_DOCUMENT);
  try {
    const pointer = await readPointer(dataDir);
    const files = await readdir(dataDir, { recursive: true });
    const { code, stdout, stderr } = await runCliInProcess(askCli, ['--json', 'zeppelin festival turnips'], {
      env,
    });
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout).answered, false, 'answered from the saved index');
    assert.deepEqual(stderr.trim().split('\n'), [
      'note: the knowledge folder changed since the saved index was built (1 added); answers come from the saved index. Run `npm run reindex` to update it, or add --sync.',
    ]);
    assert.deepEqual(await readPointer(dataDir), pointer);
    assert.deepEqual(await readdir(dataDir, { recursive: true }), files);
  } finally {
    await rm(added);
  }
});

test('--help prints the usage and exits 0, for every command-line tool started as npm runs it', async () => {
  const scripts = cliScripts();
  assert.ok(scripts.size >= 7);
  const { code, stdout, stderr } = await runEveryCli(['--help'], { env });
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
  for (const name of scripts.keys())
    assert.match(stdout, new RegExp(`^usage: npm run ${name}\\b`, 'm'), name);
});

test('-h prints the same usage, for every command-line tool', async () => {
  const clis = await everyCli();
  assert.deepEqual([...clis.keys()], [...cliScripts().keys()]);
  for (const [name, cli] of clis) {
    const { code, stdout, stderr } = await runCliInProcess(cli, ['-h'], { env });
    assert.deepEqual([code, stderr], [0, ''], name);
    assert.match(stdout, new RegExp(`^usage: npm run ${name}\\b`), name);
  }
});

test('npm run reindex | head: a reader that goes away ends the command quietly', async () => {
  const child = spawn(process.execPath, [built('src/cli/reindexCli.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader is gone before the report is written.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = await once(child, 'close');
  clearTimeout(timer);
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
