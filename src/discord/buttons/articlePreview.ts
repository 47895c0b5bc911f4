import type { ButtonInteraction } from 'discord.js';
import { placeArticle } from '../../ingest/placeArticle.js';
import { documentId } from '../../knowledge/loadDocument.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { articlePreviewId } from '../customIds.js';
import { familyButton } from '../idFamily.js';
import { duplicateArticleRefusal, refuseArticle } from '../knowledge/articleRefusal.js';
import type { PendingArticle } from '../knowledge/pendingArticles.js';
import { reindexAfterChange } from '../knowledge/reindexAfterChange.js';
import { uploadRefusal } from '../knowledge/uploadRefusal.js';
import { addedMessage, knowledgeAudit } from '../render/knowledgeMessage.js';
import { requireModerator } from '../requireModerator.js';
import { update } from '../send/respond.js';
import { UserError } from '../userError.js';

const PREVIEW_EXPIRED =
  'This preview expired (the bot restarted, or it was added, cancelled or left for 15 minutes): nothing was added. Run `/knowledge add url:` again.';

/** The preview message, replaced by a line saying what became of it; its buttons go. */
const settle = (interaction: ButtonInteraction, content: string) =>
  update(interaction, { content, embeds: [], components: [] });

async function add(
  interaction: ButtonInteraction,
  pending: PendingArticle,
  ctx: BotContext,
): Promise<Outcome> {
  const { prepared, page, replace } = pending;
  const placed = await placeArticle({
    knowledgeDir: ctx.config.knowledgeDir,
    dataDir: ctx.config.dataDir,
    prepared,
    page,
    // Asked again: another moderator may have added it since the preview.
    known: await ctx.knowledge.knownDocuments(),
    replace,
  });
  if (placed.kind === 'duplicate') throw duplicateArticleRefusal(placed.duplicate);
  if (placed.kind === 'refused') throw refuseArticle(uploadRefusal(placed.decision));
  const { file } = placed;
  if (!placed.snapshot)
    ctx.logger.warn(
      { file, err: placed.snapshotError },
      'the page snapshot of an added article was not saved',
    );
  const report = await reindexAfterChange(ctx);
  const audit = knowledgeAudit(
    placed.kind === 'replaced' ? 'add url (replace)' : 'add url',
    'Document added from a URL',
    file,
    report,
  );
  await auditModeratorAction(ctx, interaction, audit);
  const indexed = ctx.knowledge.document(documentId(file));
  await update(interaction, {
    ...addedMessage(
      file,
      indexed?.meta ?? prepared.meta,
      indexed?.passages ?? 0,
      indexed?.firstPassage ?? null,
      placed.kind === 'replaced',
      report.endedRollback,
    ),
    components: [],
  });
  return { outcome: 'done', results: indexed?.passages ?? 0 };
}

/** Add or Cancel on an article preview: moderators only; what is added is what the preview kept. */
export const articlePreview = familyButton(articlePreviewId, async (interaction, { key, choice }, ctx) => {
  requireModerator(interaction, ctx, 'add articles to the knowledge');
  const pending = ctx.articles.take(key);
  if (choice === 'cancel') {
    await settle(interaction, 'Cancelled: nothing was added.');
    return { outcome: 'done', results: 0 };
  }
  if (!pending) throw new UserError(PREVIEW_EXPIRED, 'expired');
  await interaction.deferUpdate();
  try {
    return await add(interaction, pending, ctx);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    await settle(interaction, error.message);
    return { outcome: error.outcome };
  }
});
