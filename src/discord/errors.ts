/** An expected problem the member can act on: shown to them as is, logged without a stack. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly outcome: 'refused' | 'busy' | 'expired' | 'invalid' | 'not_found' | 'unavailable' = 'invalid',
  ) {
    super(message);
  }
}
