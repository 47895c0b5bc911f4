/**
 * Feeds in the bot: once Discord is ready, approved items a crash left unapplied are added, then the
 * poller runs a round every FEED_POLL_MINUTES — items queued but never posted are posted, due feeds
 * polled, new items queued and posted to REVIEW_CHANNEL_ID. Without that channel nothing is polled.
 * Returns a stop function that waits for a round under way.
 */

import { type Client, Events } from 'discord.js';
import { type ApplyContext, applyApproved } from '../discord/feeds/applyApproved.js';
import { decidedReviewMessage, pendingReviewMessage } from '../discord/render/reviewMessage.js';
import { editChannelMessage, sendToChannel } from '../discord/send/respond.js';
import { startFeedPoller } from '../feeds/feedPoller.js';
import { fetchFeed } from '../feeds/fetchFeed.js';
import { pollRound } from '../feeds/pollRound.js';
import { postReview, queueFeedItem } from '../feeds/queueFeedItem.js';
import type { ReviewItem } from '../state/reviewQueue.js';

export function startFeeds(ctx: ApplyContext, client: Client): () => Promise<void> {
  const channelId = ctx.config.feeds.reviewChannelId;
  const { logger, state } = ctx;
  let stopPoller: (() => Promise<void>) | null = null;
  let stopped = false;

  const post = async (item: ReviewItem) => {
    try {
      // fetch answers from the client's cache when it can.
      const channel = channelId ? await client.channels.fetch(channelId) : null;
      if (!channel?.isSendable()) {
        logger.warn(
          { channelId, item: item.id },
          'REVIEW_CHANNEL_ID is not a channel the bot can post in; feed item waits',
        );
        return null;
      }
      const message = await sendToChannel(channel, pendingReviewMessage(item));
      return { channelId: message.channelId, messageId: message.id };
    } catch (error) {
      logger.warn({ err: error, item: item.id }, 'could not post a feed item for review; retried next round');
      return null;
    }
  };

  /** The review message of an item applied at start says what came of it. */
  const showOutcome = async (item: ReviewItem, outcome: string) => {
    if (!item.channelId || !item.messageId) return;
    try {
      const channel = await client.channels.fetch(item.channelId);
      if (channel?.isTextBased())
        await editChannelMessage(channel, item.messageId, decidedReviewMessage(item, outcome));
    } catch (error) {
      logger.warn(
        { err: error, item: item.id },
        'could not update the review message of an applied feed item',
      );
    }
  };

  const resumeApprovals = async () => {
    for (const item of await state.reviews.awaitingApply()) {
      logger.info({ item: item.id }, 'adding a feed item approved before the restart');
      await showOutcome(item, await applyApproved(item, ctx));
    }
  };

  const deps = {
    dataDir: ctx.config.dataDir,
    allowPrivate: ctx.config.feeds.allowPrivate,
    feeds: state.feeds,
    reviews: state.reviews,
    known: () => ctx.knowledge.knownDocuments(),
    post,
    logger,
  };

  const round = async () => {
    for (const item of await state.reviews.pending())
      if (item.messageId === null) await postReview(item, deps);
    return pollRound({
      feeds: state.feeds,
      fetchFeed,
      allowPrivate: ctx.config.feeds.allowPrivate,
      intervalMs: ctx.config.feeds.pollMs,
      handleItem: async (feed, item) => {
        const outcome = await queueFeedItem(feed, item, deps);
        logger.info({ feed: feed.id, url: item.link, outcome }, 'feed item');
      },
    });
  };

  client.once(Events.ClientReady, () => {
    void (async () => {
      try {
        await resumeApprovals();
      } catch (error) {
        logger.error({ err: error }, 'could not add the feed items approved before the restart');
      }
      if (stopped) return;
      if (channelId === null) {
        if ((await state.feeds.list()).length > 0)
          logger.warn('feeds are not polled: REVIEW_CHANNEL_ID is not set');
        return;
      }
      stopPoller = startFeedPoller(round, ctx.config.feeds.pollMs, logger).stop;
    })();
  });

  return async () => {
    stopped = true;
    await stopPoller?.();
  };
}
