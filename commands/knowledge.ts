import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type { ChatCommand } from '../src/discord/command.js';
import { addDocument } from '../src/discord/knowledge/addDocument.js';
import {
  documentChoices,
  removeDocument,
  restoreDocument,
  trashChoices,
} from '../src/discord/knowledge/trashCommands.js';
import { knowledgeListMessage } from '../src/discord/render/knowledgeMessage.js';
import { requireModerator } from '../src/discord/requireModerator.js';
import { respond } from '../src/discord/send/respond.js';
import { UserError } from '../src/discord/userError.js';
import { knowledgeEntries } from '../src/knowledge/knowledgeEntries.js';

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
    description: 'Moderators: list, add, remove and restore knowledge documents.',
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
        description: 'Add a .md or .txt document to the knowledge folder and index it at once.',
        options: [
          {
            type: ApplicationCommandOptionType.Attachment,
            name: 'file',
            description: 'The .md or .txt file.',
            required: true,
          },
          textOption('title', 'Title (also names the file).', 200),
          textOption('outlet', 'Who published it.', 100),
          textOption('author', 'Who wrote it.', 100),
          textOption('published', 'Publication date, YYYY-MM-DD.', 10),
          textOption('url', 'The web address of the article.', 500),
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
    ],
  },
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand(true);
    requireModerator(interaction, ctx, `${sub} knowledge documents`);
    if (sub === 'list') {
      const entries = knowledgeEntries(ctx.engine.current.documents.values(), ctx.engine.skipped);
      await respond(interaction, knowledgeListMessage(entries, 0));
      return { outcome: 'listed', results: entries.length };
    }
    if (sub === 'add') return addDocument(interaction, ctx);
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
