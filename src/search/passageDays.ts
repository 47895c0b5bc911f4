import { daysSpokenOf, type MonthDay } from '../knowledge/dates.js';
import type { Passage } from '../types.js';
import type { IndexedDocument } from './searchState.js';

const cache = new WeakMap<Passage, Set<MonthDay>>();

/**
 * The days a passage is about: those it names or calls by a weekday, "yesterday" or "today" (counted from its
 * document's date), and its document's own date.
 */
export function passageDays(passage: Passage, document: IndexedDocument): Set<MonthDay> {
  let days = cache.get(passage);
  if (!days) {
    const { published } = document.meta;
    days = daysSpokenOf(passage.text, published);
    if (published) days.add(published.slice(5));
    cache.set(passage, days);
  }
  return days;
}

/** Whether the passage is about one of `days` (true when the question names none). */
export function onDays(days: ReadonlySet<MonthDay>, passage: Passage, document: IndexedDocument): boolean {
  if (days.size === 0) return true;
  const own = passageDays(passage, document);
  for (const day of days) if (own.has(day)) return true;
  return false;
}
