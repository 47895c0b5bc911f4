import type { BotContext } from '../botContext.js';
import { UserError } from '../userError.js';

/** A button or modal whose id we no longer make (or never made). */
export const OUTDATED_COMPONENT = 'This button is from an older version of the bot. Please ask again.';

export const EXPIRED =
  'This result expired (the bot restarted or has answered many questions since). Please ask again.';

/** The question a button was made for, or a clean "expired" when the store no longer has it. */
export function storedQuery(ctx: BotContext, key: string | undefined) {
  const stored = key ? ctx.queries.get(key) : undefined;
  if (!stored) throw new UserError(EXPIRED, 'expired');
  return stored;
}
