import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { BotProcess } from '../../harness/botProcess.js';
import type { CommandOption, DiscordEmulator } from '../../harness/emulator/index.js';
import { pathExists } from '../../src/util/pathExists.js';
import { shareBot } from '../helpers/sharedBot.js';

let emu: DiscordEmulator;
let bot: BotProcess;

const UPLOAD_MAX = 100_000;

shareBot({ KNOWLEDGE_UPLOAD_MAX_BYTES: String(UPLOAD_MAX), COOLDOWN_QUESTIONS: '100' }, (shared) => {
  ({ emu, bot } = shared);
});

interface Sent {
  content?: string;
  embeds?: { title?: string; description?: string; footer?: { text?: string } }[];
  flags?: number;
}

const NAVALNY = '2020-08-26-globalsecurity-senior-us-diplomat-aims-to-bridge-differences';

const text = (m: Sent) =>
  [
    m.content ?? '',
    ...(m.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}\n${e.footer?.text ?? ''}`),
  ].join('\n');

/** The final state of an interaction's first reply (after a deferral, the edited original). */
async function finalReply(i: { id: string }, predicate: (m: Sent) => boolean): Promise<Sent> {
  const [message] = await emu.waitForMessages(i, (ms) => ms.some((m) => predicate(m as Sent)), {
    timeoutMs: 15_000,
  });
  return message as Sent;
}

const knowledge = (
  subcommand: string,
  options: CommandOption[] = [],
  member = emu.members.moderator,
  resolved?: Record<string, unknown>,
) => emu.chatInput('knowledge', options, { subcommand, member, ...(resolved ? { resolved } : {}) });
const documentOption = (value: string): CommandOption => ({ name: 'document', type: 3, value });

async function askText(question: string): Promise<string> {
  const cb = await emu.waitForCallback(
    emu.chatInput('ask', [{ name: 'question', type: 3, value: question }], { member: emu.members.plain }),
  );
  return text(cb.data as Sent);
}

async function choices(subcommand: string, typed: string, member = emu.members.moderator) {
  const cb = await emu.waitForCallback(
    emu.autocomplete('knowledge', [{ name: 'document', type: 3, value: typed }], { subcommand, member }),
  );
  assert.equal(cb.type, 8);
  return ((cb.data as { choices?: { name: string; value: string }[] }).choices ?? []).map((c) => c.value);
}

test('/knowledge list shows each file with its status and passages, privately', async () => {
  const cb = await emu.waitForCallback(knowledge('list'));
  const data = cb.data as Sent;
  assert.equal(Number(data.flags) & 64, 64);
  const body = text(data);
  assert.match(body, /Knowledge folder/);
  const line = new RegExp(`${NAVALNY}\\.md\` · indexed, \\d+ passages · added <t:(\\d+):R>`).exec(body);
  assert.ok(line, body);
  // Added when this bot first indexed it: within the last few minutes, not in the future.
  const added = Number(line[1]) * 1000;
  assert.ok(added <= Date.now() && added > Date.now() - 5 * 60_000, `added ${new Date(added).toISOString()}`);
  assert.match(body, /5 indexed, 0 skipped · page 1 of 1/);
});

test('remove moves the file to DATA_DIR/trash and it is no longer answered; restore brings it back', async () => {
  assert.match(await askText('Where was Navalny evacuated to?'), /Omsk to Berlin/);
  assert.ok((await choices('remove', 'diplomat')).includes(`${NAVALNY}.md`), 'the file name list shows');

  const removed = await finalReply(knowledge('remove', [documentOption(NAVALNY)]), (m) =>
    /Reindex finished/.test(text(m)),
  );
  assert.match(text(removed), /Moved `.*` to the trash/);
  assert.match(text(removed), /removed 1/);
  assert.equal(await pathExists(join(bot.knowledgeDir, `${NAVALNY}.md`)), false);
  const trash = await readdir(join(bot.dataDir, 'trash'));
  const trashed = trash.find((n) => n.endsWith(`-${NAVALNY}.md`));
  assert.ok(trashed, `trash holds ${trash.join(', ')}`);
  assert.doesNotMatch(await askText('Where was Navalny evacuated to?'), /Omsk to Berlin/);
  assert.deepEqual(await choices('restore', 'diplomat'), [trashed]);

  const restored = await finalReply(knowledge('restore', [documentOption(trashed)]), (m) =>
    /Reindex finished/.test(text(m)),
  );
  assert.match(text(restored), /Restored `.*` from the trash/);
  assert.match(text(restored), /Added 1/);
  assert.ok(await pathExists(join(bot.knowledgeDir, `${NAVALNY}.md`)));
  assert.match(await askText('Where was Navalny evacuated to?'), /Omsk to Berlin/);
});

test('remove of an unknown document and restore over an existing file are refused with the reason', async () => {
  const unknown = await finalReply(knowledge('remove', [documentOption('no-such-doc')]), () => true);
  assert.match(text(unknown), /no document `no-such-doc` in the knowledge folder/);

  const removed = await finalReply(knowledge('remove', [documentOption(NAVALNY)]), (m) =>
    /Reindex finished/.test(text(m)),
  );
  assert.match(text(removed), /to the trash/);
  const [trashed] = await choices('restore', NAVALNY);
  assert.ok(trashed);
  // A second copy under the same name appears before the restore.
  const { copyFile } = await import('node:fs/promises');
  await copyFile(join(bot.dataDir, 'trash', trashed), join(bot.knowledgeDir, `${NAVALNY}.md`));
  const refused = await finalReply(knowledge('restore', [documentOption(trashed)]), (m) =>
    /Nothing was restored/.test(text(m)),
  );
  assert.match(text(refused), /already in the knowledge folder/);
  assert.ok(await pathExists(join(bot.dataDir, 'trash', trashed)));
  const unknownTrash = await finalReply(knowledge('restore', [documentOption('../../etc/passwd')]), (m) =>
    /Nothing was restored/.test(text(m)),
  );
  assert.match(text(unknownTrash), /not a file in the trash/);
});

const ARTICLE =
  'The port authority of Gdansk reported that forty seven grain barges waited at the northern quay while inspectors checked the cargo of sunflower seed for moisture and pests during the long autumn.\n';

/** /knowledge add with an uploaded file; `extra` options after it, `size` overrides the declared size. */
function add(filename: string, bytes: Uint8Array | string, extra: CommandOption[] = [], size?: number) {
  const attachment = emu.registerAttachment(
    filename,
    typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
    'text/markdown',
  );
  const resolved =
    size === undefined ? undefined : { attachments: { [attachment.id]: { ...attachment, size } } };
  return knowledge(
    'add',
    [{ name: 'file', type: 11, value: attachment.id }, ...extra],
    emu.members.moderator,
    resolved,
  );
}

const option = (name: string, value: string | boolean): CommandOption => ({
  name,
  type: typeof value === 'boolean' ? 5 : 3,
  value,
});

async function knowledgeFiles(): Promise<string[]> {
  return (await readdir(bot.knowledgeDir)).sort();
}

test('/knowledge add writes the document with front matter and it is answered at once', async () => {
  const reply = await finalReply(
    add('notes.md', ARTICLE, [
      option('title', 'Gdansk grain barges'),
      option('outlet', 'Baltic Wire'),
      option('published', '2020-09-12'),
      option('url', 'https://example.org/gdansk'),
    ]),
    (m) => /Document added|Nothing was added/.test(text(m)),
  );
  const body = text(reply);
  assert.match(body, /Document added/);
  assert.match(body, /`gdansk-grain-barges\.md`/);
  assert.match(body, /\*\*Title:\*\* Gdansk grain barges/);
  assert.match(body, /\*\*Outlet:\*\* Baltic Wire/);
  assert.match(body, /\*\*Date:\*\* 2020-09-12/);
  assert.match(body, /\*\*Passages:\*\* 1/);
  assert.match(body, /> The port authority of Gdansk/);
  const saved = await readFile(join(bot.knowledgeDir, 'gdansk-grain-barges.md'), 'utf8');
  assert.match(saved, /^---\ntitle: "Gdansk grain barges"\noutlet: "Baltic Wire"\npublished: "2020-09-12"/);
  assert.match(await askText('sunflower seed barges in Gdansk'), /Gdansk grain barges/);
  assert.equal(
    (await knowledgeFiles()).some((f) => f.startsWith('.')),
    false,
    'no temp file left',
  );
});

test('a traversal file name ends up as a plain name inside the knowledge folder', async () => {
  const reply = await finalReply(add('../../escape.md', ARTICLE.replace('Gdansk', 'Gdynia')), (m) =>
    /Document added|Nothing was added/.test(text(m)),
  );
  assert.match(text(reply), /`escape\.md`/);
  assert.ok(await pathExists(join(bot.knowledgeDir, 'escape.md')));
  assert.equal(await pathExists(join(bot.knowledgeDir, '..', '..', 'escape.md')), false);
  assert.equal(await pathExists(join(bot.knowledgeDir, '..', 'escape.md')), false);
});

test('over-size, binary, empty, boilerplate-only and wrong-type uploads are refused with reasons; nothing written', async () => {
  const before = await knowledgeFiles();
  const cases: [string, ReturnType<typeof add>, RegExp][] = [
    ['declared over-size', add('big.md', 'x'.repeat(UPLOAD_MAX + 1)), /over the 100000-byte limit/],
    [
      'over-size despite a small declared size',
      add('big2.md', `${ARTICLE}`.repeat(600), [], 10),
      /over the 100000-byte limit/,
    ],
    ['binary', add('bin.md', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01])), /binary file/],
    ['empty', add('empty.md', ''), /empty file/],
    [
      'boilerplate',
      add('boiler.md', 'Subscribe to our newsletter.\nAll rights reserved.\n'),
      /no article text left/,
    ],
    ['type', add('doc.pdf', ARTICLE), /only `\.md` and `\.txt`/],
    ['date', add('dated.md', ARTICLE, [option('published', '12/09/2020')]), /YYYY-MM-DD/],
    ['url', add('linked.md', ARTICLE, [option('url', 'javascript:alert(1)')]), /http:\/\/ or https:\/\//],
  ];
  for (const [label, interaction, reason] of cases) {
    const reply = await finalReply(interaction, (m) => /Nothing was added|Document added/.test(text(m)));
    assert.match(text(reply), /Nothing was added/, label);
    assert.match(text(reply), reason, label);
  }
  assert.deepEqual(await knowledgeFiles(), before);
});

test('an existing file is not overwritten unless replace is true', async () => {
  const changed = ARTICLE.replace('forty seven', 'fifty three');
  const refused = await finalReply(add('x.md', changed, [option('title', 'Gdansk grain barges')]), (m) =>
    /Nothing was added|Document added/.test(text(m)),
  );
  assert.match(text(refused), /already in the knowledge folder/);
  assert.match(await readFile(join(bot.knowledgeDir, 'gdansk-grain-barges.md'), 'utf8'), /forty seven/);
  const replaced = await finalReply(
    add('x.md', changed, [option('title', 'Gdansk grain barges'), option('replace', true)]),
    (m) => /Nothing was added|Document added/.test(text(m)),
  );
  assert.match(text(replaced), /\(replaced\)/);
  assert.match(await readFile(join(bot.knowledgeDir, 'gdansk-grain-barges.md'), 'utf8'), /fifty three/);
});

test("Cyrillic uploads land under distinct transliterated names; replace never takes another document's place", async () => {
  const added = (i: ReturnType<typeof add>) =>
    finalReply(i, (m) => /Document added|Nothing was added/.test(text(m))).then(text);
  const tram = `Minsk tram depot strike\n\n${ARTICLE.replace('Gdansk', 'Minsk').replace('grain barges', 'tram drivers')}`;
  const azot = `Grodno Azot plant walkout\n\n${ARTICLE.replace('Gdansk', 'Grodno').replace('grain barges', 'fertiliser wagons')}`;
  const route = `Minsk new tram route\n\n${ARTICLE.replace('Gdansk', 'Minsk').replace('grain barges', 'new tram cars')}`;

  const first = await added(add('Минск — трамвай.md', tram));
  assert.match(first, /Document added/);
  assert.match(first, /`minsk-tramvay\.md`/);
  const second = await added(add('Гродно — завод.md', azot));
  assert.match(second, /Document added/);
  assert.match(second, /`grodno-zavod\.md`/);
  assert.match(await readFile(join(bot.knowledgeDir, 'grodno-zavod.md'), 'utf8'), /Grodno Azot/);

  // Same name, another article: refused even with replace, naming the document it would replace.
  const before = await knowledgeFiles();
  const replaced = await added(add('Минск — трамвай.md', route, [option('replace', true)]));
  assert.match(replaced, /Nothing was added/);
  assert.match(replaced, /different document, “Minsk tram depot strike” \(`minsk-tramvay\.md`\)/);
  // The same id under the other extension is refused before anything is written.
  const otherExtension = await added(add('minsk-tramvay.txt', route));
  assert.match(otherExtension, /Nothing was added/);
  assert.match(otherExtension, /“Minsk tram depot strike” \(`minsk-tramvay\.md`\)/);
  assert.deepEqual(await knowledgeFiles(), before);
  assert.match(
    await readFile(join(bot.knowledgeDir, 'minsk-tramvay.md'), 'utf8'),
    /^Minsk tram depot strike/,
  );
});

test('a member is refused on /knowledge add and nothing is written', async () => {
  const before = await knowledgeFiles();
  const attachment = emu.registerAttachment('member.md', Buffer.from(ARTICLE), 'text/markdown');
  const cb = await emu.waitForCallback(
    knowledge('add', [{ name: 'file', type: 11, value: attachment.id }], emu.members.plain),
  );
  assert.match((cb.data as Sent).content ?? '', /only moderators can/);
  assert.deepEqual(await knowledgeFiles(), before);
});

test('two adds at once both land, each reply true, both answered', async () => {
  const first = add(
    'kaunas.md',
    'The museum in Kaunas lent thirty paintings of river barges to the gallery in Riga for the long winter exhibition about trade.\n',
  );
  const second = add(
    'vilnius.md',
    'The tram depot in Vilnius repaired forty carriages of the northern line after the flood soaked the signal cables last spring.\n',
  );
  const replies = await Promise.all(
    [first, second].map((i) =>
      finalReply(i, (m) => /Document added|Nothing was added|did not run/.test(text(m))),
    ),
  );
  for (const [reply, file] of [
    [replies[0], 'kaunas.md'],
    [replies[1], 'vilnius.md'],
  ] as const) {
    assert.match(text(reply as Sent), /Document added/);
    assert.match(text(reply as Sent), new RegExp(`\`${file.replace('.', '\\.')}\``));
    assert.match(text(reply as Sent), /\*\*Passages:\*\* 1/);
  }
  assert.match(await askText('paintings of river barges lent by the Kaunas museum'), /kaunas|Kaunas/);
  assert.match(await askText('tram carriages repaired at the Vilnius depot'), /vilnius|Vilnius/);
});

/** Removes by `typed` and waits for the reindex; returns the trashed name the reply gives. */
async function removeBy(typed: string): Promise<string> {
  const reply = await finalReply(knowledge('remove', [documentOption(typed)]), (m) =>
    /Reindex finished|Nothing was removed|no document|Several documents/.test(text(m)),
  );
  const trashed = /to the trash as `([^`]+)`/.exec(text(reply))?.[1];
  assert.ok(trashed, text(reply));
  return trashed.replaceAll('\\', '');
}

async function restore(trashed: string): Promise<void> {
  const reply = await finalReply(knowledge('restore', [documentOption(trashed)]), (m) =>
    /Reindex finished|Nothing was restored/.test(text(m)),
  );
  assert.match(text(reply), /Restored/);
}

test('remove takes the file name /knowledge list shows, the id, or the title in any case', async () => {
  const RFERL = '2020-09-03-rferl-russian-pm-in-minsk-as-belarus-looks-to-ally-for-help';
  const listed = text((await emu.waitForCallback(knowledge('list'))).data as Sent);
  assert.match(listed, new RegExp(`\`${RFERL}\\.md\``));
  assert.ok(
    (await choices('remove', 'rferl')).includes(`${RFERL}.md`),
    'autocomplete offers what list shows',
  );

  for (const typed of [
    `${RFERL}.md`,
    RFERL,
    'russian pm in minsk as belarus looks to ally for help',
    '  RUSSIAN PM In Minsk As Belarus Looks To Ally For Help ',
  ]) {
    const trashed = await removeBy(typed);
    assert.ok(trashed.endsWith(`-${RFERL}.md`), `${typed}: ${trashed}`);
    assert.equal(await pathExists(join(bot.knowledgeDir, `${RFERL}.md`)), false, typed);
    await restore(trashed);
    assert.ok(await pathExists(join(bot.knowledgeDir, `${RFERL}.md`)), typed);
  }
});

test('remove by a title two documents share names both files and removes neither', async () => {
  const body = (town: string) =>
    `---\ntitle: "Harbour strike report"\n---\nThe dockers of ${town} stopped the cranes for two whole days in late September to demand the release of their colleagues arrested at the rally.\n`;
  await writeFile(join(bot.knowledgeDir, 'harbour-klaipeda.md'), body('Klaipeda'));
  await writeFile(join(bot.knowledgeDir, 'harbour-liepaja.md'), body('Liepaja'));
  const reindexed = await finalReply(
    emu.chatInput('reindex', [], { subcommand: 'update', member: emu.members.moderator }),
    (m) => /Reindex finished/.test(text(m)),
  );
  assert.match(text(reindexed), /Added 2,/);
  const reply = await finalReply(knowledge('remove', [documentOption('harbour strike report')]), (m) =>
    /Reindex finished|Several documents|no document/.test(text(m)),
  );
  assert.match(
    text(reply),
    /^Several documents are titled `harbour strike report`: `harbour-klaipeda\.md`, `harbour-liepaja\.md`\. Give the file name of the one to remove\.$/m,
  );
  assert.ok(await pathExists(join(bot.knowledgeDir, 'harbour-klaipeda.md')));
  assert.ok(await pathExists(join(bot.knowledgeDir, 'harbour-liepaja.md')));
  const trashed = await removeBy('harbour-liepaja.md');
  assert.ok(trashed.endsWith('-harbour-liepaja.md'));
  assert.ok(await pathExists(join(bot.knowledgeDir, 'harbour-klaipeda.md')));
});
