import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import type { ChatCommand } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import { addFeed } from '../src/discord/feeds/addFeed.js';
import { feedChoices, listFeeds, removeFeed, resumeFeed } from '../src/discord/feeds/feedCommands.js';
import { requireModerator } from '../src/discord/requireModerator.js';
import { DEFAULT_BACKFILL, MAX_BACKFILL } from '../src/feeds/backfill.js';

/** The feed a subcommand acts on, offered by autocomplete. */
const FEED_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'feed',
  description: 'The feed: its name or URL.',
  required: true,
  autocomplete: true,
  max_length: 500,
} as const;

export const feeds: ChatCommand = {
  kind: 'chat',
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'feeds',
    description:
      'Moderators: follow RSS and Atom feeds; their new items wait for approval in the review channel.',
    contexts: [InteractionContextType.Guild],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'add',
        description:
          'Follow a feed: checked now; its newest items and those published from now on come up for review.',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'url',
            description: 'The address of the RSS or Atom feed.',
            required: true,
            max_length: 500,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'name',
            description: 'A name for the list (default: the feed’s own title).',
            max_length: 100,
          },
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'backfill',
            description: `How many of its newest items come up for review now (default ${DEFAULT_BACKFILL}; 0: none).`,
            min_value: 0,
            max_value: MAX_BACKFILL,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'list',
        description: 'Every feed followed: last poll, failures, pause, items waiting and skipped.',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'resume',
        description: 'Poll a feed paused for flooding the review queue again.',
        options: [FEED_OPTION],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'remove',
        description: 'Stop following a feed; its items waiting for review are withdrawn.',
        options: [FEED_OPTION],
      },
    ],
  },
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand(true);
    requireModerator(interaction, ctx, `${sub} feeds`);
    if (sub === 'add') return addFeed(interaction, ctx);
    if (sub === 'list') return listFeeds(interaction, ctx);
    if (sub === 'remove') return removeFeed(interaction, ctx);
    if (sub === 'resume') return resumeFeed(interaction, ctx);
    throw new UserError('This subcommand is not part of this version of the bot.', 'invalid');
  },
  async autocomplete(interaction, ctx) {
    // Moderators only: members see no feeds.
    requireModerator(interaction, ctx, 'manage feeds');
    return feedChoices(interaction, ctx);
  },
};
