import type { ChatInputCommandInteraction } from 'discord.js';
import { listTrash, moveToTrash, originalName, restoreFromTrash, TrashError } from '../../knowledge/trash.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { afterReindexMessage, knowledgeAudit } from '../render/knowledgeMessage.js';
import { inlineCode } from '../send/escape.js';
import type { Choice } from '../send/payload.js';
import { respond } from '../send/respond.js';
import { truncateLabel } from '../send/truncate.js';
import { UserError } from '../userError.js';
import { reindexAfterChange } from './reindexAfterChange.js';

const CHOICES = 25;

/** /knowledge remove: the document's file into DATA_DIR/trash, then a reindex. */
export async function removeDocument(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<Outcome> {
  const id = interaction.options.getString('document', true).trim();
  const doc = ctx.engine.current.documents.get(id);
  if (!doc)
    throw new UserError(
      `There is no indexed document ${inlineCode(id.slice(0, 80))}. Pick one from the suggestions while typing.`,
      'not_found',
    );
  await interaction.deferReply({ flags: 'Ephemeral' });
  let trashed: string;
  try {
    trashed = await moveToTrash(ctx.config.knowledgeDir, ctx.config.dataDir, doc.file);
  } catch (error) {
    if (error instanceof TrashError)
      throw new UserError(`Nothing was removed: ${error.message}.`, 'not_found');
    throw error;
  }
  const report = await reindexAfterChange(ctx);
  await auditModeratorAction(
    ctx,
    interaction,
    knowledgeAudit('remove', 'Document removed', doc.file, report),
  );
  await respond(
    interaction,
    afterReindexMessage(
      `Moved ${inlineCode(doc.file)} to the trash as ${inlineCode(trashed)}. \`/knowledge restore\` brings it back.`,
      report,
    ),
  );
  return { outcome: 'done', results: report.passagesAfter };
}

/** /knowledge restore: a trashed file back into the knowledge folder, then a reindex. */
export async function restoreDocument(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<Outcome> {
  const trashed = interaction.options.getString('document', true).trim();
  await interaction.deferReply({ flags: 'Ephemeral' });
  let file: string;
  try {
    file = await restoreFromTrash(ctx.config.knowledgeDir, ctx.config.dataDir, trashed);
  } catch (error) {
    if (error instanceof TrashError)
      throw new UserError(`Nothing was restored: ${error.message}.`, 'refused');
    throw error;
  }
  const report = await reindexAfterChange(ctx);
  await auditModeratorAction(ctx, interaction, knowledgeAudit('restore', 'Document restored', file, report));
  await respond(interaction, afterReindexMessage(`Restored ${inlineCode(file)} from the trash.`, report));
  return { outcome: 'done', results: report.passagesAfter };
}

/** Indexed document ids matching what is typed. */
export function indexedChoices(ctx: BotContext, typed: string): Choice[] {
  const needle = typed.trim().toLowerCase();
  return [...ctx.engine.current.documents.values()]
    .filter((d) => d.id.toLowerCase().includes(needle) || d.meta.title.toLowerCase().includes(needle))
    .slice(0, CHOICES)
    .map((d) => ({ name: truncateLabel(`${d.id} · ${d.meta.title}`, 100, d.id), value: d.id }));
}

/** Trashed files (newest first) matching what is typed. */
export async function trashChoices(ctx: BotContext, typed: string): Promise<Choice[]> {
  const needle = typed.trim().toLowerCase();
  return (await listTrash(ctx.config.dataDir))
    .filter((name) => name.toLowerCase().includes(needle))
    .slice(0, CHOICES)
    .map((name) => ({
      name: truncateLabel(`${originalName(name)} · removed ${name.slice(0, 10)}`, 100, name),
      value: name,
    }));
}
