import type { ChatInputCommandInteraction } from 'discord.js';
import { findUrlDuplicate } from '../../ingest/duplicates.js';
import { parseFetchUrl } from '../../ingest/fetchUrl.js';
import { IngestError } from '../../ingest/ingestError.js';
import { articleTarget } from '../../ingest/placeArticle.js';
import { type ReadArticle, readArticleAt } from '../../ingest/readArticleAt.js';
import { type UploadOptions, uploadOptionsProblem } from '../../knowledge/uploadMeta.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { articlePreviewMessage } from '../render/articlePreviewMessage.js';
import { respond } from '../send/respond.js';
import { articlePreviewRow } from './articleButtons.js';
import { duplicateArticleRefusal, ingestRefusal, namedDocument, refuseArticle } from './articleRefusal.js';

/**
 * /knowledge add url: without a file: the page is fetched and its article read, and the moderator gets
 * a private preview with Add and Cancel. Nothing is written here: the preview waits in ctx.articles.
 */
export async function previewArticle(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  url: string,
  options: UploadOptions,
  replace: boolean,
): Promise<Outcome> {
  const problem = uploadOptionsProblem(options);
  if (problem) throw refuseArticle(problem);
  let asked: URL;
  try {
    asked = parseFetchUrl(url);
  } catch (error) {
    if (error instanceof IngestError) throw ingestRefusal(error.message);
    throw error;
  }
  await interaction.deferReply({ flags: 'Ephemeral' });
  const known = await ctx.knowledge.knownDocuments();
  // A URL the knowledge has is refused before fetching anything.
  const byUrl = replace ? null : findUrlDuplicate(known, [asked.href]);
  if (byUrl) throw duplicateArticleRefusal(byUrl);

  let read: ReadArticle;
  try {
    read = await readArticleAt(asked.href, { allowPrivate: ctx.fetch.allowPrivate, options });
  } catch (error) {
    if (error instanceof IngestError) throw ingestRefusal(error.message);
    throw error;
  }
  const { page, prepared, fetchMs, extractMs } = read;
  ctx.logger.info(
    { fetchMs: Math.round(fetchMs), extractMs: Math.round(extractMs), bytes: page.bytes.length },
    'article read for a preview',
  );
  const target = articleTarget(known, prepared, page, replace);
  if (target.kind === 'duplicate') throw duplicateArticleRefusal(target.duplicate);

  const { html: _html, ...source } = page;
  const key = ctx.articles.put({ prepared, page: source, replace });
  const preview = { ...prepared.preview, file: target.file };
  await respond(interaction, {
    ...articlePreviewMessage(preview, {
      ...(target.replaces
        ? { note: `**Replaces** ${namedDocument(target.replaces)} with this version.` }
        : {}),
    }),
    components: [articlePreviewRow(key)],
    ephemeral: true,
  });
  return { outcome: 'shown', results: prepared.preview.passages };
}
