import type { Interaction } from 'discord.js';
import { hashId } from '../log/hashId.js';
import type { InteractionKind } from '../ops/metrics.js';
import type { BotContext } from './botContext.js';
import type { ButtonHandler, Command, ModalHandler, Outcome } from './command.js';
import { handleInteractionError } from './errorBoundary.js';
import { UserError } from './errors.js';
import { familyOf, OUTDATED_COMPONENT } from './idFamily.js';
import { respondChoices } from './send/respond.js';

/** Autocomplete must answer within Discord's 3 seconds; past this we answer with nothing. */
const AUTOCOMPLETE_BUDGET_MS = 2000;

export interface Registry {
  commands: ReadonlyMap<string, Command>;
  buttons: ReadonlyMap<string, ButtonHandler>;
  modals: ReadonlyMap<string, ModalHandler>;
}

export function registryOf(
  commands: Command[],
  buttons: ReadonlyMap<string, ButtonHandler>,
  modals: ReadonlyMap<string, ModalHandler> = new Map(),
): Registry {
  return { commands: new Map(commands.map((c) => [c.data.name, c])), buttons, modals };
}

function withinBudget<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([work, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref())]);
}

function kindOf(interaction: Interaction): InteractionKind {
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isCommand()) return 'command';
  if (interaction.isMessageComponent()) return 'button';
  if (interaction.isModalSubmit()) return 'modal';
  return 'other';
}

/** The command or family as a metric label: only names the bot knows, so forged ones add no series. */
function metricName(interaction: Interaction, registry: Registry): string {
  if (interaction.isCommand() || interaction.isAutocomplete())
    return registry.commands.has(interaction.commandName) ? interaction.commandName : 'unknown';
  const family =
    interaction.isMessageComponent() || interaction.isModalSubmit() ? familyOf(interaction.customId) : '';
  return registry.buttons.has(family) || registry.modals.has(family) ? family : 'unknown';
}

function describe(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent()) return `button:${familyOf(interaction.customId)}`;
  if (interaction.isModalSubmit()) return `modal:${familyOf(interaction.customId)}`;
  // Every kind the bot knows is named above; a new one Discord adds still gets a line.
  return `type:${(interaction as { type: number }).type}`;
}

async function dispatch(interaction: Interaction, ctx: BotContext, registry: Registry): Promise<Outcome> {
  if (interaction.isAutocomplete()) {
    const command = registry.commands.get(interaction.commandName);
    const work =
      command?.kind === 'chat' && command.autocomplete
        ? command.autocomplete(interaction, ctx)
        : Promise.resolve([]);
    const choices = await withinBudget(
      work.catch((error: unknown) => {
        ctx.logger.warn({ err: error }, 'autocomplete failed; answering with no choices');
        return [];
      }),
      AUTOCOMPLETE_BUDGET_MS,
      [],
    );
    await respondChoices(interaction, choices);
    return { outcome: 'listed', results: choices.length };
  }
  if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
    const command = registry.commands.get(interaction.commandName);
    if (!command) throw new UserError('This command is not part of this version of the bot.', 'invalid');
    if (command.asksQuestion) {
      const turn = await ctx.cooldown.take(hashId(interaction.user.id));
      if (!turn.ok)
        throw new UserError(`You're asking quickly; try again in ${turn.retryAfterSeconds} s.`, 'refused');
    }
    if (command.kind === 'chat' && interaction.isChatInputCommand()) return command.execute(interaction, ctx);
    if (command.kind === 'message' && interaction.isMessageContextMenuCommand())
      return command.execute(interaction, ctx);
    throw new UserError('This command does not work from here.', 'invalid');
  }
  if (interaction.isButton()) {
    const handler = registry.buttons.get(familyOf(interaction.customId));
    if (!handler) throw new UserError(OUTDATED_COMPONENT, 'expired');
    return handler.handle(interaction, ctx);
  }
  if (interaction.isModalSubmit()) {
    const handler = registry.modals.get(familyOf(interaction.customId));
    if (!handler) throw new UserError(OUTDATED_COMPONENT, 'expired');
    return handler.handle(interaction, ctx);
  }
  return { outcome: 'invalid' };
}

/**
 * Every interaction goes through here: dispatch, the error boundary, and one log line. The handler
 * and the boundary log through a child carrying the interaction's id and command, so any line they
 * write matches the interaction's own line.
 */
export async function handleInteraction(
  interaction: Interaction,
  ctx: BotContext,
  registry: Registry,
): Promise<void> {
  const started = performance.now();
  const logger = ctx.logger.child({ interactionId: interaction.id, command: describe(interaction) });
  const scoped: BotContext = { ...ctx, logger };
  let outcome: Outcome;
  try {
    outcome = await dispatch(interaction, scoped, registry);
  } catch (error) {
    outcome = await handleInteractionError(interaction, error, scoped);
  }
  const seconds = (performance.now() - started) / 1000;
  ctx.metrics.interaction({
    kind: kindOf(interaction),
    command: metricName(interaction, registry),
    outcome: outcome.outcome,
    seconds,
  });
  logger.info(
    {
      guild: interaction.guildId ?? 'dm',
      member: hashId(interaction.user.id),
      latencyMs: Math.round(seconds * 1000),
      results: outcome.results ?? 0,
      outcome: outcome.outcome,
    },
    'interaction',
  );
}
