import type { Attachment, ChatInputCommandInteraction } from 'discord.js';
import { wasAdded } from '../../intake/addReport.js';
import { addUpload, checkUpload, type UploadRequest } from '../../intake/addUpload.js';
import type { BotContext } from '../botContext.js';
import type { Outcome } from '../command.js';
import { respond } from '../send/respond.js';
import { nothingAdded, refuseAdd } from './addRefusal.js';
import { auditAdded } from './auditAdded.js';
import { DownloadError, downloadAttachment } from './downloadAttachment.js';

/** /knowledge add file: the attachment downloaded (within the upload limit) and added by addUpload. */
export async function addAttachment(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  attachment: Attachment,
  options: UploadRequest['options'],
  replace: boolean,
): Promise<Outcome> {
  const max = ctx.config.uploadMaxBytes;
  const request = checkUpload(attachment, options, replace, max);
  if (request.kind !== 'upload') throw refuseAdd(request);
  await interaction.deferReply({ flags: 'Ephemeral' });
  let bytes: Buffer;
  try {
    bytes = await downloadAttachment(attachment.url, max);
  } catch (error) {
    if (error instanceof DownloadError) throw nothingAdded(`${error.message}.`);
    throw error;
  }
  const added = await addUpload(request, bytes, ctx);
  if (!wasAdded(added)) throw refuseAdd(added);
  await respond(
    interaction,
    await auditAdded(ctx, interaction, added, { action: 'add', title: 'Document added' }),
  );
  return { outcome: 'done', results: added.passages };
}
