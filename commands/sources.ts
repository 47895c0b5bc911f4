import { ApplicationCommandType, InteractionContextType } from 'discord-api-types/v10';
import type { ChatCommand } from '../src/discord/command.js';
import { sourcesMessage } from '../src/discord/render/sourcesMessage.js';
import { respond } from '../src/discord/send/respond.js';

export const sources: ChatCommand = {
  kind: 'chat',
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'sources',
    description: 'The documents I answer from: title, outlet, date and passages.',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },
  async execute(interaction, ctx) {
    const documents = ctx.knowledge.documentsByDate();
    await respond(interaction, sourcesMessage(documents, 0, ctx.knowledge.info()));
    return { outcome: 'listed', results: documents.length };
  },
};
