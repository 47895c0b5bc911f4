import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
} from 'discord-api-types/v10';
import { askForReply } from '../src/discord/answerReply.js';
import type { ChatCommand } from '../src/discord/command.js';
import { keepUnanswered } from '../src/discord/gaps/keepUnanswered.js';
import { queryChoice } from '../src/discord/send/payload.js';
import { respond } from '../src/discord/send/respond.js';
import { hashId } from '../src/log/hashId.js';
import { MAX_QUERY_CHARS } from '../src/search/answerQuery.js';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask a question: I answer with quoted passages and their sources.',
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'What do you want to know?',
      required: true,
      autocomplete: true,
      max_length: MAX_QUERY_CHARS,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Only you see the answer (you can share it after).',
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const ask: ChatCommand = {
  kind: 'chat',
  data,
  asksQuestion: true,
  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true);
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    const inThread = interaction.channel?.isThread() ?? false;
    const { payload, outcome } = await askForReply(ctx, question, {
      ephemeral,
      inThread,
      inGuild: interaction.inGuild(),
      asker: hashId(interaction.user.id),
    });
    // A miss is kept once, as a gap: /knowledge gaps, Tell me and `npm run feedback` all read it there.
    await respond(
      interaction,
      outcome.outcome === 'not_found'
        ? await keepUnanswered(ctx, question, interaction.user.id, payload)
        : payload,
    );
    return outcome;
  },
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    return ctx.knowledge.suggest(typed, await ctx.queries.recent(typed)).flatMap((q) => queryChoice(q) ?? []);
  },
};
