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
