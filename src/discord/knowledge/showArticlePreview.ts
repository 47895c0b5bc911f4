import type { ChatInputCommandInteraction } from 'discord.js';
import { type ArticleRequest, checkArticleRequest, previewArticle } from '../../intake/previewArticle.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { articlePreviewMessage } from '../render/articlePreviewMessage.js';
import { respond } from '../send/respond.js';
import { namedDocument, refuseAdd } from './addRefusal.js';
import { articlePreviewRow } from './articleButtons.js';

/**
 * /knowledge add url: without a file: the moderator gets a private preview of the article with Add and
 * Cancel. Nothing is written here: the preview waits in ctx.articles.
 */
export async function showArticlePreview(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  url: string,
  options: ArticleRequest['options'],
  replace: boolean,
): Promise<Outcome> {
  const request = checkArticleRequest(url, options, replace);
  if (request.kind !== 'article') throw refuseAdd(request);
  await interaction.deferReply({ flags: 'Ephemeral' });
  const previewed = await previewArticle(request, ctx);
  if (previewed.kind !== 'preview') throw refuseAdd(previewed);
  const { article, preview, replaces } = previewed;
  ctx.logger.info(
    {
      fetchMs: Math.round(previewed.fetchMs),
      extractMs: Math.round(previewed.extractMs),
      bytes: article.page.bytes.length,
    },
    'article read for a preview',
  );
  const key = await ctx.articles.put(article);
  await respond(interaction, {
    ...articlePreviewMessage(preview, {
      ...(replaces ? { note: `**Replaces** ${namedDocument(replaces)} with this version.` } : {}),
    }),
    components: [articlePreviewRow(key)],
    ephemeral: true,
  });
  return { outcome: 'shown', results: preview.passages };
}
