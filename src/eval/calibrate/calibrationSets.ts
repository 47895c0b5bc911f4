/**
 * The labelled questions calibration fits on, from SQuAD-train's distractor articles (split D, never the
 * A/B articles `npm run eval` reports on) and from the news question sets:
 * - tiny: 5 articles indexed, the handful of documents a community starts with; questions about them
 *   answerable, questions about 60 never-indexed ones not;
 * - small: 40 articles indexed; the same kinds of questions;
 * - scale: every D article but those 60 indexed (about 20k passages); the same kinds of questions;
 * - off-topic news: questions about the 60 never-indexed articles asked of the news knowledge (`offTopic`),
 *   none of which it answers: general knowledge that shares a word or two with the news.
 * All sizes are fitted together, so one threshold carries across corpus sizes.
 */

import { buildState } from '../../engine/buildState.js';
import type { SearchState } from '../../search/searchState.js';
import { BUILT_IN_ALIASES } from '../../text/aliasTable.js';
import { Rng } from '../../util/prng.js';
import type { LabelledQuestion } from './collect.js';
import { articleDocument, readArticles, readPairs, type SquadPair } from './squadSource.js';

export interface CalibrationSet {
  name: string;
  state: SearchState;
  questions: LabelledQuestion[];
}

export interface SquadSizes {
  seed: number;
  outArticles: number;
  tinyArticles: number;
  smallArticles: number;
  answerable: number;
  unanswerable: number;
}

export const DEFAULT_SIZES: SquadSizes = {
  seed: 20201,
  outArticles: 60,
  tinyArticles: 5,
  smallArticles: 40,
  answerable: 3000,
  unanswerable: 1500,
};

function sample(rng: Rng, pairs: SquadPair[], n: number, answerable: boolean): LabelledQuestion[] {
  return rng
    .shuffle(pairs)
    .slice(0, n)
    .map((p) => ({ q: p.q, expect: answerable ? p.answers : [], group: p.article }));
}

export async function squadSets(
  squadDir: string,
  sizes: SquadSizes = DEFAULT_SIZES,
): Promise<CalibrationSet[]> {
  const rng = new Rng(sizes.seed);
  const distractors = readArticles(squadDir)
    .filter((a) => a.split === 'D')
    .sort((a, b) => a.id.localeCompare(b.id));
  const order = rng.shuffle(distractors);
  const out = new Set(order.slice(0, sizes.outArticles).map((a) => a.id));
  const small = order.slice(sizes.outArticles, sizes.outArticles + sizes.smallArticles);
  const indexed = order.slice(sizes.outArticles);
  const smallIds = new Set(small.map((a) => a.id));
  const pairs = readPairs(squadDir);
  const about = (ids: Set<string>) => pairs.filter((p) => ids.has(p.article));
  const unanswerable = about(out);
  const build = (articles: typeof small) => buildState(articles.map(articleDocument), BUILT_IN_ALIASES, []);
  const tiny = small.slice(0, sizes.tinyArticles);
  return [
    {
      name: 'squad-tiny',
      state: await build(tiny),
      questions: [
        ...sample(rng.fork('tiny+'), about(new Set(tiny.map((a) => a.id))), sizes.answerable, true),
        ...sample(rng.fork('tiny-'), unanswerable, sizes.unanswerable, false),
      ],
    },
    {
      name: 'squad-small',
      state: await build(small),
      questions: [
        ...sample(rng.fork('small+'), about(smallIds), sizes.answerable, true),
        ...sample(rng.fork('small-'), unanswerable, sizes.unanswerable, false),
      ],
    },
    {
      name: 'squad-scale',
      state: await build(indexed),
      questions: [
        ...sample(rng.fork('scale+'), about(new Set(indexed.map((a) => a.id))), sizes.answerable, true),
        ...sample(rng.fork('scale-'), unanswerable, sizes.unanswerable, false),
      ],
    },
  ];
}

/** Questions about the never-indexed articles, to ask of another knowledge (the news): none is answered there. */
export function offTopic(squadDir: string, sizes: SquadSizes = DEFAULT_SIZES): LabelledQuestion[] {
  const rng = new Rng(sizes.seed);
  const distractors = readArticles(squadDir)
    .filter((a) => a.split === 'D')
    .sort((a, b) => a.id.localeCompare(b.id));
  const out = new Set(
    rng
      .shuffle(distractors)
      .slice(0, sizes.outArticles)
      .map((a) => a.id),
  );
  const pairs = readPairs(squadDir).filter((p) => out.has(p.article));
  return sample(rng.fork('off-topic'), pairs, sizes.unanswerable, false);
}
