/**
 * What a custom_id field may carry; ids come back from Discord and anyone can forge one, so every
 * family's decode checks each field with these.
 */
const QUERY_KEY = /^[a-z0-9]{1,10}$/;
const PASSAGE_ID = /^[0-9a-f]{12}(?:-\d{1,6})?$/;
const COUNT = /^\d{1,4}$/;

/** A question's key in the QueryStore. */
export function isQueryKey(value: string | undefined): value is string {
  return value !== undefined && QUERY_KEY.test(value);
}

export function isPassageId(value: string | undefined): value is string {
  return value !== undefined && PASSAGE_ID.test(value);
}

/** A page number or a citation offset: a small whole number, or undefined for anything else. */
export function countField(value: string | undefined): number | undefined {
  return value !== undefined && COUNT.test(value) ? Number(value) : undefined;
}
