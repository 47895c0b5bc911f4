import type { ChatInputCommandInteraction } from 'discord.js';
import { reindexAfterChange } from '../../intake/reindexAfterChange.js';
import { findDocument, type ListedFile } from '../../knowledge/findDocument.js';
import { listTrash, moveToTrash, originalName, restoreFromTrash, TrashError } from '../../knowledge/trash.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { afterReindexMessage, knowledgeAudit } from '../render/knowledgeMessage.js';
import { inlineCode } from '../send/escape.js';
import { LIMITS } from '../send/limits.js';
import type { Choice } from '../send/payload.js';
import { respond } from '../send/respond.js';
import { truncateLabel } from '../send/truncate.js';
import { UserError } from '../userError.js';
import { reindexedChange } from './reindexedChange.js';

const CHOICES = 25;

/** What /knowledge list shows: indexed documents (with their id and title) and skipped files. */
function listedFiles(ctx: BotContext): ListedFile[] {
  return [
    ...[...ctx.knowledge.documents()].map((d) => ({
      file: d.file,
      id: d.id,
      title: d.meta.title,
    })),
    ...ctx.knowledge.skipped().map((s) => ({ file: s.file })),
  ];
}

/** The file a moderator named by file name, id or title; a clear refusal otherwise. */
function fileToRemove(ctx: BotContext, typed: string): string {
  const match = findDocument(typed, listedFiles(ctx));
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
  let trashed: string;
  try {
    trashed = await moveToTrash(ctx.config.knowledgeDir, ctx.config.dataDir, file);
  } catch (error) {
    if (error instanceof TrashError)
      throw new UserError(`Nothing was removed: ${error.message}.`, 'not_found');
    throw error;
  }
  const report = reindexedChange(await reindexAfterChange(ctx.engine), ctx);
  await auditModeratorAction(ctx, interaction, knowledgeAudit('remove', 'Document removed', file, report));
  await respond(
    interaction,
    afterReindexMessage(
      `Moved ${inlineCode(file)} to the trash as ${inlineCode(trashed)}. \`/knowledge restore\` brings it back.`,
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
  const report = reindexedChange(await reindexAfterChange(ctx.engine), ctx);
  await auditModeratorAction(ctx, interaction, knowledgeAudit('restore', 'Document restored', file, report));
  await respond(interaction, afterReindexMessage(`Restored ${inlineCode(file)} from the trash.`, report));
  return { outcome: 'done', results: report.passagesAfter };
}

/** The files /knowledge list shows whose name, id or title contains what is typed; the value is the file name. */
export function documentChoices(ctx: BotContext, typed: string): Choice[] {
  const needle = typed.trim().toLowerCase();
  const has = (value: string | undefined) => value?.toLowerCase().includes(needle) ?? false;
  return listedFiles(ctx)
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
  return (await listTrash(ctx.config.dataDir))
    .filter((name) => name.toLowerCase().includes(needle))
    .slice(0, CHOICES)
    .map((name) => ({
      name: truncateLabel(`${originalName(name)} · removed ${name.slice(0, 10)}`, 100, name),
      value: name,
    }));
}
