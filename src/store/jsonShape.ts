/**
 * Checked decoding of the JSON files the index keeps on disk: each format has one decoder built of
 * these checks, which returns a typed value or throws a ShapeError naming the field that is wrong.
 */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

export type Check<T> = (value: unknown, path: string) => T;

const fail = (path: string, expected: string): never => {
  throw new ShapeError(`${path} must be ${expected}`);
};

export function parseJson(raw: string, what: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ShapeError(`${what} is not JSON (${(error as Error).message})`);
  }
}

export function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Record<string, unknown>;
}

export function text(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'a string');
  return value as string;
}

export function count(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) fail(path, 'a whole number');
  return value as number;
}

export function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a number');
  return value as number;
}

export function list<T>(item: Check<T>): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) fail(path, 'a list');
    return (value as unknown[]).map((v, i) => item(v, `${path}[${i}]`));
  };
}

/** null stays null (undefined too): for fields a writer may leave empty. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === undefined || value === null ? null : check(value, path));
}

/** A value that must satisfy `test` (a generation name, a known word), described as `expected`. */
export function matching<T>(test: (value: unknown) => value is T, expected: string): Check<T> {
  return (value, path) => {
    if (!test(value)) fail(path, expected);
    return value as T;
  };
}
