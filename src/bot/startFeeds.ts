/**
 * Feeds in the bot: once started (Discord reachable, and this replica the leader), approved items a crash left unapplied are added, then the
 * poller runs a round every FEED_POLL_MINUTES — kept pages no item needs are swept, items queued but
 * never posted are posted, due feeds polled, new items queued and posted to REVIEW_CHANNEL_ID (a
 * merged one updates its item's message; a flooding feed's pause is noticed there once). Without that
 * channel nothing is polled. Returns start, pollNow (a round soon: a feed just added or resumed) and a
 * stop function that waits for a round under way.
 */

import type { Client } from 'discord.js';
import type { BotContext } from '../discord/botContext.js';
import { type ApplyContext, applyApproved } from '../discord/feeds/applyApproved.js';
import { editReviewMessage, postInReviewChannel } from '../discord/feeds/reviewChannel.js';
import { feedPausedMessage } from '../discord/render/feedsMessage.js';
import { decidedReviewMessage, pendingReviewMessage } from '../discord/render/reviewMessage.js';
import { type FeedPoller, startFeedPoller } from '../feeds/feedPoller.js';
import { fetchFeed } from '../feeds/fetchFeed.js';
import { pollRound } from '../feeds/pollRound.js';
import { postReview, queueFeedItem } from '../feeds/queueFeedItem.js';
import { sweepReviewPages } from '../feeds/reviewPages.js';
import type { ReviewItem } from '../state/reviewQueue.js';

export interface RunningFeeds {
  /** Adds what a crash left approved, then polls; again after stop() (leadership regained). */
  start(): Promise<void>;
  pollNow(): void;
  /** Stops polling, waiting for a round under way. */
  stop(): Promise<void>;
}

export function startFeeds(ctx: ApplyContext & Pick<BotContext, 'metrics'>, client: Client): RunningFeeds {
  const channelId = ctx.config.feeds.reviewChannelId;
  const { logger, state } = ctx;
  let poller: FeedPoller | null = null;
  /** Counts start() and stop() calls: a start overtaken by a stop polls nothing. */
  let turn = 0;
  let running = false;

  const post = (item: ReviewItem) =>
    postInReviewChannel(client, channelId, pendingReviewMessage(item), logger.child({ item: item.id }));

  const resumeApprovals = async () => {
    for (const item of await state.reviews.awaitingApply()) {
      logger.info({ item: item.id }, 'adding a feed item approved before the restart');
      const outcome = await applyApproved(item, ctx);
      await editReviewMessage(client, item, decidedReviewMessage(item, outcome), logger);
    }
  };

  const deps = {
    dataDir: ctx.config.dataDir,
    allowPrivate: ctx.config.feeds.allowPrivate,
    feeds: state.feeds,
    reviews: state.reviews,
    known: () => ctx.knowledge.knownDocuments(),
    post,
    update: (item: ReviewItem) => editReviewMessage(client, item, pendingReviewMessage(item), logger),
    logger,
  };

  const round = async () => {
    const pending = await state.reviews.pending();
    const keep = [...pending, ...(await state.reviews.awaitingApply())].map((item) => item.id);
    const swept = await sweepReviewPages(ctx.config.dataDir, new Set(keep));
    if (swept > 0) logger.info({ swept }, 'removed kept pages no feed item needs');
    for (const item of pending) if (item.messageId === null) await postReview(item, deps);
    const report = await pollRound({
      feeds: state.feeds,
      fetchFeed,
      allowPrivate: ctx.config.feeds.allowPrivate,
      intervalMs: ctx.config.feeds.pollMs,
      logger,
      handleItem: async (feed, item) => {
        const outcome = await queueFeedItem(feed, item, deps);
        logger.info({ feed: feed.id, url: item.link, outcome }, 'feed item');
        return outcome;
      },
      onPaused: async (feed, reason) => {
        logger.warn({ feed: feed.id, reason }, 'feed paused: it floods the review queue');
        await postInReviewChannel(client, channelId, feedPausedMessage(feed, reason), logger);
      },
    });
    ctx.metrics.feedRound(report);
    return report;
  };

  return {
    async start() {
      if (running) return;
      running = true;
      const mine = ++turn;
      try {
        await resumeApprovals();
      } catch (error) {
        logger.error({ err: error }, 'could not add the feed items approved before the restart');
      }
      if (mine !== turn) return;
      if (channelId === null) {
        if ((await state.feeds.list()).length > 0)
          logger.warn('feeds are not polled: REVIEW_CHANNEL_ID is not set');
        return;
      }
      poller = startFeedPoller(round, ctx.config.feeds.pollMs, logger);
    },
    pollNow: () => void poller?.pollNow(),
    async stop() {
      turn++;
      running = false;
      const stopping = poller;
      poller = null;
      await stopping?.stop();
    },
  };
}
