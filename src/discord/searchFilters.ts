import { isIsoDate } from '../knowledge/dates.js';
import type { SearchFilters } from '../search/searchPassages.js';
import { UserError } from './errors.js';

/** Validates the /search filters a member typed, with a message that says what to fix. */
export function parseSearchFilters(raw: {
  outlet: string | null;
  since: string | null;
  until: string | null;
}): SearchFilters {
  const since = raw.since?.trim() || null;
  const until = raw.until?.trim() || null;
  for (const [name, value] of [
    ['since', since],
    ['until', until],
  ] as const) {
    if (value && !isIsoDate(value))
      throw new UserError(`\`${name}\` must be a date written YYYY-MM-DD, like 2020-08-26.`);
  }
  if (since && until && since > until) throw new UserError('`since` is after `until`: no date can be both.');
  return { outlet: raw.outlet?.trim() || null, since, until };
}
