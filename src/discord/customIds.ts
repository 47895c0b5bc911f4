/**
 * Every button and modal family's custom_id, in one place for the renderers that build them and the
 * handlers that parse them. Ids come back from Discord and anyone can forge one, so each decode
 * checks every field. An id's text never changes once posted: a new format takes a new version.
 */

import { type FieldCodec, idFamily } from './idFamily.js';
import { PENDING_KEY } from './sessions/pendingArticles.js';

const QUERY_KEY = /^[a-z0-9]{1,10}$/;
const PASSAGE_ID = /^[0-9a-f]{12}(?:-\d{1,6})?$/;
const COUNT = /^\d{1,4}$/;
const QUESTION_ID = /^[1-9]\d{0,15}$/;
const ITEM_ID = /^\d{1,15}$/;

/** A question's key in the QueryStore. */
export function isQueryKey(value: string | undefined): value is string {
  return value !== undefined && QUERY_KEY.test(value);
}

export function isPassageId(value: string | undefined): value is string {
  return value !== undefined && PASSAGE_ID.test(value);
}

/** A page number or a citation offset: a small whole number, or undefined for anything else. */
function countField(value: string | undefined): number | undefined {
  return value !== undefined && COUNT.test(value) ? Number(value) : undefined;
}

/** An answer page a button stands for: the stored question's key and where its citations start. */
export interface AnswerPageArgs {
  key: string;
  offset: number;
}

const answerPageFields: FieldCodec<AnswerPageArgs> = {
  encode: ({ key, offset }) => [key, offset],
  decode([key, offset, ...rest]) {
    const start = countField(offset);
    return isQueryKey(key) && start !== undefined && rest.length === 0 ? { key, offset: start } : undefined;
  },
};

/** A pager button of a list that needs nothing else to be rebuilt: just the page. */
const pageFields: FieldCodec<{ page: number }> = {
  encode: ({ page }) => [page],
  decode([page, ...rest]) {
    const value = countField(page);
    return value !== undefined && rest.length === 0 ? { page: value } : undefined;
  },
};

/** A flag on one cited passage of an answer: the question's key and the passage. */
const passageFlagFields: FieldCodec<{ key: string; passageId: string }> = {
  encode: ({ key, passageId }) => [key, passageId],
  decode: ([key, passageId, ...rest]) =>
    isQueryKey(key) && isPassageId(passageId) && rest.length === 0 ? { key, passageId } : undefined,
};

/** More sources: the page of citations starting at `offset`. */
export const moreSourcesId = idFamily('more', 1, answerPageFields);

/** Open thread (or Post citations here): the citations of the page shown, from `offset`. */
export const openThreadId = idFamily('thread', 1, answerPageFields);

/** Share: the page that was shown (its first citation at `offset`) goes public. */
export const shareId = idFamily('share', 1, answerPageFields);

/** Context n: the cited passage, by its id (passage ids survive restarts). */
export const showContextId = idFamily<{ passageId: string }>('context', 1, {
  encode: ({ passageId }) => [passageId],
  decode: ([passageId, ...rest]) => (isPassageId(passageId) && rest.length === 0 ? { passageId } : undefined),
});

/** Helpful / Not helpful on an answer, by its question's key. */
export const voteId = idFamily<{ key: string; direction: 'up' | 'down' }>('vote', 1, {
  encode: ({ key, direction }) => [key, direction],
  decode: ([key, direction, ...rest]) =>
    isQueryKey(key) && (direction === 'up' || direction === 'down') && rest.length === 0
      ? { key, direction }
      : undefined,
});

/** Flag n: opens the reason form for that passage. */
export const flagId = idFamily('flag', 1, passageFlagFields);

/** The reason form a Flag button opens (a modal); it carries the same question key and passage. */
export const flagReasonId = idFamily('flag-reason', 1, passageFlagFields);

/** "Tell me when this is covered": the kept question's id (GapStore) is all the button carries. */
export const tellMeId = idFamily<{ questionId: number }>('tell-me', 1, {
  encode: ({ questionId }) => [questionId],
  decode: ([id, ...rest]) =>
    id !== undefined && QUESTION_ID.test(id) && rest.length === 0 ? { questionId: Number(id) } : undefined,
});

/** A stored query's key and a page of its list. */
const storedQueryPageFields: FieldCodec<{ key: string; page: number }> = {
  encode: ({ key, page }) => [key, page],
  decode([key, page, ...rest]) {
    const value = countField(page);
    return isQueryKey(key) && value !== undefined && rest.length === 0 ? { key, page: value } : undefined;
  },
};

/** Previous / Next on a /search result: the stored query (with its filters) and the page. */
export const searchPageId = idFamily('search-page', 1, storedQueryPageFields);

/** Previous / Next on a /timeline: the stored topic and the page. */
export const timelinePageId = idFamily('timeline-page', 1, storedQueryPageFields);

/** Previous / Next on /sources. */
export const sourcesPageId = idFamily('sources-page', 1, pageFields);

/** Previous / Next on /knowledge list. */
export const knowledgePageId = idFamily('knowledge-page', 1, pageFields);

/** Previous / Next on /knowledge gaps. */
export const gapsPageId = idFamily('gaps-page', 1, pageFields);

/** Add / Cancel under an article preview: the pending preview's key and the choice, nothing else. */
export const articlePreviewId = idFamily<{ key: string; choice: 'add' | 'cancel' }>('article', 1, {
  encode: ({ key, choice }) => [key, choice],
  decode: ([key, choice, ...rest]) =>
    key !== undefined &&
    PENDING_KEY.test(key) &&
    (choice === 'add' || choice === 'cancel') &&
    rest.length === 0
      ? { key, choice }
      : undefined,
});

/** Approve / Reject on a feed item's review message: `review.v1:<item id>:<action>`. */
export const reviewButtonId = idFamily<{ itemId: number; action: 'approve' | 'reject' }>('review', 1, {
  encode: ({ itemId, action }) => [itemId, action],
  decode([id, action, ...rest]) {
    if (!id || !ITEM_ID.test(id) || (action !== 'approve' && action !== 'reject') || rest.length > 0)
      return undefined;
    return { itemId: Number(id), action };
  },
});
