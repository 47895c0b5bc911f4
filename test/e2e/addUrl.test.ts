import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { BotProcess } from '../../harness/botProcess.js';
import type { CommandOption, DiscordEmulator, Json } from '../../harness/emulator/index.js';
import type { AuditEntry } from '../../src/state/auditLog.js';
import { statePath } from '../../src/state/openState.js';
import { SqliteState } from '../../src/state/sqlite/sqliteState.js';
import { pathExists } from '../../src/util/pathExists.js';
import {
  articlePage,
  JS_SHELL_PAGE,
  listingPage,
  TRAM_META,
  TRAM_PARAGRAPHS,
} from '../helpers/articlePages.js';
import { buttonsOf, EPHEMERAL, NO_MENTIONS, view } from '../helpers/discordView.js';
import { type PageServer, startPageServer } from '../helpers/pageServer.js';
import { shareBot } from '../helpers/sharedBot.js';

let emu: DiscordEmulator;
let bot: BotProcess;
let server: PageServer;
/** What /tram serves: a test publishes a correction. */
let tramParagraphs: readonly string[] = TRAM_PARAGRAPHS;

const TRAM_FILE = 'grodno-tram-drivers-walk-out-over-unpaid-wages.md';
const TRAM_QUESTION = 'Why did the Grodno tram drivers walk out?';

const METRO_PARAGRAPHS = [
  'The Minsk metro closed six central stations on Sunday afternoon as columns of marchers approached Independence Square, the operator said in a short statement.',
  'Trains ran through the closed stations without stopping for more than three hours. Passengers were told to use buses, which were also diverted away from the centre.',
  'The operator gave no reason for the closures. It reopened the stations in the evening after the crowds had left the square.',
  'Commuters said the closures had become routine on Sundays since the election, and that the buses were packed by early afternoon.',
];

const METRO_META = `
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example/2020/09/minsk-metro">`;

before(async () => {
  server = await startPageServer({
    '/tram': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage({ head: TRAM_META, paragraphs: tramParagraphs }));
    },
    // The same article, without its canonical link, at another address.
    '/tram-copy': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage());
    },
    '/metro': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        articlePage({
          title: 'Minsk metro shuts central stations',
          head: METRO_META,
          paragraphs: METRO_PARAGRAPHS,
        }),
      );
    },
    '/world': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(listingPage());
    },
    '/app': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(JS_SHELL_PAGE);
    },
  });
});
after(() => server.close());

shareBot({ FETCH_ALLOW_PRIVATE: 'true', COOLDOWN_QUESTIONS: '100' }, (shared) => {
  ({ emu, bot } = shared);
});

const text = (m: Json | undefined) => {
  const v = view(m);
  return [v.content ?? '', ...(v.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)].join(
    '\n',
  );
};

const addUrl = (url: string, member = emu.members.moderator, extra: CommandOption[] = []) =>
  emu.chatInput('knowledge', [{ name: 'url', type: 3, value: url }, ...extra], {
    subcommand: 'add',
    member,
  });

/** The interaction's reply once it is final (the deferred reply edited into a preview or a refusal). */
async function finalReply(
  i: { id: string },
  pattern = /Article preview|Nothing was added|Sorry/,
): Promise<Json> {
  const [message] = await emu.waitForMessages(i, (ms) => ms.some((m) => pattern.test(text(m))), {
    timeoutMs: 20_000,
  });
  return message as Json;
}

const press = (message: Json, label: 'Add' | 'Cancel', member = emu.members.moderator) => {
  const button = buttonsOf(message).find((b) => b.label === label);
  assert.ok(button, `a ${label} button`);
  return emu.button(button.custom_id, message, { member });
};

/** The preview message as it stands after a button (updated in place, or answered anew). */
async function afterPress(i: { id: string }, pattern: RegExp): Promise<string> {
  const messages = await emu.waitForMessages(i, (ms) => ms.some((m) => pattern.test(text(m))), {
    timeoutMs: 20_000,
  });
  return messages.map(text).join('\n');
}

async function answer(question: string): Promise<string> {
  const cb = await emu.waitForCallback(
    emu.chatInput('ask', [{ name: 'question', type: 3, value: question }], { member: emu.members.plain }),
    { timeoutMs: 10_000 },
  );
  return text(cb.data as Json);
}

const knowledgeFiles = async () => (await readdir(bot.knowledgeDir)).sort();
const snapshots = async () =>
  (await pathExists(join(bot.dataDir, 'snapshots')))
    ? (await readdir(join(bot.dataDir, 'snapshots'))).sort()
    : [];

async function auditEntries(): Promise<AuditEntry[]> {
  const state = SqliteState.open({ path: statePath(bot.dataDir) });
  try {
    return await state.audit.recent(10);
  } finally {
    await state.close();
  }
}

test('add url: a private preview, nothing answered before Add; Add writes it, snapshots it, and it is answered at once', async (t) => {
  const before = await knowledgeFiles();
  const started = performance.now();
  const preview = await finalReply(addUrl(server.url('/tram')));
  const previewMs = performance.now() - started;
  const shown = view(preview);
  assert.equal(Number(shown.flags) & EPHEMERAL, EPHEMERAL, 'private');
  const body = text(preview);
  assert.match(body, /Article preview/);
  assert.match(body, /\*\*Title:\*\* Grodno tram drivers walk out over unpaid wages \*\(from the page\)\*/);
  // The page, on 127.0.0.1, claims to be Example News at https://news.example/…: neither is taken.
  assert.match(body, /\*\*Outlet:\*\* 127\.0\.0\.1 \(claims to be Example News\) \*\(from the page\)\*/);
  assert.match(body, /\*\*Date:\*\* 2020-09-14/);
  assert.ok(body.includes(`**URL:** ${server.url('/tram')} *(from the page)*`));
  assert.match(
    body,
    /\*\*Passages:\*\* \d+ \(\d+ words\) · as `grodno-tram-drivers-walk-out-over-unpaid-wages\.md`/,
  );
  assert.match(body, /^> The Grodno tram depot stopped all 14 routes/m);
  assert.deepEqual(
    buttonsOf(preview).map((b) => b.label),
    ['Add', 'Cancel'],
  );
  const edit = emu
    .requestsMatching((r) => r.method === 'PATCH')
    .map((r) => r.body as Json)
    .find((b) => /Article preview/.test(text(b)));
  assert.deepEqual(edit?.allowed_mentions, NO_MENTIONS);

  // Nothing is in the knowledge until Add.
  assert.deepEqual(await knowledgeFiles(), before);
  assert.deepEqual(await snapshots(), []);
  assert.match(await answer(TRAM_QUESTION), /^\s*Not found/);

  const added = await afterPress(press(preview, 'Add'), /Document added/);
  assert.match(added, new RegExp(`\`${TRAM_FILE.replaceAll('.', '\\.')}\``));
  assert.ok((await knowledgeFiles()).includes(TRAM_FILE));
  assert.deepEqual(await snapshots(), [
    'grodno-tram-drivers-walk-out-over-unpaid-wages.html',
    'grodno-tram-drivers-walk-out-over-unpaid-wages.json',
  ]);
  const answered = await answer(TRAM_QUESTION);
  assert.doesNotMatch(answered, /^\s*Not found/);
  assert.match(answered, /Grodno tram drivers walk out over unpaid wages/);

  const [audit] = await auditEntries();
  assert.equal(audit?.action, 'knowledge add url');
  assert.equal(audit?.diff.file, TRAM_FILE);
  const read = bot.logs.find((l) => l.msg === 'article read for a preview');
  t.diagnostic(
    `preview in ${Math.round(previewMs)} ms; fetch ${read?.fetchMs} ms, extraction ${read?.extractMs} ms`,
  );
});

test('Cancel leaves nothing behind, and Add after it says the preview expired', async () => {
  const before = await knowledgeFiles();
  const beforeSnapshots = await snapshots();
  const preview = await finalReply(addUrl(server.url('/metro')));
  assert.match(text(preview), /Minsk metro shuts central stations/);
  assert.match(await afterPress(press(preview, 'Cancel'), /Cancelled/), /nothing was added/);
  assert.equal(buttonsOf(emu.channelMessages().find((m) => m.id === preview.id)).length, 0);
  const late = await emu.waitForCallback(press(preview, 'Add'));
  assert.match(text(late.data as Json), /This preview expired.*nothing was added/);
  assert.deepEqual(await knowledgeFiles(), before);
  assert.deepEqual(await snapshots(), beforeSnapshots);
  assert.match(await answer('Why did the Minsk metro close central stations?'), /^\s*Not found/);
});

test('an article already in the knowledge is refused naming the document, by URL or by text', async () => {
  const before = await knowledgeFiles();
  for (const path of ['/tram', '/tram-copy']) {
    const refused = text(await finalReply(addUrl(server.url(path))));
    assert.match(refused, /^Nothing was added: /, path);
    assert.match(
      refused,
      /“Grodno tram drivers walk out over unpaid wages” \(`grodno-tram-drivers-walk-out-over-unpaid-wages\.md`\)/,
      path,
    );
  }
  // By its URL however written, refused before anything is fetched.
  const hits = server.hits.length;
  const canonical = text(await finalReply(addUrl(`${server.url('/tram')}/?utm_source=x`)));
  assert.match(canonical, /already in the knowledge with this URL/);
  assert.equal(server.hits.length, hits);
  assert.deepEqual(await knowledgeFiles(), before);
});

test('replace:true previews a corrected article as replacing the document with its URL; Add replaces it', async () => {
  tramParagraphs = [
    ...TRAM_PARAGRAPHS,
    'Correction: the regional budget transfer arrived on Thursday, the authority said later, and all depot wages were paid that evening.',
  ];
  const before = await knowledgeFiles();
  const preview = await finalReply(
    addUrl(server.url('/tram'), emu.members.moderator, [{ name: 'replace', type: 5, value: true }]),
  );
  assert.match(
    text(preview),
    /\*\*Replaces\*\* “Grodno tram drivers walk out over unpaid wages” \(`grodno-tram-drivers-walk-out-over-unpaid-wages\.md`\) with this version\./,
  );
  assert.match(text(preview), /as `grodno-tram-drivers-walk-out-over-unpaid-wages\.md`/);
  const replaced = await afterPress(press(preview, 'Add'), /Document added/);
  assert.match(replaced, /\(replaced\)/);
  assert.deepEqual(await knowledgeFiles(), before);
  assert.match(await answer('When did the regional budget transfer for the depot wages arrive?'), /Thursday/);
  const [audit] = await auditEntries();
  assert.equal(audit?.action, 'knowledge add url (replace)');
});

test('a page with no article, a blocked address and a non-web address are refused in one sentence', async () => {
  const before = await knowledgeFiles();
  const cases: [string, RegExp][] = [
    [server.url('/world'), /mostly links .* an index or listing page, not an article\.$/],
    [server.url('/app'), /until JavaScript runs, which is not done here: it has no article to read\.$/],
    ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254.*never fetched\.$/],
    ['ftp://news.example/article', /only http:\/\/ and https:\/\/ pages can be fetched\.$/],
  ];
  for (const [url, reason] of cases) {
    const refused = text(await finalReply(addUrl(url)));
    assert.match(refused, /^Nothing was added: /, url);
    assert.match(refused.trim(), reason, url);
    assert.equal(refused.trim().split('\n').length, 1, url);
  }
  assert.deepEqual(await knowledgeFiles(), before);
});

test('with neither a file nor a url, a usage hint', async () => {
  const cb = await emu.waitForCallback(
    emu.chatInput('knowledge', [], { subcommand: 'add', member: emu.members.moderator }),
  );
  assert.match(text(cb.data as Json), /Give `\/knowledge add` a `file:` .* or a `url:`/);
});

test('a member is refused: on the command, and on an Add button of a moderator’s preview', async () => {
  const before = await knowledgeFiles();
  const cb = await emu.waitForCallback(addUrl(server.url('/metro'), emu.members.plain));
  assert.match(text(cb.data as Json), /only moderators can/);

  const preview = await finalReply(addUrl(server.url('/metro')));
  const refused = await emu.waitForCallback(press(preview, 'Add', emu.members.plain));
  assert.match(text(refused.data as Json), /only moderators can add articles/);
  assert.deepEqual(await knowledgeFiles(), before);
  // The preview is still there for the moderator; Cancel it.
  assert.match(await afterPress(press(preview, 'Cancel'), /Cancelled/), /nothing was added/);
});

test('an Add whose preview the bot no longer holds (a restart) adds nothing and says so', async (t) => {
  const before = await knowledgeFiles();
  const preview = await finalReply(addUrl(server.url('/metro')));
  const forged = structuredClone(preview) as Json;
  const cb = await emu.waitForCallback(
    emu.button('article.v1:AAAAAAAA:add', forged, { member: emu.members.moderator }),
  );
  assert.match(text(cb.data as Json), /This preview expired .*Run `\/knowledge add url:` again\./);
  assert.deepEqual(await knowledgeFiles(), before);
  assert.match(await afterPress(press(preview, 'Cancel'), /Cancelled/), /nothing was added/);
  const reads = bot.logs.filter((l) => l.msg === 'article read for a preview');
  t.diagnostic(`extraction per page (ms): ${reads.map((l) => l.extractMs).join(', ')}`);
});
