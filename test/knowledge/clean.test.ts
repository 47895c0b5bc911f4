import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BOILERPLATE, matchBoilerplate } from '../../src/knowledge/boilerplate.js';
import { cleanText } from '../../src/knowledge/clean.js';
import { parseFrontMatter } from '../../src/knowledge/frontMatter.js';

const KNOWLEDGE = new URL('../../knowledge/', import.meta.url);

interface Seed {
  file: string;
  /** sha256 of the original seed text: the body must be that text, byte for byte. */
  sha256: string;
  /** Whole lines (trimmed) that cleaning must remove. */
  noiseLines: string[];
  /** Spans inside lines that cleaning must remove. */
  inlineNoise: string[];
  /** Article text that must survive verbatim (broken lines rejoined). */
  kept: string[];
  /** The article's last sentence: the cleaned text ends with it. */
  last: string;
}

const BULLET = '•';
const SEEDS: Seed[] = [
  {
    file: 'undated-unknown-outlet-us-deputy-secretary-of-state-will-visit-russia.md',
    sha256: '9eb9452979b39408cbea19d54fd64481bfd6e304316ba39fb1622b8fb337b6b2',
    noiseLines: [
      'US Deputy Secretary of state will visit Russia to prevent Russian military intervention in Belarus',
    ],
    inlineNoise: ['< p >', '< / P >'],
    kept: [
      'On August 9, the results of the presidential election in Belarus triggered a sustained storm.',
      'On August 22, Reuters quoted two sources as saying that US Deputy Secretary of state Stephen biegun is going to visit Russia and Lithuania for talks on the issue of Belarus.',
      'U.S. Deputy Secretary of state Bigan’s visit plans',
      'Lithuanian President gitanas naus ė Da said on the 12th',
      'On the 20th, US Secretary of state pompeio urged Belarusian president Lukashenko',
      'Moscow was ready to provide military assistance if necessary.\n\nReuters also quoted some experts’ views',
      'is not conducive to the US side.\n\nin recent years, the United States has been hoping',
    ],
    last: '“Everyone is worried that Russia may take military action, and even if you don’t think that possibility exists, you can’t ignore it,” Katz said',
  },
  {
    file: '2020-08-26-globalsecurity-senior-us-diplomat-aims-to-bridge-differences.md',
    sha256: 'efe0ef92d57848917e08e4aae2ccc4b166c4fdfb6a2eacf70b2cb426879e3ac0',
    noiseLines: [
      'UNITED24 - Make a charitable donation in support of Ukraine!',
      'Weapons of Mass Destruction (WMD)',
      'Senior US Diplomat Aims to Bridge Differences with Moscow Over Oppposition Leader Poisoning, Belarus',
      'By Charles Maynes August 26, 2020',
      'Join the GlobalSecurity.org mailing list',
    ],
    inlineNoise: [],
    kept: [
      'The second-most senior U.S. diplomat wrapped up talks with top Russian officials in Moscow Wednesday – capping a two-day visit',
      '"We urge the government of Belarus to accept the OSCE chair\'s offer to facilitate dialogue and engage all stakeholders," said Biegun during a stopover in Vilnius, Lithuania earlier this week.',
      "expressed support for Bealrus' sovereignty",
      'A mysterious poisoning',
      'he was poisoned with some kind of cholinesterase inhibitor.',
    ],
    last: 'On Wednesday, Biegan also met with representatives from civil society to express continued U.S. support for human rights and independent voices in Russia, according to an Embassy spokeswoman.',
  },
  {
    file: '2020-09-03-rferl-russian-pm-in-minsk-as-belarus-looks-to-ally-for-help.md',
    sha256: '0f0d7e8e943cc492994c7b8fde562dbcb54ec3331545da220f245ee2a0ed1ebf',
    noiseLines: [
      'UNITED24 - Make a charitable donation in support of Ukraine!',
      'Weapons of Mass Destruction (WMD)',
      '[ rfe/rl banner ]',
      'Russian PM In Minsk As Belarus Looks To Ally For Help',
      "By RFE/RL's Belarus Service September 03, 2020",
      'Source: https://www.rferl.org/a/russian-pm- visits-minsk-as-belarus-looks-to- ally-for-help/30818225.html',
      'Copyright (c) 2020. RFE/RL, Inc. Reprinted with the permission of Radio Free Europe/Radio Liberty, 1201 Connecticut Ave., N.W. Washington DC 20036.',
      'Join the GlobalSecurity.org mailing list',
    ],
    inlineNoise: [],
    kept: [
      "MINSK -- Russian Prime Minister Mikhail Mishustin has arrived in Minsk as Belarus's beleaguered authoritarian leader, Alyaksandr Lukashenka, pivots to Moscow to overcome weeks of protests and international isolation over an election widely viewed as rigged.",
      "Lukashenka had appointed new heads for the country's KGB security service",
      'The Coordination Council said another detained member of its presidium, Lilia Vlasova, had been charged with tax evasion, according to Interfax.',
      'the United States and its allies would have a tough response if Russia intervened in Belarus.',
      'The European Union has been working on a list of individuals to target with sanctions.',
    ],
    // The attribution line is the article's own and is kept.
    last: 'With reporting by AFP, Reuters, and dpa',
  },
  {
    file: 'undated-delfi-bloomberg-sources-russian-government-shocked-by-events.md',
    sha256: '0bbf826c0b1b8973f5701d9e29b67610c7e1d1a466ae098059ce196720068dd0',
    noiseLines: [
      'Bloomberg sources: Russian government shocked by events in Belarus',
      'It is strictly forbidden to use the information published by DELFI on other websites, in the media or elsewhere, or to distribute our material in any way without consent, and if consent has been obtained, it is necessary to cite DELFI as the source.',
    ],
    inlineNoise: ['[ad_1]', '[ad_2]'],
    kept: [
      'Putin, who met with Lukashenko in Sochi on Monday, is convinced that the opposition will not overthrow the president of Belarus',
      'In Minsk alone, more than 150,000 people participated in the protests. persons.',
      '“Put all the dots in the” i “',
      'with a symbolic gift: a set of historical maps depicting Belarus when it was part of the Russian Empire.',
      '“alive or in parts “.\nThe opposition said it had broken her passport',
      'EU members Estonia, Latvia and Lithuania have imposed sanctions on Mr. Lukashenko',
    ],
    last: '‘A. Lukashenko and integration are incompatible, “he told AFP. According to him, this leader promises” anything but nothing “, and such agreements can only enrage Belarusians.',
  },
  {
    file: 'undated-unknown-outlet-russia-begins-to-find-reasons-to-launch-an-armed-intervention.md',
    sha256: '92c5fb92da49dffedf4116125bf8fed28e13393e972c6b574e57dfe9c7083b99',
    noiseLines: [
      `${BULLET} Crisis.Putin delays the transition in Belarus to pilot it`,
      `${BULLET} Belarus: rockers, actors ... the peaceful rebellion against Lukashenko for the love of art`,
      'According to the criteria of The Trust Project',
      'Know more',
      ...['Belarus', 'Ukraine', 'Russia', 'Vladimir Putin', 'NATO', 'Alexander Lukashenko', 'UN'].map(
        (link) => `${BULLET} ${link}`,
      ),
      'Belarus, plagued by wave of demonstrations, Alexander Lukashenko asks Vladimir Putin for help',
      'European leaders convened for an extraordinary summit to address the crisis in Belarus',
      'Second dead in Belarus as brutal crackdown on protests continues',
      'See links of interest',
      ...[
        'News',
        'Programming',
        'Translator',
        'Calendar',
        'Horoscope',
        'Classification',
        'League calendar',
        'Films',
        'Topics',
        'Live, the fifth stage of the Tour de France',
      ].map((link) => `${BULLET} ${link}`),
    ],
    inlineNoise: [],
    kept: [
      // The opening sentence doubles as the title but is article text, so it stays.
      'Russia begins to find reasons to launch an armed intervention in Belarus.',
      'Moscow does not want a new Maidan, the fall of the Ukrainian government in 2014 which it attended as an angry spectator.',
      'So Lukashenko has turned to the usual enemy of the Russian state media - Ukraine.',
      'sent 32 of 33 Russian mercenaries from the private Wagner military company back on August 14.',
      "Russia's intervention in Belarus would be easier even than Ukraine's.",
      'Russia could intervene militarily in Belarus, only if Minsk requests it in case of "external aggression".',
      'They are all obedient allies of Russia.',
      'to move forward with the integration project between the two nations.',
      "will be more open to climbing on the back of his 'older brother'",
      'Russian boots on Belarusian soil',
    ],
    last: 'Moscow has criticized these days the attitude of the Western powers, and has boasted of having maintained a more "moderate" and "neutral" behavior.',
  },
];

function readSeed(file: string): { title: string; body: string } {
  const { data, body } = parseFrontMatter(readFileSync(new URL(file, KNOWLEDGE), 'utf8'));
  assert.ok(data.title, `${file} has a title`);
  return { title: data.title, body };
}

const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

for (const seed of SEEDS) {
  test(`${seed.file}: the body is the seed text verbatim`, () => {
    const { body } = readSeed(seed.file);
    assert.equal(createHash('sha256').update(body, 'utf8').digest('hex'), seed.sha256);
  });

  test(`${seed.file}: noise is removed and every article word survives, in order`, () => {
    const { title, body } = readSeed(seed.file);
    const cleaned = cleanText(body, { title });
    for (const line of seed.noiseLines) {
      assert.ok(body.includes(line), `fixture: noise line is in the seed: ${line}`);
      assert.ok(!cleaned.split('\n').includes(line), `noise line removed: ${line}`);
    }
    for (const span of seed.inlineNoise) assert.ok(!cleaned.includes(span), `noise removed: ${span}`);
    for (const text of seed.kept) assert.ok(cleaned.includes(text), `kept verbatim: ${text}`);
    assert.ok(cleaned.startsWith(seed.kept[0]!), 'starts with the first article sentence');
    assert.ok(cleaned.endsWith(seed.last), 'ends with the last article sentence');

    let expected = body;
    for (const span of seed.inlineNoise) expected = expected.replaceAll(span, ' ');
    const noise = new Set(seed.noiseLines);
    expected = expected
      .split('\n')
      .filter((line) => !noise.has(line.trim()))
      .join('\n');
    assert.deepEqual(words(cleaned), words(expected));
  });

  test(`${seed.file}: paragraphs are separated by exactly one blank line`, () => {
    const { title, body } = readSeed(seed.file);
    const cleaned = cleanText(body, { title });
    assert.equal(cleaned, cleaned.trim());
    assert.doesNotMatch(cleaned, /\n\n\n/);
    assert.doesNotMatch(cleaned, /[ \t]\n|\n[ \t]/);
  });
}

test('no noise from any seed survives', () => {
  const all = SEEDS.map((seed) => {
    const { title, body } = readSeed(seed.file);
    return cleanText(body, { title });
  }).join('\n\n');
  for (const noise of [
    '[ad_',
    '< p',
    '< /',
    'UNITED24',
    'charitable donation',
    'Weapons of Mass Destruction',
    'banner',
    'mailing list',
    'Copyright',
    'Reprinted with the permission',
    'strictly forbidden',
    'Trust Project',
    'Know more',
    'See links of interest',
    'Horoscope',
    'Tour de France',
    BULLET,
    'Source:',
    'By Charles Maynes',
    "By RFE/RL's",
  ]) {
    assert.ok(!all.includes(noise), `gone: ${noise}`);
  }
});

test('HTML remnants go, link text and entities stay as text', () => {
  const html = [
    '<div class="story"><h1>Protests grow</h1>',
    '<p>First &amp; foremost, the <a href="https://example.org/x">opposition</a> met in Minsk.</p>',
    '<p>It&#8217;s&nbsp;over, said <b>one</b> of them &mdash; &#x201C;for now&#x201D;.<br/>A second line &lt;here&gt;.</p>',
    '<!-- tracking --><script>var ad = "<p>buy</p>";</script>',
    '< p > Old scrape remnant, with a comparison a < b and c > d kept. < / P >',
    '</div>',
  ].join('');
  assert.equal(
    cleanText(html),
    [
      'Protests grow',
      'First & foremost, the opposition met in Minsk.',
      'It’s over, said one of them — “for now”.',
      'A second line <here>.',
      'Old scrape remnant, with a comparison a < b and c > d kept.',
    ].join('\n\n'),
  );
});

test('ad markers, banners and boilerplate lines go; prose around them is untouched', () => {
  const body = [
    '[ad_1]',
    'UNITED24 - Make a charitable donation in support of Ukraine!',
    '[ Example banner ]',
    'Homeland Security (HLS)',
    'Protesters marched through Minsk on Sunday [ad_2] despite the rain.',
    'Join the Example.com mailing list',
    'Copyright (c) 2021. Example Media, Inc. Reprinted with the permission of Example Media.',
    'It is strictly forbidden to use the information published by LRT without consent.',
    'Related: Tsikhanouskaya urges strikers to hold out (Aug. 28)',
  ].join('\n\n');
  assert.equal(cleanText(body), 'Protesters marched through Minsk on Sunday despite the rain.');
});

test('bylines and Source lines are metadata, not text', () => {
  const body =
    'By Jane Doe September 03, 2020\n\nThe talks ended.\n\nBy Sunday, more than 100 people had been detained.\n\nSource: https://example.org/a- b';
  assert.equal(cleanText(body), 'The talks ended.\n\nBy Sunday, more than 100 people had been detained.');
});

test('sentences broken across lines are rejoined, headings and new paragraphs are not', () => {
  const body = [
    'The Kremlin wants the',
    'integration project',
    '.',
    'Moscow does not want a new Maidan',
    ', the fall of a government.',
    'A heading without punctuation',
    'The next paragraph starts here.',
    'in recent years, a lower-case start after a full sentence stays its own paragraph.',
  ].join('\n\n');
  assert.equal(
    cleanText(body),
    [
      'The Kremlin wants the integration project.',
      'Moscow does not want a new Maidan, the fall of a government.',
      'A heading without punctuation',
      'The next paragraph starts here.',
      'in recent years, a lower-case start after a full sentence stays its own paragraph.',
    ].join('\n\n'),
  );
});

test('link lists go: runs of short unpunctuated lines, bullet links, lists after "Read more"', () => {
  const body = [
    'Home',
    'World',
    'Europe',
    'The article begins here.',
    '• Related: a headline without a full stop',
    '• A bulleted point that is a sentence.',
    'Two short lines',
    'are not a menu when they continue.',
    'Read more',
    'A long related headline about the crisis in Belarus and its many neighbours',
    'Another related headline',
    'The article ends here.',
  ].join('\n\n');
  assert.equal(
    cleanText(body),
    [
      'The article begins here.',
      '• A bulleted point that is a sentence.',
      'Two short lines are not a menu when they continue.',
      'The article ends here.',
    ].join('\n\n'),
  );
});

test('whitespace: CRLF, BOM, indentation and blank-line runs are normalised, inner spacing kept', () => {
  const body = '\uFEFF  First  paragraph.  \r\n\r\n\r\n\r\n\tSecond one.\r\nSame paragraph.\r\n\r\n';
  assert.equal(cleanText(body), 'First  paragraph.\n\nSecond one.\nSame paragraph.');
});

test('the title line is dropped only when it repeats the title', () => {
  const body = 'Russian PM In Minsk\n\nThe prime minister arrived.';
  assert.equal(cleanText(body, { title: 'Russian PM in Minsk' }), 'The prime minister arrived.');
  assert.equal(cleanText(body, { title: 'Something else' }), body);
  assert.equal(cleanText(body), body);
});

test('boilerplate patterns are named, general and leave article sentences alone', () => {
  assert.ok(BOILERPLATE.every((entry) => entry.name.length > 0));
  for (const line of [
    'UNITED24 - Make a charitable donation in support of Ukraine!',
    'Join the Example.org mailing list',
    'Subscribe to our newsletter',
    '© 2021 Example News. All rights reserved.',
    'Copyright (c) 2019. Some Radio, Inc. Reprinted with the permission of Some Radio.',
    'It is prohibited to copy the material published by ELTA without permission.',
    'According to the criteria of The Trust Project',
    'Know more',
    'See also',
    'Weapons of Mass Destruction (WMD)',
    '[ cnn banner ]',
    'Advertisement',
  ]) {
    assert.ok(matchBoilerplate(line), `boilerplate: ${line}`);
  }
  for (const line of [
    'Copyright law was not discussed at the summit.',
    'He urged supporters to join the protest in Minsk.',
    'With reporting by AFP, Reuters, and dpa',
    'Military assistance was offered if necessary.',
    'It is forbidden to gather in groups, the ministry said.',
  ]) {
    assert.equal(matchBoilerplate(line), undefined, `article text: ${line}`);
  }
});
