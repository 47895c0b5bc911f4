/** Calendar dates as written in news text, to ISO `YYYY-MM-DD`. */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** "August 26, 2020", "Sept. 3, 2020", "3 September 2020", "2020-09-03". */
export const DATE_PATTERN = new RegExp(
  `\\b(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  'i',
);

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && toIso(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

function isoOf(m: RegExpExecArray): string | null {
  if (m[1] !== undefined) return toIso(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  if (m[5] !== undefined) return toIso(Number(m[6]), monthNumber(m[5]), Number(m[4]));
  return toIso(Number(m[7]), Number(m[8]), Number(m[9]));
}

/** The first date written in `text`, as ISO, or null when there is none or it is not a real day. */
export function findDate(text: string): string | null {
  const m = DATE_PATTERN.exec(text);
  return m ? isoOf(m) : null;
}

const EVERY_DATE = new RegExp(DATE_PATTERN.source, 'gi');

/** The latest full date (day, month and year) written in `text`, as ISO; null when it writes none. */
export function latestDate(text: string): string | null {
  let latest: string | null = null;
  for (const m of text.matchAll(EVERY_DATE)) {
    const iso = isoOf(m);
    if (iso !== null && (latest === null || iso > latest)) latest = iso;
  }
  return latest;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, 3)] ?? 0;
}

function toIso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A day of the year without its year, `MM-DD`: how questions and news text name the days of one crisis. */
export type MonthDay = string;

const MONTH_DAY = new RegExp(
  `\\b(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![a-z]))`,
  'gi',
);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RELATIVE_DAY =
  /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday|yesterday|today|tonight|(?:the )?(?:previous|preceding) day|the day before)\b/gi;

function monthDay(month: number, day: number): MonthDay | null {
  // 2020 is a leap year: 02-29 is a day.
  return toIso(2020, month, day)?.slice(5) ?? null;
}

/** The days `text` names by month and day ("October 11", "11 Oct.", "Sept. 20th"), with or without a year. */
export function namedDays(text: string): Set<MonthDay> {
  const days = new Set<MonthDay>();
  for (const m of text.matchAll(MONTH_DAY)) {
    const day =
      m[1] !== undefined
        ? monthDay(monthNumber(m[1]), Number(m[2]))
        : monthDay(monthNumber(m[4] ?? ''), Number(m[3]));
    if (day) days.add(day);
  }
  return days;
}

/**
 * The days a report written on `reported` (ISO) speaks of: those it names, and those it calls by a weekday
 * ("on Sunday": the last Sunday up to the report's day), "yesterday" ("the previous day") or "today".
 */
export function daysSpokenOf(text: string, reported: string | null): Set<MonthDay> {
  const days = namedDays(text);
  if (reported === null || !isIsoDate(reported)) return days;
  const at = new Date(`${reported}T00:00:00Z`);
  for (const m of text.matchAll(RELATIVE_DAY)) {
    const word = (m[1] ?? '').toLowerCase();
    const weekday = WEEKDAYS.indexOf(word);
    const back =
      word === 'today' || word === 'tonight' ? 0 : weekday < 0 ? 1 : (at.getUTCDay() - weekday + 7) % 7;
    days.add(new Date(at.getTime() - back * 86_400_000).toISOString().slice(5, 10));
  }
  return days;
}
