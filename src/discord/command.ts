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
    /** The state database failed: the member was told to try again. */
    | 'unavailable'
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

/**
 * A button family's handler, made by `familyButton` (idFamily.ts): the router picks it by the family
 * name of the custom_id, and it parses the id itself (everything it needs to survive a restart).
 */
export interface ButtonHandler {
  readonly family: string;
  handle(interaction: ButtonInteraction, ctx: BotContext): Promise<Outcome>;
}

/** A modal family's handler, made by `familyModal`, like a button family's. */
export interface ModalHandler {
  readonly family: string;
  handle(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<Outcome>;
}
