import type { SearchFilters } from '../search/searchPassages.js';
import { UserError } from './userError.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

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
