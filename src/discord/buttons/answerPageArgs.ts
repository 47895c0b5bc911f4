import type { FieldCodec } from '../idFamily.js';
import { countField, isQueryKey } from '../idFields.js';

/** An answer page a button stands for: the stored question's key and where its citations start. */
export interface AnswerPageArgs {
  key: string;
  offset: number;
}

export const answerPageFields: FieldCodec<AnswerPageArgs> = {
  encode: ({ key, offset }) => [key, offset],
  decode([key, offset, ...rest]) {
    const start = countField(offset);
    return isQueryKey(key) && start !== undefined && rest.length === 0 ? { key, offset: start } : undefined;
  },
};
