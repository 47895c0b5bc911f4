import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/**
 * node:util's parseArgs, strict, with its errors turned into one-line usage errors
 * ("unknown option --foo") that runCli prints above the usage. A leading `--` (what
 * `npm run x -- -- …` passes on) is skipped; a later one ends the options as usual.
 */
export function parseCliArgs<T extends ParseArgsConfig>(argv: readonly string[], config: T) {
  try {
    return parseArgs({ ...config, args: argv[0] === '--' ? argv.slice(1) : [...argv], strict: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    // node names the offending argument in single quotes.
    const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${quoted}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`unexpected argument ${quoted}`);
    if (code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(message.replace(/^Option/, 'option'));
    throw error;
  }
}

/** A whole number option within bounds, or a usage error naming it. */
export function wholeNumber(option: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${option} takes a whole number from ${min} to ${max} (got "${value ?? ''}")`);
  return n;
}
