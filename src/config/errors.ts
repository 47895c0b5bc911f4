/** A configuration problem the operator can fix; its message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
  }
}

/** DISCORD_TOKEN is not set: start-up prints describeMissingToken() instead of a stack. */
export class MissingTokenError extends ConfigError {
  constructor() {
    super('DISCORD_TOKEN', 'is not set');
  }
}
