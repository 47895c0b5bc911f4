import type { FieldCodec } from '../idFamily.js';
import { isPassageId, isQueryKey } from '../idFields.js';

/** A flag on one cited passage of an answer: the question's key and the passage. */
export interface PassageFlagArgs {
  key: string;
  passageId: string;
}

export const passageFlagFields: FieldCodec<PassageFlagArgs> = {
  encode: ({ key, passageId }) => [key, passageId],
  decode: ([key, passageId, ...rest]) =>
    isQueryKey(key) && isPassageId(passageId) && rest.length === 0 ? { key, passageId } : undefined,
};
