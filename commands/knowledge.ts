import type { ChatInputCommandInteraction } from 'discord.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type { BotContext } from '../src/discord/botContext.js';
import type { ChatCommand, Outcome } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import { gapsMessage } from '../src/discord/gaps/gapsMessage.js';
import { addAttachment } from '../src/discord/knowledge/addAttachment.js';
import { showArticlePreview } from '../src/discord/knowledge/showArticlePreview.js';
import {
  documentChoices,
  removeDocument,
  restoreDocument,
  trashChoices,
} from '../src/discord/knowledge/trashCommands.js';
import { knowledgeListMessage } from '../src/discord/render/knowledgeMessage.js';
import { requireModerator } from '../src/discord/requireModerator.js';
import { respond } from '../src/discord/send/respond.js';

const ADD_USAGE =
  'Give `/knowledge add` a `file:` (a .md or .txt document) or a `url:` (a news article to fetch and preview).';

/** /knowledge add: a file is uploaded (a url given with it goes into its front matter); a url alone is previewed. */
function add(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome> {
  const options = {
    title: interaction.options.getString('title'),
    outlet: interaction.options.getString('outlet'),
    author: interaction.options.getString('author'),
    published: interaction.options.getString('published')?.trim() ?? null,
    url: interaction.options.getString('url')?.trim() ?? null,
  };
  const replace = interaction.options.getBoolean('replace') ?? false;
  const attachment = interaction.options.getAttachment('file');
  if (attachment) return addAttachment(interaction, ctx, attachment, options, replace);
  const { url, ...given } = options;
  if (url) return showArticlePreview(interaction, ctx, url, given, replace);
  throw new UserError(ADD_USAGE, 'invalid');
}

const documentOption = (description: string) => ({
  type: ApplicationCommandOptionType.String as const,
  name: 'document',
  description,
  required: true,
  autocomplete: true,
  max_length: 100,
});

const textOption = (name: string, description: string, max_length: number) => ({
  type: ApplicationCommandOptionType.String as const,
  name,
  description,
  max_length,
});

export const knowledge: ChatCommand = {
  kind: 'chat',
  data: {
    type: ApplicationCommandType.ChatInput,
    name: 'knowledge',
    description: 'Moderators: list, add, remove and restore knowledge documents; see what it misses.',
    contexts: [InteractionContextType.Guild],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'list',
        description: 'Every file of the knowledge folder: indexed with its passages, or skipped and why.',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'add',
        description: 'Add a .md or .txt document, or a news article by its URL (previewed first).',
        options: [
          {
            type: ApplicationCommandOptionType.Attachment,
            name: 'file',
            description: 'The .md or .txt file (or leave it out and give a url).',
          },
          textOption('title', 'Title (also names the file).', 200),
          textOption('outlet', 'Who published it.', 100),
          textOption('author', 'Who wrote it.', 100),
          textOption('published', 'Publication date, YYYY-MM-DD.', 10),
          textOption('url', 'The article’s web address: fetched and previewed when no file is given.', 500),
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'replace',
            description: 'Replace the same document (same URL, or same title) already in the folder.',
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'remove',
        description: 'Move a document to the trash (never deleted) and reindex.',
        options: [documentOption('File name, id or title of the document to remove.')],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'restore',
        description: 'Bring a removed document back from the trash and reindex.',
        options: [documentOption('The removed file to bring back.')],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'gaps',
        description: 'Questions members asked that the knowledge does not answer, most asked first.',
      },
    ],
  },
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand(true);
    requireModerator(
      interaction,
      ctx,
      sub === 'gaps' ? 'list unanswered questions' : `${sub} knowledge documents`,
    );
    if (sub === 'list') {
      const entries = ctx.knowledge.entries();
      await respond(interaction, knowledgeListMessage(entries, 0));
      return { outcome: 'listed', results: entries.length };
    }
    if (sub === 'gaps') {
      const groups = await ctx.state.gaps.groups();
      await respond(interaction, gapsMessage(groups, 0));
      return { outcome: 'listed', results: groups.length };
    }
    if (sub === 'add') return add(interaction, ctx);
    if (sub === 'remove') return removeDocument(interaction, ctx);
    if (sub === 'restore') return restoreDocument(interaction, ctx);
    throw new UserError('This subcommand is not part of this version of the bot.', 'invalid');
  },
  async autocomplete(interaction, ctx) {
    // Moderators only: members see no file names.
    requireModerator(interaction, ctx, 'manage knowledge');
    const sub = interaction.options.getSubcommand(true);
    const typed = interaction.options.getFocused();
    if (sub === 'remove') return documentChoices(ctx, typed);
    if (sub === 'restore') return trashChoices(ctx, typed);
    return [];
  },
};
