/**
 * Nothing a knowledge file carries reaches a terminal as a control sequence: escape sequences and bidi
 * overrides in front matter, text, file names and skip reasons are shown as spaces by every command
 * that prints for a person, and kept as data in JSON.
 */

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCliInProcess } from '../../harness/cliInProcess.js';
import { runCliScript } from '../../harness/runCliScript.js';
import { tempWorkspace } from '../../harness/tempKnowledge.js';
import { askCli } from '../../src/cli/askCli.js';
import { ANSI, formatAnswerText } from '../../src/cli/formatAnswerText.js';
import { reindexCli } from '../../src/cli/reindexCli.js';
import { validateKnowledgeCli } from '../../src/cli/validateKnowledgeCli.js';
import { describeRollback } from '../../src/engine/rollbackReport.js';
import type { Answer } from '../../src/types.js';
import { forTerminal } from '../../src/util/forTerminal.js';

const ESC = '\u001b';
const RLO = '\u202e';
/** What a terminal would act on: C0 but tab and newline, DEL, C1, bidi controls. */
const UNSAFE = /[^\P{Cc}\t\n]|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const SENTENCE = `The Vitebsk tram depot went on strike ${ESC}[2J on Monday morning ${RLO}over unpaid wages.`;
const HOSTILE = [
  '---',
  // YAML escapes in a double-quoted value: \e is ESC, \a is BEL (an OSC sequence retitles the window).
  'title: "\\e]0;pwned\\a Vitebsk tram depot strike"',
  'outlet: "Example \\u202eNews"',
  '---',
  `${SENTENCE} Workers said the depot had not paid them since August and that the trams would stay in the depot until it did.`,
  '',
].join('\n');
const BAD_NAME = `evil-${ESC}]0;owned${'\u0007'}-name.md`;
const BAD_CONTENT = `---\n${ESC}[2Jnot a key\n---\nText.\n`;

let env: Record<string, string>;
let cleanup: () => Promise<void>;

before(async () => {
  const ws = await tempWorkspace();
  env = { KNOWLEDGE_DIR: ws.knowledgeDir, DATA_DIR: ws.dataDir };
  cleanup = ws.cleanup;
  await writeFile(join(ws.knowledgeDir, 'vitebsk-tram-strike.md'), HOSTILE);
  await writeFile(join(ws.knowledgeDir, BAD_NAME), BAD_CONTENT);
});
after(() => cleanup());

test('forTerminal turns control and bidi characters into spaces and keeps tabs and newlines', () => {
  assert.equal(forTerminal(`a${ESC}]0;x\u0007b\tc\nd${RLO}e\u0085f\u2066g\u200fh`), 'a ]0;x b\tc\nd e f g h');
  assert.equal(forTerminal(`a${ESC}[2Jb\tc\nd`, { oneLine: true }), 'a [2Jb c d');
  assert.equal(forTerminal('Lukashenka’s “talks” — ok'), 'Lukashenka’s “talks” — ok');
});

test('the readable answer keeps its own bold but no planted escape', () => {
  const quote = `tram ${ESC}[31mdepot${RLO} strike`;
  const answer: Answer = {
    query: 'tram strike',
    answered: true,
    outlets: 1,
    citations: [
      {
        rank: 1,
        passageId: 'p',
        documentId: 'd',
        text: quote,
        quote,
        highlights: [{ start: 0, end: 4 }],
        textHighlights: [],
        score: 1,
        source: {
          title: `${ESC}]0;pwned\u0007T\nitle`,
          outlet: null,
          outletClaim: null,
          author: null,
          published: null,
          publishedInferred: false,
          url: null,
        },
      },
    ],
    suggestions: [],
  };
  const out = formatAnswerText(answer, ANSI);
  assert.ok(out.includes(`${ESC}[1mtram${ESC}[22m  [31mdepot  strike`), JSON.stringify(out));
  assert.ok(out.includes(' ]0;pwned T itle — outlet unknown'), JSON.stringify(out));
  assert.doesNotMatch(out.replaceAll(`${ESC}[1m`, '').replaceAll(`${ESC}[22m`, ''), UNSAFE);
});

test('ask prints no control sequence from a document; --json keeps the quote as data', async () => {
  const text = await runCliInProcess(askCli, ['Why did the Vitebsk tram depot go on strike?'], { env });
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Vitebsk tram depot strike/);
  assert.match(text.stdout, /tram depot went on strike {2}\[2J on Monday/);
  assert.doesNotMatch(text.stdout, UNSAFE);

  const json = await runCliInProcess(askCli, ['--json', 'Why did the Vitebsk tram depot go on strike?'], {
    env,
  });
  assert.equal(json.code, 0, json.stderr);
  const citation = JSON.parse(json.stdout).citations[0];
  assert.ok(citation.quote.includes(`${ESC}[2J`) && citation.quote.includes(RLO), citation.quote);
  assert.equal(citation.source.title, `${ESC}]0;pwned\u0007 Vitebsk tram depot strike`);
});

test('validate-knowledge and reindex show file names and reasons without control sequences', async () => {
  const validate = await runCliInProcess(validateKnowledgeCli, [], { env });
  assert.equal(validate.code, 1);
  assert.match(validate.stdout, /SKIP evil- \]0;owned -name\.md: unreadable front matter/);
  assert.match(validate.stdout, /ok {3}vitebsk-tram-strike/);
  assert.doesNotMatch(validate.stdout, UNSAFE);

  const reindex = await runCliInProcess(reindexCli, ['--full'], { env });
  assert.equal(reindex.code, 0, reindex.stderr);
  assert.match(reindex.stdout, /! evil- \]0;owned -name\.md: unreadable front matter/);
  assert.doesNotMatch(reindex.stdout, UNSAFE);
});

test('an error line that echoes a configured folder name carries no control sequence', async () => {
  const missing = join(env.KNOWLEDGE_DIR ?? '', `gone-${ESC}[2J`);
  const result = await runCliInProcess(reindexCli, ['--full'], { env: { ...env, KNOWLEDGE_DIR: missing } });
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /gone- \[2J/);
  assert.doesNotMatch(result.stderr, UNSAFE);
});

/** Values a process may print back: an escape sequence, a bell and a newline that would fake a line. */
const FAKE_LINE = `${ESC}]0;x\u0007\n  - all`;

test("the bot's configuration and start-up errors show configured values on one line, without control sequences", async () => {
  const bot = {
    DISCORD_TOKEN: 'not-a-real-token',
    DISCORD_CLIENT_ID: '123456789012345678',
    DISCORD_API_URL: '',
  };
  const badLevel = await runCliScript('../bot/main.ts', [], {
    env: { ...env, ...bot, LOG_LEVEL: `a${ESC}]0;\u0007\nb` },
  });
  assert.equal(badLevel.code, 2, badLevel.stderr);
  assert.match(badLevel.stderr, /^configuration error: LOG_LEVEL must be one of .*\(got "a ]0; b"\)\n$/);
  assert.doesNotMatch(badLevel.stderr, UNSAFE);

  const missing = join(env.KNOWLEDGE_DIR ?? '', `gone${FAKE_LINE}`);
  const noFolder = await runCliScript('../bot/main.ts', [], {
    env: { ...env, ...bot, KNOWLEDGE_DIR: missing, DATA_DIR: join(env.DATA_DIR ?? '', 'none-saved') },
  });
  assert.equal(noFolder.code, 2, noFolder.stderr);
  assert.equal(noFolder.stderr.trim().split('\n').length, 1, noFolder.stderr);
  assert.match(noFolder.stderr, /could not start: knowledge folder .*gone \]0;x +- all does not exist/);
  assert.doesNotMatch(noFolder.stderr, UNSAFE);
});

test('a command-line error or notice that echoes a folder name stays on its one line', async () => {
  const missing = join(env.KNOWLEDGE_DIR ?? '', `gone${FAKE_LINE}`);
  const failed = await runCliInProcess(validateKnowledgeCli, [], {
    env: { ...env, KNOWLEDGE_DIR: missing },
  });
  assert.equal(failed.stdout.trim().split('\n').length, 1, failed.stdout);
  assert.doesNotMatch(failed.stdout, UNSAFE);
  const reindex = await runCliInProcess(reindexCli, [], { env: { ...env, KNOWLEDGE_DIR: missing } });
  assert.equal(reindex.code, 2);
  assert.equal(reindex.stderr.trim().split('\n').length, 1, reindex.stderr);

  // ask with a saved index (made by this reindex) and the folder gone: one notice line, then the answer.
  assert.equal((await runCliInProcess(reindexCli, [], { env })).code, 0);
  const asked = await runCliInProcess(askCli, ['Why did the Vitebsk tram depot go on strike?'], {
    env: { ...env, KNOWLEDGE_DIR: missing },
  });
  assert.equal(asked.code, 0, asked.stderr);
  assert.equal(asked.stderr.trim().split('\n').length, 1, asked.stderr);
  assert.match(asked.stderr, /^note: knowledge folder .*gone \]0;x +- all does not exist/);
  assert.doesNotMatch(asked.stderr, UNSAFE);
});

test('a newline in a file name cannot fake a line of the reindex or validate-knowledge report', async (t) => {
  const ws = await tempWorkspace();
  t.after(() => ws.cleanup());
  const own = { KNOWLEDGE_DIR: ws.knowledgeDir, DATA_DIR: ws.dataDir };
  const name = 'fake\n  - 2020-08-26-globalsecurity-senior-us-diplomat-aims-to-bridge-differences';
  await writeFile(join(ws.knowledgeDir, `${name}.md`), HOSTILE);
  await writeFile(join(ws.knowledgeDir, `bad\nSKIP everything.md`), BAD_CONTENT);

  const reindex = await runCliInProcess(reindexCli, [], { env: own });
  assert.equal(reindex.code, 0, reindex.stderr);
  const lines = reindex.stdout.split('\n');
  assert.ok(lines.includes(`  + ${name.replace('\n', ' ')}`), reindex.stdout);
  assert.deepEqual(
    lines.filter((l) => l.startsWith('  - ')),
    [],
    'nothing shows as removed',
  );
  assert.match(reindex.stdout, /^ {2}! bad SKIP everything\.md: /m);

  const validate = await runCliInProcess(validateKnowledgeCli, [], { env: own });
  const shown = validate.stdout.split('\n');
  assert.ok(
    shown.some((l) => l.startsWith(`ok   ${name.replace('\n', ' ')} |`)),
    validate.stdout,
  );
  assert.deepEqual(
    shown.filter((l) => l.startsWith('SKIP ')).map((l) => l.slice(0, 26)),
    ['SKIP bad SKIP everything.m'],
  );
  assert.ok(!shown.some((l) => l.startsWith('  - ')));
});

test('the rollback report shows each document on its own line, at most 20 of each kind', () => {
  const index = { generation: 'g', builtAt: '2026-01-01T00:00:00.000Z', documents: 1, passages: 1 };
  const added = ['fake\n  - everything', ...Array.from({ length: 29 }, (_, i) => `doc-${i}`)];
  const lines = describeRollback({ from: index, to: index, added, removed: [], changed: [], ms: 1 }).split(
    '\n',
  );
  assert.ok(lines.includes('  + fake   - everything'));
  assert.equal(lines.filter((l) => l.startsWith('  + ')).length, 20);
  assert.ok(lines.includes('  … and 10 more'));
  assert.ok(!lines.some((l) => l.startsWith('  - ')));
});
