import type { ButtonInteraction } from 'discord.js';
import { type ArticleToAdd, addArticle } from '../../intake/addArticle.js';
import { wasAdded } from '../../intake/addReport.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { articlePreviewId } from '../customIds.js';
import { UserError } from '../errors.js';
import { familyButton } from '../idFamily.js';
import { refuseAdd } from '../knowledge/addRefusal.js';
import { auditAdded } from '../knowledge/auditAdded.js';
import { requireModerator } from '../requireModerator.js';
import { update } from '../send/respond.js';

const PREVIEW_EXPIRED =
  'This preview expired (the bot restarted, or it was added, cancelled or left for 15 minutes): nothing was added. Run `/knowledge add url:` again.';

/** The preview message, replaced by a line saying what became of it; its buttons go. */
const settle = (interaction: ButtonInteraction, content: string) =>
  update(interaction, { content, embeds: [], components: [] });

async function add(interaction: ButtonInteraction, pending: ArticleToAdd, ctx: BotContext): Promise<Outcome> {
  const added = await addArticle(pending, ctx);
  if (!wasAdded(added)) throw refuseAdd(added);
  if (added.snapshot?.kind === 'failed')
    ctx.logger.warn(
      { file: added.file, err: added.snapshot.error },
      'the page snapshot of an added article was not saved',
    );
  const message = await auditAdded(ctx, interaction, added, {
    action: 'add url',
    title: 'Document added from a URL',
  });
  await update(interaction, { ...message, components: [] });
  return { outcome: 'done', results: added.passages };
}

/** Add or Cancel on an article preview: moderators only; what is added is what the preview kept. */
export const articlePreview = familyButton(articlePreviewId, async (interaction, { key, choice }, ctx) => {
  requireModerator(interaction, ctx, 'add articles to the knowledge');
  const pending = await ctx.articles.take(key);
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
