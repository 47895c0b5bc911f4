import type { ButtonHandler } from '../command.js';
import { tellMe } from '../gaps/tellMe.js';
import { articlePreview } from './articlePreview.js';
import { flag } from './flag.js';
import { moreSources } from './moreSources.js';
import { openThread } from './openThread.js';
import { pagers } from './pagers.js';
import { review } from './review.js';
import { share } from './share.js';
import { showContext } from './showContext.js';
import { vote } from './vote.js';

/** Every button's handler; a new button's family goes in customIds.ts and its handler here. */
export const buttonHandlers: ReadonlyMap<string, ButtonHandler> = new Map(
  [moreSources, showContext, share, openThread, vote, flag, articlePreview, tellMe, review, ...pagers].map(
    (h) => [h.family, h],
  ),
);
