/**
 * Checked decoding of the JSON files the index keeps on disk: each format has one decoder built of
 * these checks, which returns the parsed value typed, or throws a ShapeError naming the field that
 * is wrong ("documents[2].meta.title must be a string"). Values are checked in place, not copied,
 * and a field's path is only spelled out on failure: a 100k-passage manifest decodes at JSON.parse
 * speed.
 */
export class ShapeError extends Error {
  override name = 'ShapeError';
  constructor(
    /** Where in the value: "" for the value itself, else "a.b[3].c". */
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path === '' ? 'the value' : path} must be ${expected}`);
  }
}

/** Returns the value, typed, when it has the shape; throws ShapeError otherwise. */
export type Check<T> = (value: unknown) => T;

/** Re-throws a ShapeError from inside `step` (a field name or "[i]") with its path prefixed. */
function within(error: unknown, step: string): never {
  if (!(error instanceof ShapeError)) throw error;
  const rest = error.path === '' || error.path.startsWith('[') ? error.path : `.${error.path}`;
  throw new ShapeError(`${step}${rest}`, error.expected);
}

export function parseJson(raw: string, what: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ShapeError(what, `JSON (${(error as Error).message})`);
  }
}

export function record(value: unknown, path = ''): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ShapeError(path, 'an object');
  return value as Record<string, unknown>;
}

/** `object[key]`, checked; a failure names the key. */
export function field<T>(object: Record<string, unknown>, key: string, check: Check<T>): T {
  try {
    return check(object[key]);
  } catch (error) {
    return within(error, key);
  }
}

export const text: Check<string> = (value) => {
  if (typeof value !== 'string') throw new ShapeError('', 'a string');
  return value;
};

/** A whole number, 0 or more: counts, offsets and ids in the saved files. */
export function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

export const count: Check<number> = (value) => {
  if (!isCount(value)) throw new ShapeError('', 'a whole number');
  return value;
};

export const finite: Check<number> = (value) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError('', 'a number');
  return value;
};

/** A list whose every item passes `item` (checked in place: the list itself is returned). */
export function list<T>(item: Check<T>): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value)) throw new ShapeError('', 'a list');
    for (let i = 0; i < value.length; i++) {
      try {
        item(value[i]);
      } catch (error) {
        within(error, `[${i}]`);
      }
    }
    return value as T[];
  };
}

/** null, or a value that passes `check`. */
export function orNull<T>(check: Check<T>): Check<T | null> {
  return (value) => (value === null ? null : check(value));
}

/** A field a writer may leave out or set to null (both read as null). */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value) => (value === undefined || value === null ? null : check(value));
}

/** A value that must satisfy `test` (a generation name, a known word), described as `expected`. */
export function matching<T>(test: (value: unknown) => value is T, expected: string): Check<T> {
  return (value) => {
    if (!test(value)) throw new ShapeError('', expected);
    return value;
  };
}
