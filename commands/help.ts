import { ApplicationCommandType, InteractionContextType } from 'discord-api-types/v10';
import type { ChatCommand } from '../src/discord/command.js';
import { helpMessage } from '../src/discord/render/helpMessage.js';
import { respond } from '../src/discord/send/respond.js';

export const help: ChatCommand = {
  kind: 'chat',
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'help',
    description: 'What this bot does, what it covers, and how its citations work.',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },
  async execute(interaction, ctx) {
    await respond(interaction, helpMessage(ctx.knowledge.info()));
    return { outcome: 'shown' };
  },
};
