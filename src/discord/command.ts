import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from './botContext.js';

/** What an interaction came to, for the one log line each interaction gets. */
export interface Outcome {
  outcome:
    | 'answered'
    | 'not_found'
    | 'listed'
    | 'shown'
    | 'refused'
    | 'busy'
    | 'expired'
    | 'invalid'
    | 'done';
  results?: number;
}

export interface ChatCommand {
  kind: 'chat';
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Counts against the member's question cooldown. */
  asksQuestion?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Outcome>;
  autocomplete?(
    interaction: AutocompleteInteraction,
    ctx: BotContext,
  ): Promise<ApplicationCommandOptionChoiceData[]>;
}

export interface MessageCommand {
  kind: 'message';
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  asksQuestion?: boolean;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<Outcome>;
}

export type Command = ChatCommand | MessageCommand;

/** A button family: its custom_id is `prefix:arg:arg…`, everything it needs to survive a restart. */
export interface ButtonHandler {
  prefix: string;
  handle(interaction: ButtonInteraction, args: string[], ctx: BotContext): Promise<Outcome>;
}

/** A modal family, like a button family: its custom_id is `prefix:arg:arg…`. */
export interface ModalHandler {
  prefix: string;
  handle(interaction: ModalSubmitInteraction, args: string[], ctx: BotContext): Promise<Outcome>;
}
