import type { Migration } from './migration.js';

/**
 * A miss used to be kept twice: its gap question, then, once the reply went out, a not_found
 * feedback row of the same member and question. Now only the gap question is written and
 * `npm run feedback` counts those, so each feedback twin goes: a not_found row with a gap question
 * asked at most 15 minutes before it (an interaction's reply comes within that). The not_found rows
 * left are misses from before the gaps table, still counted from there.
 */
export const notFoundOnce: Migration = {
  version: 5,
  name: 'not_found_once',
  up(db) {
    db.exec(`
      DELETE FROM feedback WHERE kind = 'not_found' AND EXISTS (
        SELECT 1 FROM gap_questions g
        WHERE g.member = feedback.member AND g.query = feedback.query
          AND g.asked_at <= feedback.time
          AND g.asked_at >= strftime('%Y-%m-%dT%H:%M:%fZ', feedback.time, '-15 minutes')
      );
    `);
  },
};
