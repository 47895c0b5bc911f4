/** What a feedback button or modal id may carry: a query key (QueryStore) and a passage id (passageId). */
const QUERY_KEY = /^[a-z0-9]{1,10}$/;
const PASSAGE_ID = /^[0-9a-f]{12}(?:-\d{1,6})?$/;

export function isQueryKey(value: string | undefined): value is string {
  return value !== undefined && QUERY_KEY.test(value);
}

export function isPassageId(value: string | undefined): value is string {
  return value !== undefined && PASSAGE_ID.test(value);
}
