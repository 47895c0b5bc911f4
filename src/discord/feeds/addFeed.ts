import type { ChatInputCommandInteraction } from 'discord.js';
import { DEFAULT_BACKFILL, splitBackfill } from '../../feeds/backfill.js';
import { FeedError } from '../../feeds/errors.js';
import { fetchFeed } from '../../feeds/fetchFeed.js';
import { usable } from '../../feeds/pollFeed.js';
import { IngestError } from '../../ingest/errors.js';
import { parseFetchUrl } from '../../ingest/fetchUrl.js';
import { hashId } from '../../log/hashId.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { UserError } from '../errors.js';
import { feedAddedMessage, feedName } from '../render/feedsMessage.js';
import { escapeForDiscord } from '../send/escape.js';
import { respond } from '../send/respond.js';

const refuse = (why: string) => new UserError(`No feed was added: ${why}.`, 'refused');

const NO_REVIEW_CHANNEL =
  'Feeds need a review channel, where moderators approve each new item before members can see it: set `REVIEW_CHANNEL_ID` to a moderators-only channel and restart the bot.';

function reviewChannel(ctx: BotContext): string {
  const id = ctx.config.feeds.reviewChannelId;
  if (id === null) throw new UserError(NO_REVIEW_CHANNEL, 'refused');
  return id;
}

/**
 * /feeds add: the feed is fetched and read once; a bad one is refused with the reason. Of a good one's
 * items the newest `backfill` are left unseen and the feed polled at once, so they come up for review
 * now; the others are its baseline, taken as seen.
 */
export async function addFeed(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome> {
  const channelId = reviewChannel(ctx);
  let url: string;
  try {
    url = parseFetchUrl(interaction.options.getString('url', true)).href;
  } catch (error) {
    if (error instanceof IngestError) throw refuse(escapeForDiscord(error.message));
    throw error;
  }
  const known = await ctx.state.feeds.byUrl(url);
  if (known) throw refuse(`**${feedName(known)}** is followed already`);
  await interaction.deferReply({ flags: 'Ephemeral' });
  let fetched: Awaited<ReturnType<typeof fetchFeed>>;
  try {
    fetched = await fetchFeed(url, { allowPrivate: ctx.config.feeds.allowPrivate });
  } catch (error) {
    if (error instanceof FeedError) throw refuse(escapeForDiscord(error.message));
    throw error;
  }
  if (fetched.kind !== 'feed') throw refuse('the server answered "not modified" to a first request');
  const name = interaction.options.getString('name')?.trim() || fetched.feed.title;
  const { feed } = await ctx.state.feeds.add({ url, name, addedBy: hashId(interaction.user.id) });
  const items = fetched.feed.items.filter(usable);
  const { offered, seen } = splitBackfill(
    items,
    interaction.options.getInteger('backfill') ?? DEFAULT_BACKFILL,
  );
  await ctx.state.feeds.markSeen(feed.id, seen);
  // With items left to offer, the next request asks for the whole feed (a 304 would hide them).
  await ctx.state.feeds.recordSuccess(
    feed.id,
    offered.length > 0 ? { etag: null, lastModified: null } : fetched.validators,
  );
  if (offered.length > 0) await ctx.state.feeds.pollSoon(feed.id);
  await auditModeratorAction(ctx, interaction, {
    action: 'feeds add',
    title: 'Feed added',
    diff: { feed: feed.id, items: items.length, offered: offered.length },
    lines: [
      `**Feed:** ${feedName(feed)}`,
      `**Items taken as seen:** ${seen.length}`,
      `**Newest items offered for review:** ${offered.length}`,
    ],
  });
  await respond(
    interaction,
    feedAddedMessage(feed, { items: items.length, offered: offered.length }, channelId),
  );
  if (offered.length > 0) ctx.pollFeedsNow();
  return { outcome: 'done', results: items.length };
}
