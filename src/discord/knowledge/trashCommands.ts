import type { ChatInputCommandInteraction } from 'discord.js';
import {
  documentToRemove,
  listedFiles,
  restoreTrashed,
  trashDocument,
  trashedFiles,
} from '../../intake/documentTrash.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { UserError } from '../errors.js';
import { afterReindexMessage, knowledgeAudit } from '../render/knowledgeMessage.js';
import { inlineCode } from '../send/escape.js';
import { LIMITS } from '../send/limits.js';
import type { Choice } from '../send/payload.js';
import { respond } from '../send/respond.js';
import { truncateLabel } from '../send/truncate.js';
import { reindexedChange } from './reindexedChange.js';

const CHOICES = 25;

/** The file a moderator named by file name, id or title; a clear refusal otherwise. */
function fileToRemove(ctx: BotContext, typed: string): string {
  const match = documentToRemove(typed, ctx.knowledge);
  if (match.kind === 'found') return match.file;
  if (match.kind === 'ambiguous')
    throw new UserError(
      `Several documents are titled ${inlineCode(typed.slice(0, 80))}: ${match.files
        .slice(0, 10)
        .map((f) => inlineCode(f))
        .join(', ')}. Give the file name of the one to remove.`,
      'invalid',
    );
  throw new UserError(
    `There is no document ${inlineCode(typed.slice(0, 80))} in the knowledge folder. Give its file name (as \`/knowledge list\` shows it), its id or its title, or pick one from the suggestions while typing.`,
    'not_found',
  );
}

/** /knowledge remove: the document's file into DATA_DIR/trash, then a reindex. */
export async function removeDocument(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<Outcome> {
  const file = fileToRemove(ctx, interaction.options.getString('document', true).trim());
  await interaction.deferReply({ flags: 'Ephemeral' });
  const removed = await trashDocument(file, ctx);
  if (removed.kind === 'refused') throw new UserError(`Nothing was removed: ${removed.reason}.`, 'not_found');
  const report = reindexedChange(removed.reindex, ctx);
  await auditModeratorAction(ctx, interaction, knowledgeAudit('remove', 'Document removed', file, report));
  await respond(
    interaction,
    afterReindexMessage(
      `Moved ${inlineCode(file)} to the trash as ${inlineCode(removed.file)}. \`/knowledge restore\` brings it back.`,
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
  const restored = await restoreTrashed(trashed, ctx);
  if (restored.kind === 'refused')
    throw new UserError(`Nothing was restored: ${restored.reason}.`, 'refused');
  const { file } = restored;
  const report = reindexedChange(restored.reindex, ctx);
  await auditModeratorAction(ctx, interaction, knowledgeAudit('restore', 'Document restored', file, report));
  await respond(interaction, afterReindexMessage(`Restored ${inlineCode(file)} from the trash.`, report));
  return { outcome: 'done', results: report.passagesAfter };
}

/** The files /knowledge list shows whose name, id or title contains what is typed; the value is the file name. */
export function documentChoices(ctx: BotContext, typed: string): Choice[] {
  const needle = typed.trim().toLowerCase();
  const has = (value: string | undefined) => value?.toLowerCase().includes(needle) ?? false;
  return listedFiles(ctx.knowledge)
    .filter((f) => f.file.length <= LIMITS.choiceValue && (has(f.file) || has(f.id) || has(f.title)))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .slice(0, CHOICES)
    .map((f) => ({
      name: truncateLabel(`${f.file} · ${f.title ?? 'skipped'}`, LIMITS.choiceName, f.file),
      value: f.file,
    }));
}

/** Trashed files (newest first) matching what is typed. */
export async function trashChoices(ctx: BotContext, typed: string): Promise<Choice[]> {
  const needle = typed.trim().toLowerCase();
  return (await trashedFiles(ctx.config.dataDir))
    .filter(({ name }) => name.toLowerCase().includes(needle))
    .slice(0, CHOICES)
    .map(({ name, original }) => ({
      name: truncateLabel(`${original} · removed ${name.slice(0, 10)}`, 100, name),
      value: name,
    }));
}
