import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
} from 'discord-api-types/v10';
import type { ChatCommand } from '../src/discord/command.js';
import { SEARCH_PAGE_SIZE, timelineMessage } from '../src/discord/render/searchPageMessage.js';
import { queryChoice } from '../src/discord/send/payload.js';
import { respond } from '../src/discord/send/respond.js';
import { hashId } from '../src/log/hashId.js';
import { MAX_QUERY_CHARS } from '../src/search/answerQuery.js';

export const timeline: ChatCommand = {
  kind: 'chat',
  asksQuestion: true,
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'timeline',
    description: 'The dated passages on a topic, oldest first, 5 a page.',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'A place, organisation, person or event',
        required: true,
        autocomplete: true,
        max_length: MAX_QUERY_CHARS,
      },
    ],
  },
  async execute(interaction, ctx) {
    const topic = interaction.options.getString('topic', true);
    const page = ctx.knowledge.timeline(topic, 0, SEARCH_PAGE_SIZE);
    const key = await ctx.queries.put(topic, {}, 'question', 'private', hashId(interaction.user.id));
    await respond(interaction, timelineMessage(topic, page, key));
    return { outcome: page.total > 0 ? 'listed' : 'not_found', results: page.total };
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    return ctx.knowledge
      .suggest(focused.value, await ctx.queries.recent(focused.value))
      .flatMap((q) => queryChoice(q) ?? []);
  },
};
