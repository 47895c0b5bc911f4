import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { FeedError } from '../../feeds/errors.js';
import { fetchFeed } from '../../feeds/fetchFeed.js';
import { usable } from '../../feeds/pollFeed.js';
import { IngestError } from '../../ingest/errors.js';
import { parseFetchUrl } from '../../ingest/fetchUrl.js';
import { hashId } from '../../log/hashId.js';
import type { Feed } from '../../state/feedStore.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { UserError } from '../errors.js';
import { feedAddedMessage, feedListMessage, feedName, feedRemovedMessage } from '../render/feedsMessage.js';
import { escapeForDiscord } from '../send/escape.js';
import type { Choice } from '../send/payload.js';
import { respond } from '../send/respond.js';
import { truncateLabel } from '../send/truncate.js';

const refuse = (why: string) => new UserError(`No feed was added: ${why}.`, 'refused');

const NO_REVIEW_CHANNEL =
  'Feeds need a review channel, where moderators approve each new item before members can see it: set `REVIEW_CHANNEL_ID` to a moderators-only channel and restart the bot.';

function reviewChannel(ctx: BotContext): string {
  const id = ctx.config.feeds.reviewChannelId;
  if (id === null) throw new UserError(NO_REVIEW_CHANNEL, 'refused');
  return id;
}

/** /feeds add: the feed is fetched and read once; a bad one is refused with the reason, a good one's items are its baseline. */
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
  await ctx.state.feeds.markSeen(feed.id, items);
  await ctx.state.feeds.recordSuccess(feed.id, fetched.validators);
  await auditModeratorAction(ctx, interaction, {
    action: 'feeds add',
    title: 'Feed added',
    diff: { feed: feed.id, items: items.length },
    lines: [`**Feed:** ${feedName(feed)}`, `**Items taken as seen:** ${items.length}`],
  });
  await respond(interaction, feedAddedMessage(feed, items.length, channelId));
  return { outcome: 'done', results: items.length };
}

export async function listFeeds(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome> {
  const feeds = await ctx.state.feeds.list();
  await respond(
    interaction,
    feedListMessage(
      feeds,
      ctx.config.feeds.reviewChannelId,
      Math.max(1, Math.round(ctx.config.feeds.pollMs / 60_000)),
    ),
  );
  return { outcome: 'listed', results: feeds.length };
}

/** The feed a moderator named: an autocomplete choice (its id), its name (any case) or its URL. */
async function namedFeed(ctx: BotContext, typed: string): Promise<Feed> {
  const feeds = await ctx.state.feeds.list();
  const text = typed.trim();
  const byId = /^\d+$/.test(text) ? feeds.find((f) => f.id === Number(text)) : undefined;
  const normalized = URL.canParse(text) ? new URL(text).href : null;
  const byUrl = feeds.filter((f) => f.url === text || f.url === normalized);
  const byName = feeds.filter((f) => f.name !== null && f.name.toLowerCase() === text.toLowerCase());
  const found = byId ? [byId] : byUrl.length > 0 ? byUrl : byName;
  if (found.length === 1) return found[0]!;
  const shown = escapeForDiscord(truncateLabel(text, 80));
  if (found.length > 1)
    throw new UserError(`Several feeds are named “${shown}”: give the URL of the one to remove.`, 'invalid');
  throw new UserError(`No feed is named “${shown}”. \`/feeds list\` shows them.`, 'not_found');
}

export async function removeFeed(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<Outcome> {
  const feed = await namedFeed(ctx, interaction.options.getString('feed', true));
  await ctx.state.feeds.remove(feed.id);
  await auditModeratorAction(ctx, interaction, {
    action: 'feeds remove',
    title: 'Feed removed',
    diff: { feed: feed.id },
    lines: [`**Feed:** ${feedName(feed)}`],
  });
  await respond(interaction, feedRemovedMessage(feed));
  return { outcome: 'done' };
}

export async function feedChoices(interaction: AutocompleteInteraction, ctx: BotContext): Promise<Choice[]> {
  const typed = interaction.options.getFocused().toLowerCase();
  const feeds = await ctx.state.feeds.list();
  return feeds
    .filter((f) => `${f.name ?? ''} ${f.url}`.toLowerCase().includes(typed))
    .map((f) => ({ name: f.name ? `${f.name} — ${f.url}` : f.url, value: String(f.id) }));
}
