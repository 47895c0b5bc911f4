import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { removeFeed as removeFeedAndItems } from '../../feeds/removeFeed.js';
import type { Feed } from '../../state/feedStore.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { UserError } from '../errors.js';
import { feedListMessage } from '../render/feedListMessage.js';
import { feedName, feedRemovedMessage, feedResumedMessage } from '../render/feedsMessage.js';
import { withdrawnReviewMessage } from '../render/reviewMessage.js';
import { escapeForDiscord } from '../send/escape.js';
import type { Choice } from '../send/payload.js';
import { respond } from '../send/respond.js';
import { truncateLabel } from '../send/truncate.js';
import { editReviewMessage } from './reviewChannel.js';

export async function listFeeds(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome> {
  const feeds = await Promise.all(
    (await ctx.state.feeds.list()).map(async (feed) => ({
      ...feed,
      waiting: (await ctx.state.reviews.waiting(feed.id)).feed,
      skipped: await ctx.state.feeds.skipped(feed.id),
    })),
  );
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
async function namedFeed(ctx: BotContext, typed: string, verb: string): Promise<Feed> {
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
    throw new UserError(`Several feeds are named “${shown}”: give the URL of the one to ${verb}.`, 'invalid');
  throw new UserError(`No feed is named “${shown}”. \`/feeds list\` shows them.`, 'not_found');
}

export async function removeFeed(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<Outcome> {
  const feed = await namedFeed(ctx, interaction.options.getString('feed', true), 'remove');
  const { dataDir } = ctx.config;
  const withdrawn =
    (await removeFeedAndItems(feed.id, { dataDir, feeds: ctx.state.feeds, reviews: ctx.state.reviews })) ??
    [];
  await auditModeratorAction(ctx, interaction, {
    action: 'feeds remove',
    title: 'Feed removed',
    diff: { feed: feed.id, withdrawn: withdrawn.length },
    lines: [`**Feed:** ${feedName(feed)}`, `**Items withdrawn from review:** ${withdrawn.length}`],
  });
  await respond(interaction, feedRemovedMessage(feed, withdrawn.length));
  for (const item of withdrawn)
    await editReviewMessage(interaction.client, item, withdrawnReviewMessage(item), ctx.logger);
  return { outcome: 'done', results: withdrawn.length };
}

/** /feeds resume: a paused feed is polled again, at once. */
export async function resumeFeed(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<Outcome> {
  const feed = await namedFeed(ctx, interaction.options.getString('feed', true), 'resume');
  if (!(await ctx.state.feeds.resume(feed.id)))
    throw new UserError(`**${feedName(feed)}** is not paused: it is polled as usual.`, 'refused');
  await auditModeratorAction(ctx, interaction, {
    action: 'feeds resume',
    title: 'Feed resumed',
    diff: { feed: feed.id },
    lines: [`**Feed:** ${feedName(feed)}`],
  });
  await respond(interaction, feedResumedMessage(feed, (await ctx.state.reviews.waiting(feed.id)).feed));
  ctx.pollFeedsNow();
  return { outcome: 'done' };
}

export async function feedChoices(interaction: AutocompleteInteraction, ctx: BotContext): Promise<Choice[]> {
  const typed = interaction.options.getFocused().toLowerCase();
  const feeds = await ctx.state.feeds.list();
  return feeds
    .filter((f) => `${f.name ?? ''} ${f.url}`.toLowerCase().includes(typed))
    .map((f) => ({ name: f.name ? `${f.name} — ${f.url}` : f.url, value: String(f.id) }));
}
