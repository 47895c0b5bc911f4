import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from './botContext.js';
import type { ButtonHandler, ModalHandler, Outcome } from './command.js';
import { UserError } from './errors.js';
import { LIMITS } from './send/limits.js';

type Field = string | number;

/** What a button or modal whose id we no longer make (or never made) is answered. */
export const OUTDATED_COMPONENT = 'This button is from an older version of the bot. Please ask again.';

/**
 * One button or modal family's custom_id, built and parsed in one place: `name.vN:field:field…`.
 * The version makes an id from an older format "expired" instead of misread; the router finds the
 * family by the name before `.v` (or before `:` for ids from before versions existed, which then
 * parse as nothing and are answered "expired" too).
 */
export interface IdFamily<Args> {
  readonly name: string;
  build(args: Args): string;
  /** The arguments, or undefined for another version's id or a malformed one. */
  parse(id: string): Args | undefined;
}

export interface FieldCodec<Args> {
  encode(args: Args): readonly Field[];
  /** Checks every field: the id comes back from Discord and anyone can forge one. */
  decode(fields: readonly string[]): Args | undefined;
}

const NAME = /^[a-z][a-z0-9-]*$/;

export function idFamily<Args>(name: string, version: number, codec: FieldCodec<Args>): IdFamily<Args> {
  if (!NAME.test(name)) throw new Error(`custom_id family name must match ${NAME}: ${name}`);
  const head = `${name}.v${version}`;
  return {
    name,
    build(args) {
      const fields = codec.encode(args).map(String);
      if (fields.some((f) => f.includes(':'))) throw new Error(`custom_id field holds ':' in ${head}`);
      const id = [head, ...fields].join(':');
      // Ids are ours (never member text), so an overlong one is our bug.
      if (id.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters: ${id}`);
      return id;
    },
    parse(id) {
      const [first, ...fields] = id.split(':');
      return first === head ? codec.decode(fields) : undefined;
    },
  };
}

/** The family an id belongs to, whatever its version. */
export function familyOf(id: string): string {
  const colon = id.indexOf(':');
  const first = colon === -1 ? id : id.slice(0, colon);
  const dot = first.indexOf('.v');
  return dot === -1 ? first : first.slice(0, dot);
}

function argsOrExpired<Args>(family: IdFamily<Args>, id: string): Args {
  const args = family.parse(id);
  if (args === undefined) throw new UserError(OUTDATED_COMPONENT, 'expired');
  return args;
}

/** A handler of one family: any id of another version or with forged fields is answered "expired". */
function familyHandler<Interaction extends { customId: string }, Args>(
  family: IdFamily<Args>,
  handle: (interaction: Interaction, args: Args, ctx: BotContext) => Promise<Outcome>,
) {
  return {
    family: family.name,
    handle: (interaction: Interaction, ctx: BotContext) =>
      handle(interaction, argsOrExpired(family, interaction.customId), ctx),
  };
}

/** A button handler that receives its family's typed arguments. */
export const familyButton: <Args>(
  family: IdFamily<Args>,
  handle: (interaction: ButtonInteraction, args: Args, ctx: BotContext) => Promise<Outcome>,
) => ButtonHandler = familyHandler;

/** Like familyButton, for a modal family. */
export const familyModal: <Args>(
  family: IdFamily<Args>,
  handle: (interaction: ModalSubmitInteraction, args: Args, ctx: BotContext) => Promise<Outcome>,
) => ModalHandler = familyHandler;
