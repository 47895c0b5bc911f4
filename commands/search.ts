import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
} from 'discord-api-types/v10';
import type { ChatCommand } from '../src/discord/command.js';
import { SEARCH_PAGE_SIZE, searchPageMessage } from '../src/discord/render/searchPageMessage.js';
import { parseSearchFilters } from '../src/discord/searchFilters.js';
import { queryChoice } from '../src/discord/send/payload.js';
import { respond } from '../src/discord/send/respond.js';
import { hashId } from '../src/log/hashId.js';
import { MAX_QUERY_CHARS } from '../src/search/answerQuery.js';
import { foldText } from '../src/text/fold.js';

export const search: ChatCommand = {
  kind: 'chat',
  asksQuestion: true,
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'search',
    description: 'List every passage that matches, 5 a page, optionally by outlet and date.',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'Words to look for',
        required: true,
        autocomplete: true,
        max_length: MAX_QUERY_CHARS,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'outlet',
        description: 'Only this outlet',
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'since',
        description: 'From this date (YYYY-MM-DD)',
        max_length: 10,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'until',
        description: 'Up to this date (YYYY-MM-DD)',
        max_length: 10,
      },
    ],
  },
  async execute(interaction, ctx) {
    const query = interaction.options.getString('query', true);
    const filters = parseSearchFilters({
      outlet: interaction.options.getString('outlet'),
      since: interaction.options.getString('since'),
      until: interaction.options.getString('until'),
    });
    const page = ctx.knowledge.search(query, filters, 0, SEARCH_PAGE_SIZE);
    const key = await ctx.queries.put(query, filters, 'question', 'private', hashId(interaction.user.id));
    await respond(interaction, searchPageMessage(query, filters, page, key));
    return { outcome: page.total > 0 ? 'listed' : 'not_found', results: page.total };
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'outlet') {
      const typed = foldText(focused.value);
      return ctx.knowledge
        .outlets()
        .filter((o) => foldText(o).includes(typed))
        .map((o) => ({ name: o, value: o }));
    }
    return ctx.knowledge
      .suggest(focused.value, await ctx.queries.recent(focused.value))
      .flatMap((q) => queryChoice(q) ?? []);
  },
};
