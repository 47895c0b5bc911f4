import type { ButtonHandler } from '../command.js';
import { flag } from './flag.js';
import { knowledgePage } from './knowledgePage.js';
import { moreSources } from './moreSources.js';
import { openThread } from './openThread.js';
import { searchPage } from './searchPage.js';
import { share } from './share.js';
import { showContext } from './showContext.js';
import { sourcesPage } from './sourcesPage.js';
import { vote } from './vote.js';

export const buttonHandlers: ReadonlyMap<string, ButtonHandler> = new Map(
  [moreSources, showContext, share, openThread, searchPage, sourcesPage, vote, flag, knowledgePage].map(
    (h) => [h.family, h],
  ),
);
