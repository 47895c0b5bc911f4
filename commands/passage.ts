import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
} from 'discord-api-types/v10';
import type { ChatCommand } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import { contextMessage } from '../src/discord/render/contextMessage.js';
import { inlineCode } from '../src/discord/send/escape.js';
import { respond } from '../src/discord/send/respond.js';
import { truncateLabel } from '../src/discord/send/truncate.js';

const CHOICES = 25;

export const passage: ChatCommand = {
  kind: 'chat',
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'passage',
    description: 'Show one passage in full, with its context and source.',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'id',
        description: 'The passage id (shown under citations), or words from it.',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },
  async execute(interaction, ctx) {
    const id = interaction.options.getString('id', true).trim();
    // An id, or words from the passage (the best match is shown).
    const passageId = ctx.knowledge.passage(id) ? id : ctx.knowledge.findPassages(id, 1)[0]?.id;
    const context = passageId ? ctx.knowledge.passage(passageId) : null;
    if (!context)
      throw new UserError(
        `There is no passage ${inlineCode(id.slice(0, 40))}. Pick one from the suggestions while typing.`,
        'not_found',
      );
    await respond(interaction, contextMessage(context, false));
    return { outcome: 'shown', results: 1 };
  },
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    return ctx.knowledge.findPassages(typed, CHOICES).map((p) => ({
      name: truncateLabel(`${p.id} · ${p.text}`, 100, p.id),
      value: p.id,
    }));
  },
};
