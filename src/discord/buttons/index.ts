import type { ButtonHandler } from '../command.js';
import { articlePreview } from './articlePreview.js';
import { flag } from './flag.js';
import { gapsPage } from './gapsPage.js';
import { knowledgePage } from './knowledgePage.js';
import { moreSources } from './moreSources.js';
import { openThread } from './openThread.js';
import { review } from './review.js';
import { searchPage } from './searchPage.js';
import { share } from './share.js';
import { showContext } from './showContext.js';
import { sourcesPage } from './sourcesPage.js';
import { tellMe } from './tellMe.js';
import { vote } from './vote.js';

export const buttonHandlers: ReadonlyMap<string, ButtonHandler> = new Map(
  [
    moreSources,
    showContext,
    share,
    openThread,
    searchPage,
    sourcesPage,
    vote,
    flag,
    knowledgePage,
    articlePreview,
    tellMe,
    gapsPage,
    review,
  ].map((h) => [h.family, h]),
);
