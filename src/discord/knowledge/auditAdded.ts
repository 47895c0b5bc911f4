import type { Interaction } from 'discord.js';
import type { AddReport } from '../../intake/addReport.js';
import { auditModeratorAction } from '../auditModeratorAction.js';
import type { BotContext } from '../botContext.js';
import { addedMessage, knowledgeAudit } from '../render/knowledgeMessage.js';
import type { MessagePayload } from '../send/payload.js';
import { reindexedChange } from './reindexedChange.js';

/** A document added by a moderator: its audit entry, and the message telling them what the index holds of it. */
export async function auditAdded(
  ctx: BotContext,
  interaction: Pick<Interaction, 'user' | 'guildId'>,
  added: AddReport,
  audit: { action: 'add' | 'add url'; title: string },
): Promise<MessagePayload> {
  const report = reindexedChange(added.reindex, ctx);
  const action = added.kind === 'replaced' ? `${audit.action} (replace)` : audit.action;
  await auditModeratorAction(ctx, interaction, knowledgeAudit(action, audit.title, added.file, report));
  return addedMessage(added, report.endedRollback);
}
