/** A button or modal whose id we no longer make (or never made). */
export const OUTDATED_COMPONENT = 'This button is from an older version of the bot. Please ask again.';
