import { idFamily } from '../idFamily.js';

const QUESTION_ID = /^[1-9]\d{0,15}$/;

/** "Tell me when this is covered": the kept question's id (GapStore) is all the button carries. */
export const tellMeId = idFamily<{ questionId: number }>('tell-me', 1, {
  encode: ({ questionId }) => [questionId],
  decode: ([id, ...rest]) =>
    id !== undefined && QUESTION_ID.test(id) && rest.length === 0 ? { questionId: Number(id) } : undefined,
});
